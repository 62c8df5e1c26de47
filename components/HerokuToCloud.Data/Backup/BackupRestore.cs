using System.Text;
using HerokuToCloud.Data.Catalog;
using HerokuToCloud.Data.Connections;
using HerokuToCloud.Data.Migration;
using HerokuToCloud.Data.Progress;
using HerokuToCloud.Data.Schema;
using HerokuToCloud.Data.State;
using HerokuToCloud.Data.Storage;
using HerokuToCloud.Data.Target;
using HerokuToCloud.Data.Tools;
using Npgsql;

namespace HerokuToCloud.Data.Backup;

/// <summary>
/// Restores a Heroku backup (a pg_dump custom-format archive, from a file or a signed URL) into the target
/// with <c>pg_restore -j N --no-owner --no-acl</c>. pg_restore cannot resume a half-done restore, so the
/// state schema only marks the target as the tool's own: a rerun after an interruption ends the orphaned
/// pg_restore sessions, empties the target and restores again from the start. A finished restore marks the
/// target with the backup's <see cref="BackupIdentity"/> (<see cref="CompletedCopy"/>), so that a rerun with
/// the same backup restores nothing and, for a URL, downloads nothing either: the first answer's headers say
/// which backup it is.
/// </summary>
public sealed class BackupRestore(MigrationOptions options, BackupLocation location, IDataProgress progress, BackupDownloader? downloader = null)
{
    private const string Mode = "backup";

    private readonly DatabaseSessions target = new(options.Target, DatabaseRole.Target);
    private readonly PgClientTools tools = new(options.ClientBinDirectory);

    public async Task<MigrationSummary> RunAsync(CancellationToken cancellationToken)
    {
        var clock = new PhaseClock(progress);
        var jobs = Math.Max(1, options.Jobs);
        var targetDisplay = options.Target.ToString();

        DownloadedBackup? downloaded = null;
        PrivateDirectory? workDirectory = null;
        var restored = false;
        var archive = location.FilePath;
        try
        {
            BackupIdentity? identity = null;
            string? restoredEarlier = null;
            if (location.Url is not null)
            {
                downloaded = await clock.RunAsync("download", () => (downloader ?? new BackupDownloader()).DownloadAsync(location, progress, async found =>
                {
                    identity = found;
                    restoredEarlier = await RestoredEarlierAsync(found, targetDisplay, cancellationToken);
                    return restoredEarlier is not null;
                }, cancellationToken));
                archive = downloaded?.Path;
            }
            else
            {
                DumpFile.EnsureCustomFormat(archive!, location.Display);
                identity = await BackupIdentity.OfFileAsync(archive!, cancellationToken);
                restoredEarlier = await RestoredEarlierAsync(identity, targetDisplay, cancellationToken);
            }

            if (restoredEarlier is not null)
                return new MigrationSummary { Mode = Mode, Source = location.Display, Target = targetDisplay, Jobs = jobs, Tables = [], Phases = [], CopiedEarlier = restoredEarlier, RowCountsEstimated = true };

            // A download was checked for the PGDMP magic as it arrived (or, reused, in the cache).
            var list = await ListAsync(archive!, cancellationToken);

            // pg_restore reads restore lists from files. They go to an owner-only directory of our own, not
            // next to the archive (whose directory may be read-only), made before the target is touched.
            workDirectory = PrivateDirectory.CreateTemporary("heroku2cloud-restore-");
            var extensionScript = await ExtensionScriptAsync(archive!, list, workDirectory, cancellationToken);
            var extensions = RestoreList.ExtensionsIn(extensionScript);

            await using var control = await target.OpenAsync(cancellationToken);
            var (targetLock, targetVersion) = await TargetPreparation.ClaimAsync(control, targetDisplay, cancellationToken);
            await using var releasesLock = targetLock;
            if (RestoreList.SourceVersion(list) is { } dumped && ServerVersion.FromDisplay(dumped) is { } sourceVersion)
                ServerVersion.EnsureTargetCanHold(sourceVersion, targetVersion);
            if (RestoreList.EncodingIn(extensionScript) is { } encoding)
                DatabaseLocale.EnsureTargetCanHold(encoding, await DatabaseLocale.ReadAsync(control, targetVersion, cancellationToken), targetDisplay);
            await TargetChecks.EnsureExtensionsCreatableAsync(control, extensions, targetDisplay, targetVersion, options.Replace, cancellationToken);

            var resumed = await TargetPreparation.PrepareContentsAsync(control, Mode, location.Display, targetDisplay, targetVersion, extensions, options.Replace, progress, cancellationToken) is not null;
            if (resumed)
            {
                // pg_restore cannot go on from where it stopped: the interrupted restore is dropped and done again.
                progress.Note("an earlier restore of this backup was interrupted: emptying the target and restoring again");
                await TargetContents.WipeAsync(control, targetVersion.Major, keepState: false, keepExtensions: extensions, cancellationToken);
            }

            var listFile = await workDirectory.WriteTextAsync("restore.list", RestoreList.ForTarget(list, await TargetContents.ReadSchemaNamesAsync(control, cancellationToken)), cancellationToken);

            await MigrationState.CreateAsync(control, Mode, location.Display, cancellationToken);

            await clock.RunAsync("restore", () => RestoreAsync(archive!, listFile, RestoreList.DataTablesByVerboseName(list), jobs, cancellationToken));
            await clock.RunAsync("analyze", async () =>
            {
                await using var command = new NpgsqlCommand("ANALYZE", control);
                await command.ExecuteNonQueryAsync(cancellationToken);
            });
            // Marked before the state goes: a kill between the two leaves a restore to do again, not an unmarked one.
            if (identity is null)
                progress.Note("the finished restore is not marked on the target database: the server sent the backup without a strong ETag or a size, which would tell it from another backup at the same URL path; a rerun of this command would refuse the target as not empty (add --replace to restore again)");
            else if (!await CompletedCopy.TryMarkAsync(control, Mode, identity.Text, DateTimeOffset.UtcNow, cancellationToken))
                progress.Note("the finished restore is not marked on the target database (commenting on it takes its owner, which the target user is not): a rerun of this command would refuse the target as not empty instead of recognising the restore");
            await MigrationState.DropAsync(control, cancellationToken);
            restored = true;
            var tables = await ReadTableEstimatesAsync(control, cancellationToken);

            return new MigrationSummary
            {
                Mode = Mode,
                Source = location.Display,
                Target = targetDisplay,
                Jobs = jobs,
                Resumed = resumed,
                Tables = tables,
                // An interrupted restore is started over: everything is this run's.
                RowsThisRun = tables.Sum(t => t.Rows),
                BytesThisRun = tables.Sum(t => t.Bytes),
                Phases = clock.Phases,
                Seconds = Math.Round(clock.TotalSeconds, 3),
                RowCountsEstimated = true,
            };
        }
        finally
        {
            // A failed or stopped restore keeps a cached download for the rerun, which reuses it rather than
            // download gigabytes again; a finished one has no more use for it.
            if (downloaded is not null && (restored || !downloaded.Cached))
            {
                downloaded.Delete();
            }
            else if (downloaded is not null)
            {
                progress.Note($"the downloaded backup is kept at {downloaded.Path} for the rerun, which reuses it; it is deleted after a successful restore (or delete it yourself if you do not rerun)");
                downloaded.Dispose();
            }
            workDirectory?.Dispose();
        }
    }

    /// <summary>
    /// When the target already holds a complete restore of the backup <paramref name="identity"/> names, and no
    /// run is unfinished there, the time that restore finished (this run then does nothing); otherwise null.
    /// </summary>
    private async Task<string?> RestoredEarlierAsync(BackupIdentity identity, string targetDisplay, CancellationToken cancellationToken)
    {
        if (options.Replace)
            return null;
        await using var control = await target.OpenAsync(cancellationToken);
        var (targetLock, _) = await TargetPreparation.ClaimAsync(control, targetDisplay, cancellationToken);
        await using var releasesLock = targetLock;
        if (await CompletedCopy.ReadAsync(control, cancellationToken) is not { Mode: Mode } earlier || earlier.Source != identity.Text || await MigrationState.ExistsAsync(control, cancellationToken))
            return null;
        progress.Note($"the target already holds a complete restore of this backup, {identity}, made by an earlier run that finished {earlier.FinishedAt}: nothing is {(location.Url is null ? "" : "downloaded or ")}restored");
        return earlier.FinishedAt;
    }

    private async Task RestoreAsync(string archive, string listFile, IReadOnlyDictionary<string, string> tableNames, int jobs, CancellationToken cancellationToken)
    {
        await tools.RunAsync(
            "pg_restore",
            [$"--jobs={jobs}", "--no-owner", "--no-acl", "--no-tablespaces", "--exit-on-error", "--verbose", $"--use-list={listFile}", $"--dbname={options.Target.Database}", archive],
            target.ChildEnvironment("heroku2cloud-restore"),
            (code, stderr) => PgClientTools.ExplainClientFailure("pg_restore", "target", options.Target, code, stderr),
            cancellationToken,
            onErrorLine: line =>
            {
                const string marker = "processing data for table ";
                var at = line.IndexOf(marker, StringComparison.Ordinal);
                if (at < 0)
                    return;
                // pg_restore prints schema.name unquoted: named as the list has it, the parts are told apart.
                var printed = line[(at + marker.Length)..].Trim().Trim('"');
                progress.Note($"restoring data of {tableNames.GetValueOrDefault(printed, printed)}");
            });
    }

    private async Task<string> ListAsync(string archive, CancellationToken cancellationToken)
    {
        using var output = new MemoryStream();
        await tools.RunAsync(
            "pg_restore",
            ["--list", archive],
            new Dictionary<string, string>(),
            (code, stderr) => stderr.Contains("unsupported version", StringComparison.OrdinalIgnoreCase)
                ? PgClientTools.ExplainClientFailure("pg_restore", "backup", options.Target, code, stderr)
                : new DataMigrationException($"{location.Display} is not a readable pg_dump custom-format file: {stderr}"),
            cancellationToken,
            stdout: output);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    /// <summary>
    /// The script of the archive's CREATE EXTENSION entries alone: the extensions it creates with their
    /// schemas, and (in its header) the encoding of its text.
    /// </summary>
    private async Task<string> ExtensionScriptAsync(string archive, string list, PrivateDirectory workDirectory, CancellationToken cancellationToken)
    {
        var extensionList = await workDirectory.WriteTextAsync("extensions.list", RestoreList.OnlyExtensions(list), cancellationToken);
        using var output = new MemoryStream();
        await tools.RunAsync(
            "pg_restore",
            [$"--use-list={extensionList}", "--file=-", archive],
            new Dictionary<string, string>(),
            (code, stderr) => new DataMigrationException($"pg_restore could not read the extensions of {location.Display} (exit {code}): {stderr}"),
            cancellationToken,
            stdout: output);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static async Task<IReadOnlyList<TableSummary>> ReadTableEstimatesAsync(NpgsqlConnection control, CancellationToken cancellationToken)
    {
        var tables = new List<TableSummary>();
        await using var command = new NpgsqlCommand(
            """
            SELECT n.nspname, c.relname, GREATEST(c.reltuples, 0)::bigint, pg_relation_size(c.oid)
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
            """, control);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            tables.Add(new TableSummary(Identifier.Display(reader.GetString(0), reader.GetString(1)), reader.GetInt64(2), reader.GetInt64(3), 0, 1, 0, "pg_restore"));
        return tables.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
    }
}
