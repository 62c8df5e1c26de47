using System.CommandLine;
using HerokuToCloud.Cli.Progress;
using HerokuToCloud.Cli.Rendering;
using HerokuToCloud.Data.Backup;
using HerokuToCloud.Data.Connections;
using HerokuToCloud.Data.Validation;

namespace HerokuToCloud.Cli.Commands;

/// <summary>
/// `heroku2cloud data validate [--source URL] [--target URL] [--jobs N] [--json]` (URLs default to the environment, see <see cref="DatabaseUrl"/>): proves the target holds what
/// the source does. Exit 0 when identical, 1 on any difference, 2 when the comparison cannot run.
/// </summary>
internal static class DataValidateCommand
{
    public static Command Create()
    {
        var source = new Option<string?>("--source", "-s") { Description = $"The database that is right (Heroku's DATABASE_URL, postgres://user:password@host:5432/db, or host=… dbname=…). Only ever read. Default: ${DatabaseUrl.SourceVariable}." };
        var target = new Option<string?>("--target", "-t") { Description = $"The database to check against the source (same forms). Only ever read. Default: ${DatabaseUrl.TargetVariable}." };
        var jobs = JobsOption.Create("Parallel sessions per database:");
        var json = new Option<bool>("--json") { Description = "Print the report as JSON (schema in docs/data-validation.md) instead of text." };
        var maxRows = new Option<int>("--max-rows") { Description = "Differing rows listed per table, 0 or more (the totals count all of them).", DefaultValueFactory = _ => 20 }
            .Between(0, int.MaxValue, typed => $"--max-rows takes 0 to {int.MaxValue} (differing rows listed per table; 0 lists none, the totals still count them), not {typed}.");
        var hideValues = HideValuesOption.Create();

        var command = new Command("validate", "Compare two Postgres databases: schema, exact row counts, content checksums narrowed to the differing keys, sequences and large objects.")
        {
            source, target, jobs, json, maxRows, hideValues,
        };
        command.SetAction((ParseResult result, CancellationToken cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            var sourceEndpoint = PostgresEndpoint.Parse(LiveDatabase(DatabaseUrl.Source(result.GetValue(source))), "the --source database URL");
            var targetEndpoint = PostgresEndpoint.Parse(DatabaseUrl.Target(result.GetValue(target)), "the --target database URL");
            var options = new ValidationOptions
            {
                Jobs = result.GetValue(jobs),
                MaxListedRowsPerTable = result.GetValue(maxRows),
                IncludeValues = !result.GetValue(hideValues),
            };
            var asJson = result.GetValue(json);
            var report = await DataProgressDisplay.RunAsync(asJson, progress => DataValidator.ValidateAsync(sourceEndpoint, targetEndpoint, options, progress, cancellationToken));

            if (asJson)
                Console.Out.WriteLine(ValidationReportJson.Write(report));
            else
                ValidationReportView.Write(report, terminal: !Console.IsOutputRedirected);
            return report.Identical ? ExitCodes.Success : ExitCodes.Findings;
        }));
        return command;
    }

    /// <summary>
    /// data migrate takes a backup as --source, so the same --source is a natural next try here; a backup
    /// cannot be compared, only the database it came from. The URL is not echoed: its query string is the
    /// signature that grants access.
    /// </summary>
    private static string LiveDatabase(string source)
    {
        var text = source.Trim();
        if (!BackupLocation.IsBackup(text))
            return source;
        var backup = BackupLocation.LooksLikeUrl(text) ? "a backup URL" : $"the backup file {text}";
        throw new UsageException($"--source is {backup}, but data validate compares two databases and cannot read a backup. " +
            "Pass the URL of the database the backup came from (heroku config:get DATABASE_URL -a APP): a restored backup matches it only while it has not changed since the backup.");
    }
}
