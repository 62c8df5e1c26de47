using HerokuToCloud.Graph;
using HerokuToCloud.Graph.Policy;

namespace HerokuToCloud.Aws.Policy;

/// <summary>ECS.1: task definitions use awsvpc networking on Fargate, never host networking.</summary>
public sealed class EcsAwsvpcNetworking() : ResourceRule("ECS.1", "Task definitions use awsvpc networking on Fargate", AwsTypes.TaskDefinition)
{
    protected override IEnumerable<string> Check(PolicyContext context, Resource resource)
    {
        if (PolicyContext.Text(PolicyContext.At(resource, "networkMode")) != "awsvpc")
            yield return "networkMode must be awsvpc (each task gets its own network interface and security group).";
        if (!PolicyContext.Items(PolicyContext.At(resource, "requiresCompatibilities")).Any(v => PolicyContext.Text(v) == "FARGATE"))
            yield return "requiresCompatibilities must include FARGATE.";
    }
}

/// <summary>
/// ECS.2: services, schedules and one-off runs start tasks in private subnets without public IPs.
/// A subnet is public when its route table sends traffic to an internet gateway, or when it is the
/// same value an internet-facing load balancer is placed in (an existing VPC's subnets from config).
/// </summary>
public sealed class EcsPrivateTasks() : ProgramRule("ECS.2", "Tasks run in private subnets without public IPs")
{
    protected override IEnumerable<PolicyViolation> Check(PolicyContext context)
    {
        var publicSubnets = PublicSubnets(context);
        var balancerSubnets = context.OfType(AwsTypes.LoadBalancer)
            .Where(lb => PolicyContext.Unwrap(PolicyContext.At(lb, "internal")) is not BoolValue { Flag: true })
            .Select(lb => PolicyContext.At(lb, "subnets")).OfType<Value>().ToList();

        foreach (var service in context.OfType(AwsTypes.Service))
        {
            foreach (var problem in NetworkProblems(context, PolicyContext.At(service, "networkConfiguration"), publicSubnets, balancerSubnets))
                yield return Violation(service.Name, problem);
        }

        foreach (var schedule in context.OfType(AwsTypes.Schedule))
        {
            foreach (var problem in NetworkProblems(context, PolicyContext.At(schedule, "target.ecsParameters.networkConfiguration"), publicSubnets, balancerSubnets))
                yield return Violation(schedule.Name, problem);
        }

        foreach (var command in context.OfType(AwsTypes.LocalCommand))
        {
            if (PolicyContext.At(command, "environment.SUBNETS") is JoinValue join
                && (PolicyContext.Items(join.Items).Any(s => context.Target(s) is { } subnet && publicSubnets.Contains(subnet.Name))
                    || balancerSubnets.Contains(join.Items)))
                yield return Violation(command.Name, "runs its task in public subnets; pass the private subnets.");
        }
    }

    private static IEnumerable<string> NetworkProblems(PolicyContext context, Value? network, HashSet<string> publicSubnets, List<Value> balancerSubnets)
    {
        if (network is null)
        {
            yield return "has no networkConfiguration; tasks must run in the private subnets.";
            yield break;
        }

        if (!context.AlwaysIs(PolicyContext.At(network, "assignPublicIp"), false))
            yield return "must set assignPublicIp to false (tasks reach the internet through NAT).";
        var subnets = PolicyContext.At(network, "subnets");
        if (PolicyContext.Items(subnets).Any(s => context.Target(s) is { } subnet && publicSubnets.Contains(subnet.Name))
            || (subnets is not null && balancerSubnets.Contains(subnets)))
            yield return "places tasks in public subnets; use the private subnets.";
    }

    private static HashSet<string> PublicSubnets(PolicyContext context)
    {
        var gateways = context.OfType(AwsTypes.InternetGateway).Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
        var publicTables = context.OfType(AwsTypes.Route)
            .Where(r => context.Target(PolicyContext.At(r, "gatewayId")) is { } g && gateways.Contains(g.Name))
            .Select(r => context.Target(PolicyContext.At(r, "routeTableId"))?.Name)
            .Concat(context.OfType(AwsTypes.RouteTable)
                .Where(t => PolicyContext.Items(PolicyContext.At(t, "routes")).Any(r => context.Target(PolicyContext.At(r, "gatewayId")) is { } g && gateways.Contains(g.Name)))
                .Select(t => t.Name))
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
        return context.OfType(AwsTypes.RouteTableAssociation)
            .Where(a => context.Target(PolicyContext.At(a, "routeTableId")) is { } t && publicTables.Contains(t.Name))
            .Select(a => context.Target(PolicyContext.At(a, "subnetId"))?.Name)
            .Concat(context.OfType(AwsTypes.Subnet).Where(s => context.AlwaysIs(PolicyContext.At(s, "mapPublicIpOnLaunch"), true)).Select(s => s.Name))
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
    }
}

/// <summary>ECS.3: no task shares the host's process (or IPC) namespace.</summary>
public sealed class EcsNoHostNamespaces() : ResourceRule("ECS.3", "Task definitions do not share the host's process namespace", AwsTypes.TaskDefinition)
{
    protected override IEnumerable<string> Check(PolicyContext context, Resource resource)
    {
        foreach (var mode in new[] { "pidMode", "ipcMode" })
        {
            if (PolicyContext.Text(PolicyContext.At(resource, mode)) == "host")
                yield return $"{mode} is host; remove it.";
        }
    }
}

/// <summary>ECS.4: no container runs privileged.</summary>
public sealed class EcsNotPrivileged() : ResourceRule("ECS.4", "Containers do not run privileged", AwsTypes.TaskDefinition)
{
    protected override IEnumerable<string> Check(PolicyContext context, Resource resource) =>
        PolicyContext.Containers(resource)
            .Where(c => PolicyContext.Unwrap(c["privileged"]) is BoolValue { Flag: true })
            .Select(c => $"container {PolicyContext.Text(c["name"])} is privileged; set privileged to false.");
}

/// <summary>ECS.5: containers have a read-only root filesystem (a process may opt out, reported).</summary>
public sealed class EcsReadOnlyRoot() : ResourceRule("ECS.5", "Containers have a read-only root filesystem", AwsTypes.TaskDefinition)
{
    protected override IEnumerable<string> Check(PolicyContext context, Resource resource) =>
        PolicyContext.Containers(resource)
            .Where(c => PolicyContext.Unwrap(c["readonlyRootFilesystem"]) is not BoolValue { Flag: true })
            .Select(c => $"container {PolicyContext.Text(c["name"])} can write to its root filesystem; set readonlyRootFilesystem to true and mount a volume on /tmp.");
}

/// <summary>
/// ECS.8: secrets reach containers only through <c>secrets[].valueFrom</c> from Secrets Manager;
/// <c>environment</c> holds plain, non-secret literals only (PORT).
/// </summary>
public sealed class EcsSecretsNotInEnvironment() : ResourceRule("ECS.8", "Secrets reach containers through secrets, never environment", AwsTypes.TaskDefinition)
{
    protected override IEnumerable<string> Check(PolicyContext context, Resource resource)
    {
        foreach (var container in PolicyContext.Containers(resource))
        {
            var name = PolicyContext.Text(container["name"]);
            foreach (var variable in PolicyContext.Items(container["environment"]))
            {
                var key = PolicyContext.Text(PolicyContext.At(variable, "name"));
                var value = PolicyContext.At(variable, "value");
                if (value is not (StringValue or NumberValue or BoolValue) || LooksSecret(value))
                    yield return $"container {name} passes {key} in environment as {Describe(value)}; deliver it through secrets[].valueFrom.";
            }

            foreach (var secret in PolicyContext.Items(container["secrets"]))
            {
                var valueFrom = PolicyContext.At(secret, "valueFrom");
                var fromSecretsManager = context.Targets(valueFrom).Any(t => t.Type == AwsTypes.Secret)
                    || (PolicyContext.Text(valueFrom)?.StartsWith("arn:aws:secretsmanager:", StringComparison.Ordinal) ?? false);
                if (!fromSecretsManager)
                    yield return $"container {name} reads {PolicyContext.Text(PolicyContext.At(secret, "name"))} from something other than a Secrets Manager secret.";
            }
        }
    }

    private static bool LooksSecret(Value value) =>
        value is StringValue text && text.Text.Contains("://", StringComparison.Ordinal) && text.Text.Contains('@', StringComparison.Ordinal);

    private static string Describe(Value? value) => value switch
    {
        StringValue => "a credential URL",
        ConfigValue config => $"config {config.Key}",
        _ => "a computed value",
    };
}

/// <summary>ECS.9: every container logs to CloudWatch Logs.</summary>
public sealed class EcsLogging() : ResourceRule("ECS.9", "Containers have a log configuration", AwsTypes.TaskDefinition)
{
    protected override IEnumerable<string> Check(PolicyContext context, Resource resource) =>
        PolicyContext.Containers(resource)
            .Where(c => PolicyContext.Text(PolicyContext.At(c, "logConfiguration.logDriver")) is null)
            .Select(c => $"container {PolicyContext.Text(c["name"])} has no logConfiguration; log to its app's CloudWatch log group with awslogs.");
}

/// <summary>ECS.10: Fargate services and scheduled tasks run on the latest platform version.</summary>
public sealed class EcsLatestPlatform() : ProgramRule("ECS.10", "Fargate tasks run on the latest platform version")
{
    protected override IEnumerable<PolicyViolation> Check(PolicyContext context)
    {
        foreach (var (resource, path) in context.OfType(AwsTypes.Service).Select(s => (s, "platformVersion"))
                     .Concat(context.OfType(AwsTypes.Schedule).Select(s => (s, "target.ecsParameters.platformVersion"))))
        {
            var version = PolicyContext.Text(PolicyContext.At(resource, path));
            if (version is not null && version != "LATEST")
                yield return Violation(resource.Name, $"pins Fargate platform version {version}; use LATEST.");
        }
    }
}

/// <summary>ECS.12: clusters have Container Insights enabled.</summary>
public sealed class EcsContainerInsights() : ResourceRule("ECS.12", "Clusters have Container Insights enabled", AwsTypes.Cluster)
{
    protected override IEnumerable<string> Check(PolicyContext context, Resource resource)
    {
        var setting = PolicyContext.Items(PolicyContext.At(resource, "settings"))
            .FirstOrDefault(s => PolicyContext.Text(PolicyContext.At(s, "name")) == "containerInsights");
        if (PolicyContext.Text(PolicyContext.At(setting, "value")) is not ("enabled" or "enhanced"))
            yield return "has Container Insights off; add the setting containerInsights = enabled.";
    }
}
