using HerokuToCloud.Landing;

namespace HerokuToCloud.Aws;

/// <summary>An ElastiCache node type with its memory.</summary>
public sealed record CacheNodeType(string Name, int Vcpu, decimal MemoryGiB);

/// <summary>
/// Picks the ElastiCache (Valkey) node type for a cache of the plan (heroku-facts 8c, "with headroom"
/// column): the smallest node whose memory keeps 30 % free after the plan's data set. ElastiCache
/// reserves 25 % of a node's memory by default for replication and snapshots; the extra margin keeps
/// a cache that was full on Heroku from evicting on AWS. This reproduces table 8c row for row.
/// </summary>
public static class CacheNodeTypes
{
    /// <summary>Share of a node's memory the plan's data may fill.</summary>
    public const decimal UsableShare = 0.70m;

    public static IReadOnlyList<CacheNodeType> All { get; } =
    [
        new("cache.t4g.micro", 2, 0.5m), new("cache.t4g.small", 2, 1.37m), new("cache.t4g.medium", 2, 3.09m),
        new("cache.r7g.large", 2, 13.07m), new("cache.r7g.xlarge", 4, 26.32m), new("cache.r7g.2xlarge", 8, 52.82m),
        new("cache.r7g.4xlarge", 16, 105.81m), new("cache.r7g.8xlarge", 32, 209.55m), new("cache.r7g.12xlarge", 48, 317.77m),
        new("cache.r7g.16xlarge", 64, 419.09m),
    ];

    public static CacheNodeType Pick(RedisDatastore cache)
    {
        var needGiB = cache.MemoryMiB / 1024m;
        return All.FirstOrDefault(n => n.MemoryGiB * UsableShare >= needGiB)
            ?? throw new AwsLandingException(
                $"Cache {cache.Name} ({cache.HerokuService}:{cache.HerokuPlan}) holds {cache.MemoryMiB} MiB; with headroom that needs more than the largest node, {All[^1].Name}. " +
                "Split the data across several caches or use a cluster-mode replication group by hand.");
    }
}
