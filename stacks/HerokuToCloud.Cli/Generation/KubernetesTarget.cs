using System.CommandLine;
using HerokuToCloud.Graph;
using HerokuToCloud.Kubernetes;
using HerokuToCloud.Kubernetes.Manifests;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Cli.Generation;

/// <summary>
/// `--target kubernetes` (docs/kubernetes-landing.md): its own options (where the datastores run, the
/// image registry, the domain for apps without one), the Kubernetes components on the landing plan,
/// and the output as a Pulumi YAML program or, with `--format manifests`, as plain manifests for
/// kubectl or a GitOps controller.
/// </summary>
internal sealed class KubernetesTarget : IGenerateTarget
{
    private const string Pulumi = "pulumi";
    private const string Manifests = "manifests";

    private readonly Option<string> format = new("--format")
    {
        Description = "kubernetes only: pulumi writes Pulumi.yaml and Pulumi.<stack>.yaml (default); manifests writes plain Kubernetes YAML for kubectl or GitOps.",
        DefaultValueFactory = _ => Pulumi,
    };

    private readonly Option<string> postgres = new("--postgres")
    {
        Description = "kubernetes only: where Postgres runs: cloudnativepg (a CloudNativePG Cluster in the namespace) or external (a URL in secret stack config). Same for every stack of a system.",
        DefaultValueFactory = _ => "cloudnativepg",
    };

    private readonly Option<string> redis = new("--redis")
    {
        Description = "kubernetes only: where Redis runs: statefulset (a Valkey StatefulSet with TLS and a password) or external (a URL in secret stack config).",
        DefaultValueFactory = _ => "statefulset",
    };

    private readonly Option<string?> imageRegistry = new("--image-registry")
    {
        Description = "kubernetes only: registry path the app images are pushed to (ghcr.io/acme); each app's image is <registry>/<app>. Default: a placeholder to replace.",
    };

    private readonly Option<string?> appsDomain = new("--apps-domain")
    {
        Description = "kubernetes only: domain for apps that had no custom domain on Heroku: they answer on <app>.<domain> (default: a placeholder under example.com).",
    };

    private readonly Option<string?> migrationImage = new("--migration-image")
    {
        Description = "kubernetes only: the heroku2cloud image (built from this repository's Dockerfile) that runs the data migration Job.",
    };

    public string Name => "kubernetes";

    public string Description => "Deployments, Services, Ingress, CronJobs and NetworkPolicies; CloudNativePG and a Valkey StatefulSet, or external datastores";

    public IReadOnlyList<Option> Options => [format, postgres, redis, imageRegistry, appsDomain, migrationImage];

    public GeneratedProgram Generate(LandingPlan plan, IReadOnlyList<LandingPlan> stages, ParseResult options)
    {
        var defaults = new KubernetesLandingOptions();
        var program = KubernetesLanding.Build(plan, new KubernetesLandingOptions
        {
            Postgres = options.GetValue(postgres) switch
            {
                "cloudnativepg" => PostgresMode.CloudNativePg,
                "external" => PostgresMode.External,
                var other => throw new UsageException($"--postgres must be cloudnativepg or external, not '{other}'."),
            },
            Redis = options.GetValue(redis) switch
            {
                "statefulset" => RedisMode.StatefulSet,
                "external" => RedisMode.External,
                var other => throw new UsageException($"--redis must be statefulset or external, not '{other}'."),
            },
            ImageRegistry = options.GetValue(imageRegistry) ?? defaults.ImageRegistry,
            ImageTag = options.GetValue(GenerateTargets.ImageTag) ?? defaults.ImageTag,
            AppsDomain = options.GetValue(appsDomain) ?? defaults.AppsDomain,
            MigrationImage = options.GetValue(migrationImage) ?? $"heroku2cloud:{GenerateTargets.ToolVersion}",
            WritableRoot = GenerateTargets.Split(options.GetValue(GenerateTargets.WritableRoot)),
        });

        var review = program.Required.Where(r => !r.Secret).ToList();
        return new GeneratedProgram(program.Graph, program.Stack, [.. plan.Findings, .. program.Findings], [.. program.Required.Where(r => r.Secret).Select(r => r.Key)], [])
        {
            ReviewKeys = [.. review.Select(r => r.Key)],
            KeysFromTypedOptions = KeysFromTypedOptions(plan, program.Stack, options),
            Manifests = options.GetValue(format) switch
            {
                Pulumi => null,
                Manifests => new ManifestOutput(
                    (stack, optionalSecrets) => KubernetesManifests.Prepare(program.Graph, stack, review, optionalSecrets),
                    [
                        "read <output>/README.md",
                        $"export the variables it lists, then run bash <output>/{KubernetesManifests.SecretsScript}",
                        "kubectl apply in the order the README gives, or point Argo CD / Flux at <output>",
                    ]),
                var other => throw new UsageException($"--format must be {Pulumi} or {Manifests}, not '{other}'."),
            },
        };
    }

    /// <summary>
    /// The stack keys each option feeds, named as HerokuToCloud.Kubernetes declares them. --format,
    /// --postgres and --redis choose the program's shape, not stack values.
    /// </summary>
    private IReadOnlyList<string> KeysFromTypedOptions(LandingPlan plan, StackConfig stack, ParseResult options) =>
        new TypedOptionKeys(options, stack)
            .Add(imageRegistry, plan.Apps.Select(a => ConfigKeys.Of(a.Name, "image")))
            .Add(GenerateTargets.ImageTag, plan.Apps.Select(a => ConfigKeys.Of(a.Name, "image-tag")))
            // Only apps without a custom domain answer on <app>.<apps domain>; the others keep theirs.
            .Add(appsDomain, plan.Apps.Where(a => a.Domains.Count == 0).Select(a => ConfigKeys.Of(a.Name, "domains")))
            .Add(migrationImage, "migrationImage")
            .Keys;
}
