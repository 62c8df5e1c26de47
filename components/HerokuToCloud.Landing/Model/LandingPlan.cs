namespace HerokuToCloud.Landing;

/// <summary>
/// What must exist on any target for one stack (one stage of the system), in platform-neutral
/// terms: services, jobs, datastores, secrets, routes and sizes. Built from an inventory by the
/// mapping rules; read by the AWS and Kubernetes components. Heroku knowledge stops here.
/// </summary>
public sealed record LandingPlan
{
    /// <summary>Project name (lower-case letters, digits and dashes).</summary>
    public required string System { get; init; }

    /// <summary>The stack these values are for ("prod", "staging").</summary>
    public required string Stack { get; init; }

    /// <summary>
    /// The Heroku pipeline stage the stack selected ("production", "staging", ...), or null when the
    /// system has no pipeline and every stack gets the same values.
    /// </summary>
    public string? Stage { get; init; }

    public IReadOnlyList<AppLanding> Apps { get; init; } = [];

    public IReadOnlyList<Datastore> Datastores { get; init; } = [];

    /// <summary>Everything the mapping could not carry over as-is: unsupported add-ons, dropped vars, notes.</summary>
    public IReadOnlyList<PlanFinding> Findings { get; init; } = [];
}

/// <summary>A remark about the plan that a person should read before deploying.</summary>
public sealed record PlanFinding(FindingSeverity Severity, string Subject, string Message)
{
    /// <summary>Set when the message asks for stack config, so outputs without a Pulumi stack can say it their way.</summary>
    public ConfigRequest? Config { get; init; }
}

public enum FindingSeverity
{
    /// <summary>Carried over differently, nothing to do (a dropped PORT var).</summary>
    Info,

    /// <summary>Needs a decision or manual work (an unsupported add-on, a log drain to re-create).</summary>
    Warning,
}
