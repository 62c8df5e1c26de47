namespace HerokuToCloud.Cli.Generation;

/// <summary>
/// A path as one word of a shell command the CLI prints for the user to run: as it is when the shell reads
/// it back unchanged, else in single quotes, so `--cwd out/my stack` is not two arguments.
/// </summary>
internal static class ShellWord
{
    public static string Of(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '+' or ',' or ':' or '@' or '%' or '=')
            ? text
            : "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
