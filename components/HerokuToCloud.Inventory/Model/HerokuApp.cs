namespace HerokuToCloud.Inventory;

/// <summary>One Heroku app: its code build, its processes and everything configured on it.</summary>
public sealed record HerokuApp
{
    /// <summary>Heroku app name (pattern ^[a-z][a-z0-9-]{1,28}[a-z0-9]$ on Heroku).</summary>
    public required string Name { get; init; }

    /// <summary>Heroku region, for example "us" or "eu"; null when unknown (manifests do not say).</summary>
    public string? Region { get; init; }

    /// <summary>Heroku stack, for example "heroku-24" or "container".</summary>
    public string? Stack { get; init; }

    public AppBuild Build { get; init; } = new();

    public PipelineCoupling? Pipeline { get; init; }

    /// <summary>Enabled app features, for example "preboot".</summary>
    public IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>Long-running process types from the Procfile (or heroku.yml run) with their formation.</summary>
    public IReadOnlyList<Process> Processes { get; init; } = [];

    /// <summary>The release-phase command, run before every release goes live.</summary>
    public ReleasePhase? Release { get; init; }

    /// <summary>app.json scripts.postdeploy: runs once after the app is first created.</summary>
    public string? PostDeploy { get; init; }

    public IReadOnlyList<ConfigVar> Config { get; init; } = [];

    public IReadOnlyList<ScheduledJob> Scheduler { get; init; } = [];

    public IReadOnlyList<Domain> Domains { get; init; } = [];

    /// <summary>Log drain destinations, credentials removed; the landing plan only notes them.</summary>
    public IReadOnlyList<string> LogDrains { get; init; } = [];

    public IReadOnlyList<string> Notes { get; init; } = [];

    public bool HasFeature(string feature) => Features.Contains(feature, StringComparer.OrdinalIgnoreCase);
}
