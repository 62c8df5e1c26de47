namespace HerokuToCloud.Cli.Secrets;

/// <summary>
/// Finds the Pulumi CLI: the <c>PULUMI</c> environment variable (a path, or a command name looked up
/// on PATH) when set, else <c>pulumi</c> on PATH.
/// </summary>
internal static class PulumiExecutable
{
    public const string Variable = "PULUMI";

    /// <summary>The full path of the executable.</summary>
    /// <exception cref="SecretPushException">Nothing usable was found; the message says how to get it.</exception>
    public static string Find(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var configured = environment(Variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (configured.Contains(Path.DirectorySeparatorChar) || configured.Contains(Path.AltDirectorySeparatorChar))
            {
                var full = Path.GetFullPath(configured);
                return IsExecutable(full)
                    ? full
                    : throw new SecretPushException($"{Variable} is set to '{configured}', which is not an executable file; point it at the Pulumi CLI, or unset it to use `pulumi` from PATH.");
            }

            return OnPath(configured, environment)
                ?? throw new SecretPushException($"{Variable} is set to '{configured}', but no such program is on PATH; point it at the Pulumi CLI's full path, or unset it.");
        }

        return OnPath("pulumi", environment)
            ?? throw new SecretPushException(
                "the Pulumi CLI was not found: there is no `pulumi` on PATH and PULUMI is not set. Install it (https://www.pulumi.com/docs/iac/download-install/) " +
                "or set PULUMI to its path; to see which keys would be set without it, add --dry-run.");
    }

    private static string? OnPath(string name, Func<string, string?> environment)
    {
        string[] names = OperatingSystem.IsWindows() && !Path.HasExtension(name) ? [name + ".exe", name + ".cmd", name] : [name];
        foreach (var directory in (environment("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in names)
            {
                string full;
                try
                {
                    full = Path.GetFullPath(Path.Combine(directory, candidate));
                }
                catch (ArgumentException)
                {
                    continue; // a malformed PATH entry is skipped, as shells do
                }

                if (IsExecutable(full))
                    return full;
            }
        }

        return null;
    }

    private static bool IsExecutable(string path)
    {
        if (!File.Exists(path))
            return false;
        if (OperatingSystem.IsWindows())
            return true;
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}
