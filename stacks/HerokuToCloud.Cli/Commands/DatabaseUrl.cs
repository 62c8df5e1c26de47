using HerokuToCloud.Landing;

namespace HerokuToCloud.Cli.Commands;

/// <summary>
/// The --source/--target database URLs of the data verbs, from the option or, when it is not given,
/// from an environment variable: a container task gets its URLs as secrets this way, and passwords
/// never show in a process listing or a shell history.
/// </summary>
internal static class DatabaseUrl
{
    public const string SourceVariable = DataMigrationRun.SourceVariable;

    public const string TargetVariable = DataMigrationRun.TargetVariable;

    public static string Source(string? option) => OptionOrEnvironment(option, "--source", SourceVariable);

    public static string Target(string? option) => OptionOrEnvironment(option, "--target", TargetVariable);

    private static string OptionOrEnvironment(string? value, string option, string variable)
    {
        if (!string.IsNullOrWhiteSpace(value))
            return value;
        var fromEnvironment = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
            return fromEnvironment;
        throw new UsageException($"{option} is missing: pass {option} or set {variable}.");
    }
}
