namespace HerokuToCloud.Landing;

/// <summary>
/// How a generated program runs the data move, the same on every target: the heroku2cloud image
/// with <see cref="Arguments"/>, the two URLs in environment variables (the CLI's documented stand-ins
/// for --source and --target, so passwords never show in a command line), and the Heroku URL read from
/// one secret stack config key per database, named by <see cref="SourceKeyParts"/>.
/// </summary>
public static class DataMigrationRun
{
    /// <summary>The image's entry point is heroku2cloud; migrate copies, then validates everything.</summary>
    public static readonly IReadOnlyList<string> Arguments = ["data", "migrate", "--json"];

    public const string SourceVariable = "HEROKU2CLOUD_SOURCE_URL";

    public const string TargetVariable = "HEROKU2CLOUD_TARGET_URL";

    /// <summary>The parts of the stack config key holding the Heroku URL of <paramref name="database"/> ("shop-db" → shopDbSourceUrl).</summary>
    public static string[] SourceKeyParts(PostgresDatastore database) => [database.Name, "source-url"];
}
