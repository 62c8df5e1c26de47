namespace HerokuToCloud.Landing;

/// <summary>
/// One application on the new platform: one image, one set of secrets, the services and jobs
/// that run it. The apps of a Heroku pipeline (staging, production) land as one AppLanding whose
/// values come from the stage matching the stack.
/// </summary>
public sealed record AppLanding
{
    /// <summary>Resource-safe name: lower-case letters, digits and dashes, starting with a letter.</summary>
    public required string Name { get; init; }

    /// <summary>The Heroku app(s) this landing replaces.</summary>
    public IReadOnlyList<string> HerokuApps { get; init; } = [];

    /// <summary>
    /// The Heroku app whose values this stack carries (the app of the stack's pipeline stage), or
    /// null when that stage has no app in this role. A per-stack value: use it to fill the stack's
    /// secret config from a capture (--secrets-out), never as part of the program.
    /// </summary>
    public string? SourceApp { get; init; }

    public IReadOnlyList<Service> Services { get; init; } = [];

    public ReleaseTask? Release { get; init; }

    public IReadOnlyList<ScheduledTask> ScheduledTasks { get; init; } = [];

    /// <summary>Run-time environment delivered through the target's secret store, never plain env.</summary>
    public IReadOnlyList<SecretEntry> Secrets { get; init; } = [];

    /// <summary>Names of vars the image build needs (build secrets, never in the running task).</summary>
    public IReadOnlyList<string> BuildSecrets { get; init; } = [];

    /// <summary>Custom domains routed to the web service.</summary>
    public IReadOnlyList<string> Domains { get; init; } = [];

    public ImageBuild Image { get; init; } = new();

    public Service? Web => Services.FirstOrDefault(s => s.Kind == ServiceKind.Web);
}

/// <summary>How the team builds the image the services run (informational: the image tag is stack config).</summary>
public sealed record ImageBuild
{
    public IReadOnlyList<string> Buildpacks { get; init; } = [];

    /// <summary>Dockerfile path when the app used heroku.yml; null for buildpack apps.</summary>
    public string? Dockerfile { get; init; }

    /// <summary>True when the image is built with Cloud Native Buildpacks (no Dockerfile): its entrypoint is the CNB launcher.</summary>
    public bool IsBuildpackImage => Dockerfile is null;
}
