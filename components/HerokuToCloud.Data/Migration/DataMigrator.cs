using HerokuToCloud.Data.Backup;
using HerokuToCloud.Data.Connections;
using HerokuToCloud.Data.Progress;

namespace HerokuToCloud.Data.Migration;

/// <summary>
/// The engine behind <c>heroku2cloud data migrate</c>: decides from <see cref="MigrationOptions.Source"/>
/// whether to copy a live database or restore a backup, runs it, then hands the finished target to the
/// validator (live copies only: a backup has no live source to compare with).
/// </summary>
public sealed class DataMigrator(IMigrationValidator? validator = null, BackupDownloader? downloader = null)
{
    public async Task<MigrationSummary> MigrateAsync(MigrationOptions options, IDataProgress progress, CancellationToken cancellationToken)
    {
        var recorded = new NoteRecordingProgress(progress);
        var summary = await RunAsync(options, recorded, cancellationToken);
        return summary with { Notes = recorded.Notes };
    }

    private async Task<MigrationSummary> RunAsync(MigrationOptions options, IDataProgress progress, CancellationToken cancellationToken)
    {
        if (options.Jobs < 1)
            throw new DataMigrationException($"--jobs must be at least 1 (got {options.Jobs}).");

        var source = Classify(options.Source);
        if (source.Backup is not null)
        {
            MigrationSummary restored;
            try
            {
                restored = await ExplainFullLockTable(() => new BackupRestore(options, source.Backup, progress, downloader).RunAsync(cancellationToken));
            }
            catch (OperationCanceledException)
            {
                progress.Note("stopped: a restore does not resume part-way; rerun the same command to restore the backup again");
                throw;
            }

            progress.Note("validation skipped: a backup has no live source to compare with (data validate compares databases: give it the URL of the database the backup came from, if it has not changed since)");
            return restored;
        }

        var migration = new LiveMigration(options, source.Database!, progress);
        MigrationSummary summary;
        try
        {
            summary = await ExplainFullLockTable(() => migration.RunAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
            progress.Note(migration.Resumable
                ? $"stopped: what was committed is kept; {LiveMigration.ResumeAdvice(options.Replace)}"
                : "stopped before the copy began; rerun the same command to start it");
            throw;
        }

        if (validator is null)
            return summary;

        // The copy is complete and its state schema gone: when only the check fails, say how to finish it.
        const string validateInstead = "The copy itself finished and is committed; check it with heroku2cloud data validate and the same --source and --target, or rerun this command, which validates it again without copying (if the target user owns the target database; otherwise it refuses the target, which now holds the copy).";
        progress.PhaseStarted("validate");
        try
        {
            var validation = await validator.ValidateAsync(source.Database!, options.Target, options.Jobs, progress, cancellationToken);
            return summary with { Validation = validation };
        }
        catch (OperationCanceledException)
        {
            progress.Note("validation stopped. " + validateInstead);
            throw;
        }
        catch (DataMigrationException ex)
        {
            throw new DataMigrationException($"validating the copy failed: {ex.Message} {validateInstead}", ex);
        }
    }

    /// <summary>A full lock table on either server is the user's to fix (server settings), not a bug; the validator explains its own.</summary>
    private static async Task<MigrationSummary> ExplainFullLockTable(Func<Task<MigrationSummary>> migration)
    {
        try
        {
            return await migration();
        }
        catch (Exception ex) when (ex is not OperationCanceledException && LockTableFull.Caused(ex))
        {
            throw LockTableFull.Explain(ex);
        }
    }

    /// <summary>A postgres URL or keyword string is a live database; an http(s) URL or an existing path is a backup.</summary>
    public static (PostgresEndpoint? Database, BackupLocation? Backup) Classify(string source)
    {
        var text = source.Trim();
        if (text.Length == 0)
            throw new DataMigrationException("--source is empty. Pass the source DATABASE_URL, a pg_dump custom-format file or a backup URL.");
        if (BackupLocation.IsBackup(text))
            return (null, BackupLocation.Parse(text));
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || text.Contains('=', StringComparison.Ordinal))
            return (PostgresEndpoint.Parse(text, "the --source database URL"), null);
        // A URL of another scheme (a typo such as postgress://) can carry a password: only its scheme is repeated.
        var what = text.Contains("://", StringComparison.Ordinal) ? $"a {text[..text.IndexOf("://", StringComparison.Ordinal)]}:// URL" : text;
        throw new DataMigrationException($"--source {what} is neither a database URL (postgres://…) nor an existing backup file. Check the path, or pass the source DATABASE_URL.");
    }
}
