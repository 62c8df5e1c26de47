using HerokuToCloud.Graph;

namespace HerokuToCloud.Aws;

/// <summary>
/// Application Auto Scaling for a service Heroku autoscaled: the count moves between the plan's
/// bounds (stack config) tracking average CPU. Heroku scaled web dynos on p95 response time; CPU
/// tracking is the ECS equivalent that needs no per-app latency target and reacts to the same load.
/// </summary>
internal static class ServiceAutoscaling
{
    public const int TargetCpuPercent = 60;

    public static void Add(AwsProgram program, string name, Resource cluster, Resource service, Value minimum, Value maximum, string owner, string app)
    {
        var target = program.Add($"{name}-scaling", AwsTypes.ScalingTarget, new MapValue
        {
            ["serviceNamespace"] = "ecs",
            ["scalableDimension"] = "ecs:service:DesiredCount",
            ["resourceId"] = InterpolationValue.Of("service/", cluster.Ref("name"), "/", service.Ref("name")),
            ["minCapacity"] = minimum,
            ["maxCapacity"] = maximum,
        }, owner, app: app);
        program.Add($"{name}-cpu-scaling", AwsTypes.ScalingPolicy, new MapValue
        {
            ["policyType"] = "TargetTrackingScaling",
            ["serviceNamespace"] = target.Ref("serviceNamespace"),
            ["scalableDimension"] = target.Ref("scalableDimension"),
            ["resourceId"] = target.Ref("resourceId"),
            ["targetTrackingScalingPolicyConfiguration"] = new MapValue
            {
                ["predefinedMetricSpecification"] = new MapValue { ["predefinedMetricType"] = "ECSServiceAverageCPUUtilization" },
                ["targetValue"] = TargetCpuPercent,
                ["scaleInCooldown"] = 300,
                ["scaleOutCooldown"] = 60,
            },
        }, owner);
    }
}
