namespace HerokuToCloud.Kubernetes;

/// <summary>
/// Choices that change the program's shape and therefore cannot be stack config (Pulumi YAML has
/// no conditional resources): where the databases and caches run. Every stack generated from the
/// same inventory must use the same options so that Pulumi.yaml stays identical across stacks.
/// </summary>
public sealed record KubernetesLandingOptions
{
    public PostgresMode Postgres { get; init; } = PostgresMode.CloudNativePg;

    public RedisMode Redis { get; init; } = RedisMode.StatefulSet;

    /// <summary>The stack value of the heroku2cloud image that runs data migrations (the CLI passes its own version).</summary>
    public string MigrationImage { get; init; } = "heroku2cloud:0.1.0";

    /// <summary>The numeric UID that image runs as (the .NET runtime images' non-root "app" user).</summary>
    public int MigrationRunAsUser { get; init; } = 1654;
}

public enum PostgresMode
{
    /// <summary>A CloudNativePG Cluster in the namespace (the operator must be installed).</summary>
    CloudNativePg,

    /// <summary>A database run elsewhere (RDS, Cloud SQL, a managed service): its URL is secret stack config.</summary>
    External,
}

public enum RedisMode
{
    /// <summary>A Valkey StatefulSet with a password, TLS and a persistent volume in the namespace.</summary>
    StatefulSet,

    /// <summary>A cache run elsewhere (ElastiCache, Memorystore): its URL is secret stack config.</summary>
    External,
}
