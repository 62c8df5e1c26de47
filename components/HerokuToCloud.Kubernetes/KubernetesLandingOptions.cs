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

    /// <summary>
    /// Registry and path prefix the app images are pushed to (ghcr.io/acme); each app's image is
    /// &lt;registry&gt;/&lt;app&gt;. The default is a reserved name that cannot resolve, so a stack nobody
    /// edited fails at the first pull instead of running someone else's image.
    /// </summary>
    public string ImageRegistry { get; init; } = "registry.example.com";

    /// <summary>The image tag every app starts from; a new tag per deploy rolls the Deployments and replaces the release Job.</summary>
    public string ImageTag { get; init; } = "latest";

    /// <summary>
    /// The domain under which an app that had no custom domain on Heroku (only *.herokuapp.com) gets a
    /// hostname: &lt;app&gt;.&lt;domain&gt;. Usually a wildcard DNS name pointing at the ingress controller.
    /// </summary>
    public string AppsDomain { get; init; } = "example.com";

    /// <summary>The stack value of the heroku2cloud image that runs data migrations (the CLI passes its own version).</summary>
    public string MigrationImage { get; init; } = "heroku2cloud:0.1.0";

    /// <summary>The numeric UID that image runs as (the .NET runtime images' non-root "app" user).</summary>
    public int MigrationRunAsUser { get; init; } = 1654;

    /// <summary>
    /// Processes that keep a writable root filesystem (<c>APP/PROCESS</c>, or <c>PROCESS</c> in every
    /// app; <c>release</c> and scheduled job names count too), each with a K8S.readOnlyRootFilesystem
    /// waiver. Everything else runs with a read-only root and a writable /tmp. See <see cref="HerokuToCloud.Landing.WritableRoots"/>.
    /// </summary>
    public IReadOnlyList<string> WritableRoot { get; init; } = [];
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
