using HerokuToCloud.Graph;

namespace HerokuToCloud.Aws;

/// <summary>
/// The limits AWS puts on an AWS program's stack values, read from the properties that use them: a
/// task definition's <c>cpu</c>/<c>memory</c> pair (Fargate sizes), a service's <c>desiredCount</c>
/// (0 or more), an autoscaling target's <c>minCapacity</c>/<c>maxCapacity</c>, a replication group's
/// nodes, failover and Multi-AZ together, a target group's health-check <c>path</c>, and a schedule's <c>state</c> (ENABLED or DISABLED, as
/// EventBridge Scheduler spells them). Only properties set
/// from a config key are limits on stack values; a literal is the program's own.
/// </summary>
public static class AwsStackValueLimits
{
    /// <summary>The states EventBridge Scheduler accepts, case-sensitive.</summary>
    public static IReadOnlyList<string> ScheduleStates { get; } = ["ENABLED", "DISABLED"];

    public static StackValueLimits Read(ResourceGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var limits = new StackValueLimits();
        foreach (var resource in graph.Resources)
        {
            var properties = resource.Properties;
            switch (resource.Type)
            {
                case AwsTypes.TaskDefinition when properties["cpu"] is ConfigValue cpu && properties["memory"] is ConfigValue memory:
                    limits.Add(new FargateSizeLimit(cpu.Key, memory.Key));
                    break;
                case AwsTypes.Service when properties["desiredCount"] is ConfigValue count:
                    limits.Add(new CountLimit(count.Key, "a task count"));
                    break;
                case AwsTypes.ScalingTarget when properties["minCapacity"] is ConfigValue min && properties["maxCapacity"] is ConfigValue max:
                    limits.Add(new RangeLimit(min.Key, max.Key, "tasks"));
                    break;
                case AwsTypes.ReplicationGroup when properties["numCacheClusters"] is ConfigValue nodes
                    && properties["automaticFailoverEnabled"] is ConfigValue failover && properties["multiAzEnabled"] is ConfigValue multiAz:
                    limits.Add(new CacheTopologyLimit(nodes.Key, failover.Key, multiAz.Key));
                    break;
                case AwsTypes.TargetGroup when properties["healthCheck"] is MapValue check && check["path"] is ConfigValue path:
                    limits.Add(new HealthCheckPathLimit(path.Key));
                    break;
                case AwsTypes.Schedule when properties["state"] is ConfigValue state:
                    limits.Add(new ChoiceLimit(state.Key, "a schedule state", ScheduleStates));
                    break;
            }
        }

        return limits;
    }
}
