using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using HerokuToCloud.Cli.Progress;
using HerokuToCloud.Cli.Rendering;
using HerokuToCloud.Data.Connections;
using HerokuToCloud.Data.Migration;
using HerokuToCloud.Data.Reporting;
using HerokuToCloud.Data.Validation;

namespace HerokuToCloud.Cli.Commands;

/// <summary>`heroku2cloud data migrate`: copy a live Heroku database or restore a Heroku backup into the new database, then validate.</summary>
internal static class DataMigrateCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new(ReportJson.Serializer)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static Command Create()
    {
        var source = new Option<string>("--source", "-s")
        {
            Description = $"The Heroku database: its DATABASE_URL (postgres://…), a pg_dump custom-format backup file, or the URL `heroku pg:backups:url` prints. Default: ${DatabaseUrl.SourceVariable} (keeps the password off the command line).",
        };
        var target = new Option<string>("--target", "-t")
        {
            Description = $"The new, empty database: postgres://user:password@host:5432/db or a keyword string. Default: ${DatabaseUrl.TargetVariable}.",
        };
        var jobs = JobsOption.Create("Parallel connections per side:");
        var replace = new Option<bool>("--replace")
        {
            Description = "Drop everything in the target database first (schemas, extensions, large objects; the source's extensions the target has in the same schema stay) instead of refusing a non-empty target.",
        };
        var chunk = new Option<int>("--chunk-size")
        {
            Description = "Size in MB of one copy unit, 1 to 65536; larger tables are split into key ranges of about this size (default 256).",
            DefaultValueFactory = _ => 256,
        }.Between(1, 65536, typed => $"--chunk-size takes 1 to 65536 (megabytes of one copy unit), not {typed}.");
        var json = new Option<bool>("--json")
        {
            Description = "Print one JSON summary on standard output and no progress.",
        };
        var hideValues = HideValuesOption.Create();

        var command = new Command("migrate", "Copy the source database (or restore a Heroku backup) into an empty target, then validate it. Running the same command again resumes an interrupted copy, validates a completed one again, or, after a completed restore of the same backup, does nothing.");
        command.Options.Add(source);
        command.Options.Add(target);
        command.Options.Add(jobs);
        command.Options.Add(replace);
        command.Options.Add(chunk);
        command.Options.Add(json);
        command.Options.Add(hideValues);
        command.SetAction((ParseResult result, CancellationToken cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            var options = new MigrationOptions
            {
                Source = DatabaseUrl.Source(result.GetValue(source)),
                Target = PostgresEndpoint.Parse(DatabaseUrl.Target(result.GetValue(target)), "the --target database URL"),
                Jobs = result.GetValue(jobs),
                Replace = result.GetValue(replace),
                ChunkBytes = result.GetValue(chunk) * 1024L * 1024,
            };
            var asJson = result.GetValue(json);
            var validator = new MigrationValidator(new ValidationOptions { IncludeValues = !result.GetValue(hideValues) });
            var summary = await DataProgressDisplay.RunAsync(asJson, progress => new DataMigrator(validator).MigrateAsync(options, progress, cancellationToken));

            if (asJson)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(summary, JsonOptions));
            }
            else
            {
                WriteReport(summary);
                // A one-line verdict says that something differs but not what: the full report does.
                if (summary.Validation is { Passed: false } && validator.LastReport is { } report)
                {
                    Console.Out.WriteLine();
                    ValidationReportView.Write(report, terminal: !Console.IsOutputRedirected);
                }
            }

            return summary.Validation is { Passed: false } ? ExitCodes.Findings : ExitCodes.Success;
        }));
        return command;
    }

    private static void WriteReport(MigrationSummary summary)
    {
        if (summary.CopiedEarlier is { } finished)
        {
            Console.Out.WriteLine(OneLine.Of(summary.Mode == "backup"
                ? $"Nothing restored: {summary.Target} already holds a complete restore of the backup {summary.Source}, made by an earlier run that finished {finished}."
                : $"Nothing copied: {summary.Target} already holds a complete copy of {summary.Source}, made by an earlier run that finished {finished}."));
            Console.Out.WriteLine(ValidationLine(summary));
            return;
        }

        var seconds = Math.Max(summary.Seconds, 0.001);
        var megabytes = summary.Bytes / 1024.0 / 1024.0;
        // The rate of this run's own work: a resumed run's total includes what the interrupted run copied.
        var megabytesThisRun = summary.BytesThisRun / 1024.0 / 1024.0;
        var rows = (summary.RowCountsEstimated ? "about " : "") + NounCount.Of(summary.Rows, "row");
        Console.Out.WriteLine(OneLine.Of(string.Create(CultureInfo.InvariantCulture,
            $"{(summary.Mode == "backup" ? "Restored" : "Copied")} {NounCount.Of(summary.Tables.Count, "table")}, {rows}, {megabytes:0.0} MB from {summary.Source} to {summary.Target} in {seconds:0.0} s ({megabytesThisRun / seconds:0.0} MB/s, {NounCount.Of(summary.Jobs, "job")}).")));
        if (summary.Mode == "live")
            Console.Out.WriteLine($"Sequences set: {summary.Sequences}; large objects: {summary.LargeObjects}; post-data statements: {summary.PostDataItems}.");
        if (summary.Resumed)
            Console.Out.WriteLine(summary.Mode == "backup"
                ? "Resumed an interrupted restore: the target was emptied and the backup restored again."
                : string.Create(CultureInfo.InvariantCulture, $"Resumed an interrupted run: {summary.ResumedUnits} of {NounCount.Of(summary.Units, "copy unit")} {(summary.ResumedUnits == 1 ? "was" : "were")} already committed; this run copied {NounCount.Of(summary.RowsThisRun, "row")}, {megabytesThisRun:0.0} MB (the rate above counts these alone)."));
        Console.Out.WriteLine("Phases: " + string.Join(", ", summary.Phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} {p.Seconds:0.0} s"))));
        Console.Out.WriteLine(ValidationLine(summary));
    }

    private static string ValidationLine(MigrationSummary summary) =>
        summary.Validation is not null
            ? $"Validation: {(summary.Validation.Passed ? "passed" : "FAILED")}: {summary.Validation.Summary}"
            : summary.Mode == "backup" ? BackupValidationAdvice
            : "Validation: not run. Run `heroku2cloud data validate` with the same --source and --target.";

    /// <summary>
    /// data validate compares two databases and refuses a backup as --source, so after a restore the way to
    /// check is against the database the backup came from, which only means something while it is unchanged.
    /// </summary>
    private const string BackupValidationAdvice =
        "Validation: not run: a backup has no live source to compare with. If the Heroku database has not changed since the backup, compare with it: " +
        "`heroku2cloud data validate --source \"$(heroku config:get DATABASE_URL -a APP)\" --target TARGET_URL`, TARGET_URL being this run's target (data validate takes database URLs, not backup files).";
}
