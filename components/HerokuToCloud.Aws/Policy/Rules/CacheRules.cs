using HerokuToCloud.Graph;
using HerokuToCloud.Graph.Policy;

namespace HerokuToCloud.Aws.Policy;

/// <summary>ElastiCache.1: automatic backups (daily snapshots) are kept.</summary>
public sealed class CacheBackups() : ResourceRule("ElastiCache.1", "Caches keep automatic snapshots", AwsTypes.ReplicationGroup)
{
    protected override IEnumerable<string> Check(PolicyContext context, Resource resource)
    {
        var limit = PolicyContext.At(resource, "snapshotRetentionLimit");
        if (limit is null || (limit is not ConfigValue && context.Number(limit) is < 1))
            yield return "keeps no snapshots; set snapshotRetentionLimit to 1 or more days.";
    }

    protected override IEnumerable<string> CheckStack(PolicyContext context, Resource resource)
    {
        var limit = PolicyContext.At(resource, "snapshotRetentionLimit");
        if (limit is ConfigValue && context.Number(limit) is < 1)
            yield return $"keeps no snapshots{context.Where(limit)}; set it to 1 or more days.";
    }
}

/// <summary>ElastiCache.2: minor engine upgrades are applied automatically.</summary>
public sealed class CacheMinorUpgrades() : ResourceRule("ElastiCache.2", "Caches apply minor version upgrades", AwsTypes.ReplicationGroup)
{
    protected override IEnumerable<string> Check(PolicyContext context, Resource resource)
    {
        if (!context.AlwaysIs(PolicyContext.At(resource, "autoMinorVersionUpgrade"), true))
            yield return "must set autoMinorVersionUpgrade to true.";
    }
}

/// <summary>ElastiCache.3: automatic failover is set, as stack config (on once a cache has a replica).</summary>
public sealed class CacheFailover() : ProgramRule("ElastiCache.3", "Caches fail over automatically")
{
    protected override IEnumerable<PolicyViolation> Check(PolicyContext context)
    {
        foreach (var cache in context.OfType(AwsTypes.ReplicationGroup))
        {
            var failover = PolicyContext.At(cache, "automaticFailoverEnabled");
            if (failover is null)
                yield return Violation(cache.Name, "does not set automaticFailoverEnabled; set it (stack config) for caches with replicas.");
        }
    }
}

/// <summary>ElastiCache.4: data is encrypted at rest.</summary>
public sealed class CacheEncryptedAtRest() : ResourceRule("ElastiCache.4", "Caches are encrypted at rest", AwsTypes.ReplicationGroup)
{
    protected override IEnumerable<string> Check(PolicyContext context, Resource resource)
    {
        if (!context.AlwaysIs(PolicyContext.At(resource, "atRestEncryptionEnabled"), true))
            yield return "must set atRestEncryptionEnabled to true (it can only be set at creation).";
    }
}

/// <summary>ElastiCache.5: connections are encrypted in transit.</summary>
public sealed class CacheEncryptedInTransit() : ResourceRule("ElastiCache.5", "Caches are encrypted in transit", AwsTypes.ReplicationGroup)
{
    protected override IEnumerable<string> Check(PolicyContext context, Resource resource)
    {
        if (!context.AlwaysIs(PolicyContext.At(resource, "transitEncryptionEnabled"), true))
            yield return "must set transitEncryptionEnabled to true.";
        if (PolicyContext.Text(PolicyContext.At(resource, "transitEncryptionMode")) == "preferred")
            yield return "accepts plain-text clients (transitEncryptionMode preferred); use required.";
    }
}

/// <summary>ElastiCache.6: clients authenticate (an AUTH token or an RBAC user group).</summary>
public sealed class CacheAuthentication() : ResourceRule("ElastiCache.6", "Caches require authentication", AwsTypes.ReplicationGroup)
{
    protected override IEnumerable<string> Check(PolicyContext context, Resource resource)
    {
        if (PolicyContext.At(resource, "authToken") is null && PolicyContext.At(resource, "authTokenWo") is null
            && PolicyContext.Items(PolicyContext.At(resource, "userGroupIds")).Count == 0)
            yield return "lets any client in; set authToken from a random password.";
    }
}

/// <summary>ElastiCache.7: caches use their own subnet group, not the default one.</summary>
public sealed class CacheSubnetGroup() : ResourceRule("ElastiCache.7", "Caches use a non-default subnet group", AwsTypes.ReplicationGroup)
{
    protected override IEnumerable<string> Check(PolicyContext context, Resource resource)
    {
        var group = PolicyContext.At(resource, "subnetGroupName");
        if (group is null || PolicyContext.Text(group) == "default")
            yield return "uses the default subnet group; place it in the private subnets' subnet group.";
    }
}
