namespace HerokuToCloud.Landing;

/// <summary>
/// The secret config of one stack, matched against a secrets file by <see cref="SecretAssignments"/>:
/// which <see cref="FromSecretConfig"/> keys get which captured value, which keys the file cannot
/// fill, which of the plan's secrets never come from a file, and which of the file's values this
/// stack does not use.
/// </summary>
public sealed record StackSecretConfig
{
    /// <summary>The plan's system (the Pulumi project name).</summary>
    public required string System { get; init; }

    public required string Stack { get; init; }

    /// <summary>The pipeline stage the stack selected, or null for a system without pipelines.</summary>
    public string? Stage { get; init; }

    /// <summary>Keys with a value (an empty one for <see cref="SecretAssignment.Optional"/> vars without one), ordered by key.</summary>
    public IReadOnlyList<SecretAssignment> Assignments { get; init; } = [];

    /// <summary>Keys the stack needs that the file has no value for, ordered by key.</summary>
    public IReadOnlyList<MissingSecretValue> Missing { get; init; } = [];

    /// <summary>The plan's secrets whose values never come from a file (generated, datastore URLs, build secrets).</summary>
    public IReadOnlyList<SkippedSecret> Skipped { get; init; } = [];

    /// <summary>Values in the file this stack does not use, ordered by Heroku app and var.</summary>
    public IReadOnlyList<UnusedSecretValue> Unused { get; init; } = [];
}

/// <summary>
/// One secret config key and its value: <paramref name="Var"/> of <paramref name="HerokuApp"/> in the
/// file (at <paramref name="Origin"/>, "secrets.yaml:12") becomes <paramref name="ConfigKey"/> of
/// landing app <paramref name="App"/>. <see cref="ToString"/> never shows the value.
/// </summary>
public sealed record SecretAssignment(string ConfigKey, string App, string Var, string HerokuApp, string Origin, string Value)
{
    /// <summary>
    /// An optional var (app.json <c>required: false</c>) the file has no value for: <see cref="Value"/> is
    /// empty, so the stack has a value and <c>pulumi up</c> does not stop on the key, and a push never
    /// replaces a value the stack already holds with it.
    /// </summary>
    public bool Optional { get; init; }

    public override string ToString() => $"{ConfigKey} <- {HerokuApp} {Var} ({Origin}, value hidden)";
}

/// <summary>A key the stack needs with no value in the file; <paramref name="Message"/> says where to get one.</summary>
public sealed record MissingSecretValue(string ConfigKey, string App, string Var, string? HerokuApp, MissingSecretReason Reason, string Message);

public enum MissingSecretReason
{
    /// <summary>The file has nothing for this var under the stack's Heroku app.</summary>
    NotInFile,

    /// <summary>The file has no section for the stack's Heroku app at all.</summary>
    AppNotInFile,

    /// <summary>An add-on that is not a datastore injects it on Heroku, and the file has no value (a capture from manifests).</summary>
    AddonValue,

    /// <summary>Only other stages' apps set it on Heroku; this stack still needs a value.</summary>
    OnlyOtherStages,

    /// <summary>No Heroku app plays this role in the stack's stage, so no section of the file applies.</summary>
    NoAppInStage,
}

/// <summary>A secret of the plan that is not set from a file, and why.</summary>
public sealed record SkippedSecret(string App, string Var, SkippedSecretReason Reason, string Message);

public enum SkippedSecretReason
{
    /// <summary>The program generates a random value (app.json generator "secret").</summary>
    Generated,

    /// <summary>The program builds it from a new datastore's connection details.</summary>
    Datastore,

    /// <summary>Needed only while building the image: a build secret, not runtime config.</summary>
    BuildTime,
}

/// <summary>
/// Values in the file the stack does not use: one var (<paramref name="Var"/> set) or a whole app's
/// section (<paramref name="Var"/> null, <paramref name="Count"/> values).
/// </summary>
public sealed record UnusedSecretValue(string HerokuApp, string? Var, int Count, string Origin, UnusedSecretReason Reason, string Message);

public enum UnusedSecretReason
{
    /// <summary>The app belongs to another pipeline stage: its values are for that stage's stack.</summary>
    OtherStage,

    /// <summary>The inventory has no app of this name.</summary>
    UnknownApp,

    /// <summary>The inventory does not list this var for the app.</summary>
    UnknownVar,

    /// <summary>Rebuilt from a new datastore, never copied (DATABASE_URL, REDIS_URL ...).</summary>
    Datastore,

    /// <summary>The program generates a fresh value instead.</summary>
    Generated,

    /// <summary>Build-time only: a build secret of the image build.</summary>
    BuildTime,

    /// <summary>A Heroku runtime var (PORT, DYNO, HEROKU_*): dropped on the new platform.</summary>
    Dropped,
}
