using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Aws;

/// <summary>
/// The ECS service part shared by web and worker processes: Fargate on the latest platform version
/// (ECS.10) in the private subnets without public addresses (ECS.2), the desired count as stack
/// config (0 stays 0), rollout percentages from the plan and a circuit breaker that rolls a failing
/// deployment back.
/// </summary>
internal static class FargateService
{
    /// <summary>Heroku preboot keeps full capacity: start new tasks first, stop old ones after.</summary>
    public static (int MinimumHealthy, int Maximum) Rollout(Rollout rollout) => rollout switch
    {
        Landing.Rollout.Preboot => (100, 200),
        _ => (50, 200),
    };

    public static Resource Add(AwsProgram program, AppRuntime runtime, Service service, Resource cluster, Resource taskDefinition,
        NetworkLanding network, Value desiredCount, IReadOnlyList<string> dependsOn, MapValue? loadBalancer, bool autoscaled)
    {
        var (minimumHealthy, maximum) = Rollout(service.Rollout);
        var properties = new MapValue
        {
            ["cluster"] = cluster.Ref("arn"),
            ["taskDefinition"] = taskDefinition.Ref("arn"),
            ["desiredCount"] = desiredCount,
            ["launchType"] = "FARGATE",
            ["platformVersion"] = "LATEST",
            ["deploymentMinimumHealthyPercent"] = minimumHealthy,
            ["deploymentMaximumPercent"] = maximum,
            ["deploymentCircuitBreaker"] = new MapValue { ["enable"] = true, ["rollback"] = true },
            ["networkConfiguration"] = new MapValue
            {
                ["subnets"] = network.PrivateSubnetIds,
                ["securityGroups"] = Value.List(runtime.TaskSecurityGroup.Ref("id")),
                ["assignPublicIp"] = false,
            },
            ["propagateTags"] = "SERVICE",
            ["enableEcsManagedTags"] = true,
            // pulumi up waits until the new tasks are running (or the circuit breaker has rolled back),
            // so a deploy that cannot start is reported, as on Heroku.
            ["waitForSteadyState"] = true,
        };
        if (loadBalancer is not null)
        {
            properties["loadBalancers"] = Value.List(loadBalancer);
            // Heroku allows 60 s (90 s for JVM apps) to bind PORT before R10; the load balancer's
            // health checks must not kill a task that is still booting.
            properties["healthCheckGracePeriodSeconds"] = 90;
        }

        return program.Add(AwsNames.Logical(runtime.App.Name, service.Name), AwsTypes.Service, properties, $"{runtime.Owner} process {service.Name}",
            new ResourceOptions
            {
                DependsOn = dependsOn,
                // Application Auto Scaling owns the count of an autoscaled service; a deploy must not reset it.
                IgnoreChanges = autoscaled ? ["desiredCount"] : [],
            },
            app: runtime.App.Name);
    }
}
