using System.CommandLine;
using HerokuToCloud.Graph;
using HerokuToCloud.Graph.PulumiYaml;
using HerokuToCloud.Kubernetes;
using HerokuToCloud.Kubernetes.Manifests;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Cli.Generation;

/// <summary>
/// The kubernetes half of `generate`: its own options (where the datastores run, the image registry,
/// the domain for apps without one), the Kubernetes components on the landing plan, and the output as a
/// Pulumi YAML program (Pulumi.yaml + Pulumi.&lt;stack&gt;.yaml, the same writer as every target) or as
/// plain manifests.
/// </summary>
internal sealed class KubernetesGeneration
{
    public const string Pulumi = "pulumi";
    public const string Manifests = "manifests";

    public Option<string> Postgres { get; } = new("--postgres")
    {
        Description = "Where Postgres runs: cloudnativepg (a CloudNativePG Cluster in the namespace) or external (a URL in secret stack config). Same for every stack of a system.",
        DefaultValueFactory = _ => "cloudnativepg",
    };

    public Option<string> Redis { get; } = new("--redis")
    {
        Description = "Where Redis runs: statefulset (a Valkey StatefulSet with TLS and a password) or external (a URL in secret stack config).",
        DefaultValueFactory = _ => "statefulset",
    };

    public Option<string?> ImageRegistry { get; } = new("--image-registry")
    {
        Description = "Registry path the app images are pushed to (ghcr.io/acme); each app's image is <registry>/<app>. Default: a placeholder to replace.",
    };

    public Option<string?> ImageTag { get; } = new("--image-tag") { Description = "Image tag to deploy (default: latest)." };

    public Option<string?> AppsDomain { get; } = new("--apps-domain")
    {
        Description = "Domain for apps that had no custom domain on Heroku: they answer on <app>.<domain> (default: a placeholder under example.com).",
    };

    public Option<string?> MigrationImage { get; } = new("--migration-image")
    {
        Description = "The heroku2cloud image (built from this repository's Dockerfile) that runs the data migration Job.",
    };

    public IEnumerable<Option> Options => [Postgres, Redis, ImageRegistry, ImageTag, AppsDomain, MigrationImage];

    public GeneratedProgram Generate(LandingPlan plan, string format, ParseResult result)
    {
        var defaults = new KubernetesLandingOptions();
        var options = new KubernetesLandingOptions
        {
            Postgres = result.GetValue(Postgres) switch
            {
                "cloudnativepg" => PostgresMode.CloudNativePg,
                "external" => PostgresMode.External,
                var other => throw new UsageException($"--postgres must be cloudnativepg or external, not '{other}'."),
            },
            Redis = result.GetValue(Redis) switch
            {
                "statefulset" => RedisMode.StatefulSet,
                "external" => RedisMode.External,
                var other => throw new UsageException($"--redis must be statefulset or external, not '{other}'."),
            },
            ImageRegistry = result.GetValue(ImageRegistry) ?? defaults.ImageRegistry,
            ImageTag = result.GetValue(ImageTag) ?? defaults.ImageTag,
            AppsDomain = result.GetValue(AppsDomain) ?? defaults.AppsDomain,
            MigrationImage = result.GetValue(MigrationImage) ?? $"heroku2cloud:{typeof(KubernetesGeneration).Assembly.GetName().Version?.ToString(3) ?? "0.1.0"}",
        };

        var program = KubernetesLanding.Build(plan, options);
        var files = format switch
        {
            Pulumi => ProgramFiles.Create(program.Graph, program.Stack).Files,
            Manifests => KubernetesManifests.Render(program.Graph, program.Stack, program.Required),
            _ => throw new UsageException($"--format must be {Pulumi} or {Manifests} for --target kubernetes, not '{format}'."),
        };

        var review = program.Required.Where(r => !r.Secret)
            .Select(r => (r.Key, Describe(program.Stack.Values.GetValueOrDefault(r.Key))))
            .ToList();
        var secrets = program.Required.Where(r => r.Secret).Select(r => r.Key).ToList();
        IReadOnlyList<string> next = format == Pulumi
            ?
            [
                $"cd <output> && pulumi stack init {plan.Stack}   (or select it)",
                .. secrets.Select(k => $"pulumi config set --secret {k} '...'"),
                $"pulumi preview --stack {plan.Stack}, then pulumi up --stack {plan.Stack}",
                "heroku2cloud check <output>   (policy check of the program, any time)",
            ]
            :
            [
                "read <output>/README.md",
                "export the variables it lists, then run bash <output>/create-secrets.sh",
                "kubectl apply in the order the README gives, or point Argo CD / Flux at <output>",
            ];
        return new GeneratedProgram("kubernetes", format, files, program.Graph.Resources.Count, [.. plan.Findings, .. program.Findings], secrets, review, next);
    }

    private static string Describe(Value? value) => value switch
    {
        StringValue s => s.Text,
        NumberValue n => n.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        BoolValue b => b.Flag ? "true" : "false",
        ListValue l => string.Join(", ", l.Items.Select(Describe)),
        _ => "",
    };
}
