namespace HerokuToCloud.Cli.Secrets;

/// <summary>
/// The Pulumi CLI, as far as <c>secrets push</c> uses it: the process boundary, so tests replace it.
/// </summary>
internal interface IPulumiCli
{
    /// <summary>
    /// Sets <paramref name="key"/> (fully qualified, <c>project:key</c>) to <paramref name="value"/> as an
    /// encrypted secret in <paramref name="stack"/> of the program in <paramref name="directory"/>. The value
    /// travels on the child's standard input, never on its command line, where any user of the machine
    /// could read it in the process list.
    /// </summary>
    Task<PulumiCallResult> SetSecretConfigAsync(string directory, string stack, string key, string value, CancellationToken cancellationToken);
}

/// <summary>How one pulumi call ended: its exit code and what it printed (for the error message when it failed).</summary>
internal sealed record PulumiCallResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}
