namespace HerokuToCloud.Cli;

/// <summary>Process exit codes, the same for every verb so scripts and CI can rely on them.</summary>
internal static class ExitCodes
{
    /// <summary>Done, nothing to report.</summary>
    public const int Success = 0;

    /// <summary>The command ran and found problems: policy violations, data differences.</summary>
    public const int Findings = 1;

    /// <summary>Bad input or a condition the user must fix (file errors, unreachable database, refused overwrite).</summary>
    public const int UserError = 2;

    /// <summary>Stopped by Ctrl-C or SIGTERM: 128 + SIGINT, as shells report an interrupted command.</summary>
    public const int Cancelled = 130;

    /// <summary>A bug in heroku2cloud; the message asks for a report.</summary>
    public const int InternalError = 70;
}
