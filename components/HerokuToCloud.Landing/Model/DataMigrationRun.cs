namespace HerokuToCloud.Landing;

/// <summary>
/// How a generated program runs the data move, the same on every target: the heroku2cloud image
/// with <see cref="Arguments"/>, the two URLs in environment variables (the CLI's documented stand-ins
/// for --source and --target, so passwords never show in a command line), and the Heroku URL read from
/// one secret stack config key per database, named by <see cref="SourceKeyParts"/>.
/// </summary>
public static class DataMigrationRun
{
    /// <summary>
    /// The image's entry point is heroku2cloud; migrate copies, then validates everything. Its report goes to
    /// the cluster's or CloudWatch's logs, which more people read than the database: differing rows are
    /// named by key and column, without their values.
    /// </summary>
    public static readonly IReadOnlyList<string> Arguments = ["data", "migrate", "--json", "--hide-values"];

    public const string SourceVariable = "HEROKU2CLOUD_SOURCE_URL";

    public const string TargetVariable = "HEROKU2CLOUD_TARGET_URL";

    /// <summary>The parts of the stack config key holding the Heroku URL of <paramref name="database"/> ("shop-db" → shopDbSourceUrl).</summary>
    public static string[] SourceKeyParts(PostgresDatastore database) => [database.Name, "source-url"];

    /// <summary>
    /// The note that tells the team how to fill <paramref name="sourceKey"/>: read from the Heroku app of this
    /// stack that has the database attached, under the attachment's own variable name (not always DATABASE_URL).
    /// The command names the plan's stack: staging and production usually share one directory, and without
    /// --stack Pulumi writes into whichever stack is selected, which can put production's database URL
    /// into staging's config.
    /// </summary>
    public static string SourceNote(LandingPlan plan, PostgresDatastore database, string sourceKey)
    {
        var request = SourceRequest(plan, database, sourceKey);
        return $"its data is copied from Heroku once, on the first pulumi up: {StopWrites(plan, database)}, then set the source with: " +
               $"{request.ValueCommand} | pulumi config set --secret {sourceKey} --stack {plan.Stack}";
    }

    /// <summary>
    /// How to stop every write to <paramref name="database"/> on Heroku before the copy, naming the stack's Heroku
    /// apps that use it. Maintenance mode alone is not enough: Heroku keeps worker dynos and Scheduler jobs
    /// running in it, and a row they write after the copy's snapshot is lost on the new database.
    /// </summary>
    public static string StopWrites(LandingPlan plan, PostgresDatastore database)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(database);
        var apps = plan.Apps.Where(a => database.Apps.Contains(a.Name, StringComparer.Ordinal) && a.SourceApp is not null)
            .Select(a => a.SourceApp!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var names = apps.Count == 0 ? "-a APP" : string.Join(", ", apps.Select(a => $"-a {a}"));
        return $"stop every write on Heroku (heroku maintenance:on {names}; maintenance mode stops only web requests, so also scale the other process types " +
               "to 0 with heroku ps:scale TYPE=0 and pause the Scheduler jobs)";
    }

    /// <summary>The same request as <see cref="SourceNote"/>, in parts, for outputs that are not a Pulumi stack.</summary>
    public static ConfigRequest SourceRequest(LandingPlan plan, PostgresDatastore database, string sourceKey)
    {
        var attachment = plan.Apps
            .SelectMany(app => app.Secrets
                .Where(s => s.Source is FromDatastore { Url: DatastoreUrl.Url } from && from.Datastore == database.Name)
                .Select(s => (App: app.SourceApp, Variable: s.Name)))
            .Where(a => a.App is not null)
            .OrderBy(a => a.Variable == "DATABASE_URL" ? 0 : 1).ThenBy(a => a.App, StringComparer.Ordinal).ThenBy(a => a.Variable, StringComparer.Ordinal)
            .Select(a => ((string, string)?)(a.App!, a.Variable))
            .FirstOrDefault();
        var (app, variable) = attachment ?? ("APP", "DATABASE_URL");
        return new ConfigRequest(
            $"its data is copied from Heroku once, by the data-migration Job: {StopWrites(plan, database)} first, and give it the source",
            [sourceKey],
            ValueCommand: $"heroku config:get {variable} -a {app}");
    }
}
