using System.Globalization;
using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Aws;

/// <summary>
/// An ElastiCache for Valkey replication group replacing one Heroku Key-Value Store (Redis) add-on:
/// encrypted at rest and in transit, an AUTH token from the random provider, daily snapshots kept,
/// automatic failover once it has a replica and Multi-AZ for HA plans. Valkey is the engine Heroku
/// itself now runs and speaks the Redis protocol; versions below 7.2 move up to 7.2, the first Valkey.
/// </summary>
internal static class RedisCache
{
    public const string Engine = "valkey";
    public const string OldestEngineVersion = "7.2";
    public const int SnapshotRetentionDays = 7;

    public static DatastoreConnection Add(AwsProgram program, NetworkLanding network, RedisDatastore cache,
        IReadOnlyDictionary<string, Resource> appSecurityGroups)
    {
        var owner = $"cache {cache.Name}";
        var name = AwsNames.Logical(cache.Name);
        var groupName = AwsNames.Fit(name, AwsNames.ReplicationGroupMax);
        AwsNames.EnsureAutonamable(groupName, AwsNames.ReplicationGroupMax, "ElastiCache replication group", owner);

        var node = CacheNodeTypes.Pick(cache);
        var nodes = cache.HighAvailability ? Math.Max(cache.Nodes, 2) : Math.Max(cache.Nodes, 1);
        string Key(string setting) => ConfigKeys.Of(cache.Name, setting);
        var version = program.Config(Key("engineVersion"), ConfigType.String, EngineVersion(program, cache), $"Valkey version of {cache.Name}.", owner);
        var nodeType = program.Config(Key("nodeType"), ConfigType.String, node.Name,
            $"ElastiCache node type of {cache.Name}, sized from its Heroku plan with headroom.", owner);
        var nodeCount = program.Config(Key("nodes"), ConfigType.Integer, nodes, $"Nodes of {cache.Name}: one primary plus replicas.", owner);
        var failover = program.Config(Key("automaticFailover"), ConfigType.Boolean, nodes >= 2,
            $"Promote a replica of {cache.Name} when the primary fails (needs two or more nodes).", owner);
        var multiAz = program.Config(Key("multiAz"), ConfigType.Boolean, cache.HighAvailability && nodes >= 2,
            $"Spread {cache.Name}'s nodes over availability zones (needs automatic failover).", owner);
        // Like the database's: ElastiCache otherwise defers a node type or engine version change to the
        // maintenance window, and pulumi up would report a resize that has not happened.
        var applyImmediately = program.Config(Key("applyImmediately"), ConfigType.Boolean, true,
            $"Apply changes to {cache.Name} (node type, engine version) during pulumi up; Valkey resizes online, dropping connections for a few seconds at the switch to the new nodes. Set to false to defer them to the cache's weekly maintenance window.", owner);
        var snapshots = program.Config(Key("snapshotRetentionDays"), ConfigType.Integer, SnapshotRetentionDays, $"Days of daily snapshots of {cache.Name}.", owner);

        var subnets = program.Add($"{name}-subnets", AwsTypes.CacheSubnetGroup, new MapValue
        {
            ["description"] = $"Private subnets of {cache.Name}",
            ["subnetIds"] = network.PrivateSubnetIds,
        }, owner);
        var securityGroup = SecurityGroups.Add(program, network, $"{name}-sg", $"{cache.Name}: Valkey from its apps only", owner);
        foreach (var app in cache.Apps)
        {
            if (!appSecurityGroups.TryGetValue(app, out var source))
                throw new AwsLandingException($"Cache {cache.Name} is attached to app '{app}', which the landing plan does not have; check the add-on attachments in the inventory.");
            SecurityGroups.AllowFrom(program, securityGroup, source, SecurityGroups.RedisPort, $"{name}-from-{AwsNames.Logical(app)}", $"Valkey from {app}", owner);
        }

        var token = program.Add($"{name}-auth-token", AwsTypes.RandomPassword, new MapValue
        {
            // 16 to 128 printable characters; letters and digits only, so it also sits in a URL unescaped.
            ["length"] = 64,
            ["special"] = false,
            ["minUpper"] = 1,
            ["minLower"] = 1,
            ["minNumeric"] = 1,
        }, owner);
        var group = program.Add(groupName, AwsTypes.ReplicationGroup, new MapValue
        {
            ["description"] = $"{cache.Name} (was Heroku {cache.HerokuService})",
            ["engine"] = Engine,
            ["engineVersion"] = version,
            ["nodeType"] = nodeType,
            ["numCacheClusters"] = nodeCount,
            ["automaticFailoverEnabled"] = failover,
            ["multiAzEnabled"] = multiAz,
            ["port"] = SecurityGroups.RedisPort,
            ["subnetGroupName"] = subnets.Ref("name"),
            ["securityGroupIds"] = Value.List(securityGroup.Ref("id")),
            ["atRestEncryptionEnabled"] = true,
            ["transitEncryptionEnabled"] = true,
            ["authToken"] = token.Ref("result"),
            ["snapshotRetentionLimit"] = snapshots,
            ["autoMinorVersionUpgrade"] = true,
            ["applyImmediately"] = applyImmediately,
        }, owner, new ResourceOptions { CustomTimeouts = new CustomTimeouts(Create: "60m", Update: "60m", Delete: "40m") });

        // Heroku's REDIS_URL and REDIS_TLS_URL both become TLS URLs: the cache only accepts TLS.
        var url = new SecretValue(InterpolationValue.Of(
            "rediss://:", token.Ref("result"), "@", group.Ref("primaryEndpointAddress"), $":{SecurityGroups.RedisPort}"));
        return new DatastoreConnection(cache, group, securityGroup, url, url);
    }

    private static string EngineVersion(AwsProgram program, RedisDatastore cache)
    {
        var parts = cache.Version.Split('.');
        if (parts.Length >= 1 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major))
        {
            var minor = parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 0;
            if (major > 7 || (major == 7 && minor >= 2))
                return $"{major}.{minor}";
        }

        program.Report(FindingSeverity.Info, $"cache {cache.Name}",
            $"Heroku ran Redis {cache.Version}; ElastiCache runs it as Valkey {OldestEngineVersion}, which speaks the same protocol. Test clients that rely on version-specific commands.");
        return OldestEngineVersion;
    }
}
