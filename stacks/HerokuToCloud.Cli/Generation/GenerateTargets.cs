using System.CommandLine;

namespace HerokuToCloud.Cli.Generation;

/// <summary>Every target `generate` knows, registered with one line each, and the options more than one of them reads.</summary>
internal static class GenerateTargets
{
    /// <summary>`--image-tag`: every target deploys app images; each has its own default (see its Generate).</summary>
    public static Option<string?> ImageTag { get; } = new("--image-tag")
    {
        Description = "Image tag each app deploys (default: \"initial\" on aws, where the first push uses it; \"latest\" on kubernetes). Later builds set <app>ImageTag in stack config.",
    };

    /// <summary>`--writable-root`: both targets run every container with a read-only root unless this names it (see WritableRoots).</summary>
    public static Option<string?> WritableRoot { get; } = new("--writable-root")
    {
        Description = "Comma-separated processes (APP/PROCESS, or PROCESS in every app; release and scheduled jobs too) that keep a writable root filesystem, each waiving the read-only-root rule (aws ECS.5, kubernetes K8S.readOnlyRootFilesystem); the rest get a read-only root with a writable /tmp.",
    };

    /// <summary>The list an option gives, comma-separated ("web, emigrate/release").</summary>
    public static List<string> Split(string? list) =>
        list is null ? [] : [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>This CLI's version: the tag of the heroku2cloud image (this repository's Dockerfile) that runs data migrations.</summary>
    public static string ToolVersion =>
        typeof(GenerateTargets).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.1.0";

    public static IReadOnlyList<IGenerateTarget> All { get; } =
    [
        new AwsTarget(),
        new KubernetesTarget(),
    ];

    /// <summary>The options of every target once each, for the generate verb.</summary>
    public static IEnumerable<Option> Options => All.SelectMany(t => t.Options).Prepend(WritableRoot).Prepend(ImageTag);
}
