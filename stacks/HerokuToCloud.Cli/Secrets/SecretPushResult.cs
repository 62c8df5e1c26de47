using HerokuToCloud.Landing;

namespace HerokuToCloud.Cli.Secrets;

/// <summary>What happened to each value of a push.</summary>
internal enum SecretPushStatus
{
    /// <summary>pulumi set it.</summary>
    Set,

    /// <summary>--dry-run: it would have been set.</summary>
    WouldSet,

    /// <summary>Keys were missing without --allow-missing, so nothing was set.</summary>
    Held,

    /// <summary>pulumi failed on it.</summary>
    Failed,

    /// <summary>An earlier key failed, so this one was not tried.</summary>
    NotAttempted,

    /// <summary>An optional var without a value whose key the stack already has: left as it is.</summary>
    Kept,
}

/// <summary>One assignment and its outcome; <see cref="Key"/> is the fully qualified key (<c>project:key</c>).</summary>
internal sealed record SecretPushOutcome(SecretAssignment Assignment, string Key, SecretPushStatus Status);

/// <summary>The pulumi call that failed, with pulumi's own message (any value masked).</summary>
internal sealed record SecretPushFailure(string Key, int ExitCode, string Message);

/// <summary>The result of a push: the matched config, the program it was checked against, and each value's outcome.</summary>
internal sealed record SecretPushResult(
    StackSecretConfig Config,
    string SecretsFile,
    ProgramSecretKeys? Program,
    bool DryRun,
    IReadOnlyList<SecretPushOutcome> Outcomes,
    SecretPushFailure? Failure)
{
    /// <summary>Missing keys stopped the push before anything was set.</summary>
    public bool Held => Config.Missing.Count > 0 && !AllowedMissing;

    /// <summary>--allow-missing was given.</summary>
    public bool AllowedMissing { get; init; }

    public int Count(SecretPushStatus status) => Outcomes.Count(o => o.Status == status);

    /// <summary>0 done (or would be done), 1 keys missing, 2 pulumi failed.</summary>
    public int ExitCode =>
        Failure is not null ? ExitCodes.UserError
        : Config.Missing.Count > 0 && !AllowedMissing ? ExitCodes.Findings
        : ExitCodes.Success;
}
