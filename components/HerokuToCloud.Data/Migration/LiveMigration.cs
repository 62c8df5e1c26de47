using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using HerokuToCloud.Data.Catalog;
using HerokuToCloud.Data.Connections;
using HerokuToCloud.Data.Copy;
using HerokuToCloud.Data.Progress;
using HerokuToCloud.Data.Reporting;
using HerokuToCloud.Data.Schema;
using HerokuToCloud.Data.State;
using HerokuToCloud.Data.Storage;
using HerokuToCloud.Data.Target;
using HerokuToCloud.Data.Tools;
using Npgsql;

namespace HerokuToCloud.Data.Migration;

/// <summary>
/// Copies a running source database into the target, in this order: pre-data schema, table data as
/// parallel COPY streams, sequence values, post-data (indexes, constraints, triggers …), ANALYZE.
/// Every source session reads one snapshot, exported by a coordinator transaction held open for the whole
/// copy, so the target is one consistent moment of the source. Progress lives in the target's state schema;
/// a rerun of the same command after a crash continues where the last run stopped.
/// </summary>
public sealed class LiveMigration(MigrationOptions options, PostgresEndpoint sourceEndpoint, IDataProgress progress)
{
    private const string Mode = "live";

    private readonly DatabaseSessions source = new(sourceEndpoint, DatabaseRole.Source);
    private readonly DatabaseSessions target = new(options.Target, DatabaseRole.Target);
    private readonly PgClientTools tools = new(options.ClientBinDirectory);

    /// <summary>How to continue after a failure or a stop: --replace would empty the target and start over.</summary>
    public static string ResumeAdvice(bool replace) => replace
        ? "rerun the command without --replace to resume (with --replace it empties the target and starts over)"
        : "rerun the same command to resume";

    /// <summary>
    /// Whether the target now holds this run's state, so a stopped run continues where it was; before that
    /// (pre-flight, the --replace wipe) there is nothing to resume and a rerun simply starts.
    /// </summary>
    public bool Resumable { get; private set; }

    public async Task<MigrationSummary> RunAsync(CancellationToken cancellationToken)
    {
        var clock = new PhaseClock(progress);
        var jobs = Math.Max(1, options.Jobs);
        var targetDisplay = options.Target.ToString();
        var sourceDisplay = sourceEndpoint.ToString();

        await using var control = await target.OpenAsync(cancellationToken);
        var (targetLock, targetVersion) = await TargetPreparation.ClaimAsync(control, targetDisplay, cancellationToken);
        await using var releasesLock = targetLock;

        await using var coordinator = await source.OpenAsync(cancellationToken);
        // Before anything is written: into the source itself, the copy would overwrite it and --replace empty it.
        if (await targetLock.IsHeldInDatabaseOfAsync(coordinator, cancellationToken))
            throw new DataMigrationException($"the source {sourceDisplay} and the target {targetDisplay} are the same database: copying would overwrite the source, and --replace would empty it. Nothing has been written. Point --target at the new database.");
        var sourceVersion = await SourceCatalog.ReadVersionAsync(coordinator, cancellationToken);
        ServerVersion.EnsureTargetCanHold(sourceVersion, targetVersion);
        var sourceLocale = await DatabaseLocale.ReadAsync(coordinator, sourceVersion, cancellationToken);
        var targetLocale = await DatabaseLocale.ReadAsync(control, targetVersion, cancellationToken);
        DatabaseLocale.EnsureTargetCanHold(sourceLocale, targetLocale, targetDisplay);
        if (DatabaseLocale.SortingDifference(sourceLocale, targetLocale) is { } sorting)
            progress.Note(sorting);
        var extensions = await SourceCatalog.ReadExtensionsAsync(coordinator, cancellationToken);
        await TargetChecks.EnsureExtensionsCreatableAsync(control, extensions, targetDisplay, targetVersion, options.Replace, cancellationToken);
        await RowSecurity.EnsureNoPolicyAppliesAsync(coordinator, "source", sourceDisplay, cancellationToken);
        await RowSecurity.EnsureTargetCanReadForcedTablesAsync(coordinator, control, targetDisplay, cancellationToken);
        await ReadPrivileges.EnsureMigrationSourceReadableAsync(coordinator, sourceDisplay, cancellationToken);

        // The schema moves through pg_dump and pg_restore: a missing one must stop the run before
        // preparing the contents may empty the target for --replace, not after.
        tools.Locate("pg_dump");
        tools.Locate("pg_restore");
        if (!options.Replace && await CompletedCopy.ReadAsync(control, cancellationToken) is { Mode: Mode } earlier
            && TargetPreparation.IsSameSource(earlier.Source, sourceDisplay) && !await MigrationState.ExistsAsync(control, cancellationToken))
        {
            progress.Note($"the target already holds a complete copy of this source, made by an earlier run that finished {earlier.FinishedAt}: nothing is copied, and the copy is validated again");
            return new MigrationSummary { Mode = Mode, Source = sourceDisplay, Target = targetDisplay, Jobs = jobs, Tables = [], Phases = [], CopiedEarlier = earlier.FinishedAt };
        }

        var run = await TargetPreparation.PrepareContentsAsync(control, Mode, sourceDisplay, targetDisplay, targetVersion, extensions, options.Replace, progress, cancellationToken);
        var resumed = run is not null;
        if (run is null)
        {
            await MigrationState.CreateAsync(control, Mode, sourceDisplay, cancellationToken);
            run = (await MigrationState.ReadRunAsync(control, cancellationToken))!;
        }
        else
        {
            progress.Note("resuming the interrupted migration recorded in the target");
        }

        Resumable = true;

        // The snapshot every source session reads. A resumed run takes a new one: units committed before the
        // interruption hold the older moment, so the source must not change between runs (maintenance mode).
        await Execute(coordinator, "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY", cancellationToken);
        string snapshot;
        await using (var export = new NpgsqlCommand("SELECT pg_export_snapshot()", coordinator))
            snapshot = (string)(await export.ExecuteScalarAsync(cancellationToken))!;

        // Read once in the snapshot: the dump leaves their values out, and the copy sets them.
        var sequenceNames = await SourceCatalog.ReadSequenceNamesAsync(coordinator, cancellationToken);

        if (!run.PreDataDone)
        {
            await clock.RunAsync("pre-data schema", async () =>
            {
                if (resumed)
                {
                    progress.Note("the interrupted run had not finished the schema: removing its partial schema and restoring it again");
                    await TargetContents.WipeAsync(control, targetVersion.Major, keepState: true, keepExtensions: extensions, cancellationToken);
                }

                var transfer = new SchemaTransfer(tools, source, target);
                using var workspace = PrivateDirectory.CreateTemporary("heroku2cloud-schema-");
                var archive = await transfer.DumpAsync(workspace, snapshot, sequenceNames, cancellationToken);
                await transfer.RestorePreDataAsync(archive, await TargetContents.ReadSchemaNamesAsync(control, cancellationToken), cancellationToken);
                var postData = await transfer.ReadPostDataAsync(archive, cancellationToken);
                await MigrationState.MarkPreDataDoneAsync(control, postData.Items, cancellationToken);
            });
        }
        else
        {
            progress.Note("schema already restored by the interrupted run");
        }

        var tables = await SourceCatalog.ReadTablesAsync(coordinator, cancellationToken);
        if (!run.UnitsPlanned)
        {
            await clock.RunAsync("plan", async () =>
            {
                var largeObjects = await SourceCatalog.ReadLargeObjectsAsync(coordinator, cancellationToken);
                var planner = new CopyPlanner(options.ChunkBytes, sourceVersion.Major, jobs);
                await MigrationState.SaveUnitsAsync(control, await planner.PlanAsync(coordinator, tables, largeObjects, cancellationToken), cancellationToken);
            });
        }

        var records = await MigrationState.ReadUnitsAsync(control, cancellationToken);
        var resumedUnits = records.Count(r => r.Done);
        if (resumedUnits > 0)
            progress.Note($"resuming: {resumedUnits} of {NounCount.Of(records.Count, "copy unit")} {(resumedUnits == 1 ? "was" : "were")} committed by the interrupted run and are skipped");

        var postDataItems = await MigrationState.ReadPostDataAsync(control, cancellationToken);
        var pendingPostData = postDataItems.Where(i => !i.Done).Select(i => i.Item).ToList();
        var builtEarlier = postDataItems.Count - pendingPostData.Count;
        if (builtEarlier > 0)
            progress.Note($"resuming: {builtEarlier} of {NounCount.Of(postDataItems.Count, "post-data statement")} {(builtEarlier == 1 ? "was" : "were")} built by the interrupted run");

        // Post-data starts with the copy: a table's indexes and keys are built as soon as its rows are in,
        // beside the copy of the tables still loading (LoadingTables says which may start).
        var loading = await LoadingTables.ReadAsync(control, pendingPostData, tables, records, cancellationToken);
        var runner = new PostDataRunner(target, jobs, progress);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Exception? postDataFailure = null;
        var postData = Task.Run(async () =>
        {
            try
            {
                await runner.RunAsync(SchemaTransfer.DefaultPreamble, pendingPostData, loading, stop.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed statement stops the copy, which would otherwise run on to its end before the failure
                // shows; recorded first, so the copy's errors from being stopped are not taken for the cause.
                Volatile.Write(ref postDataFailure, ex);
                await stop.CancelAsync();
                throw;
            }
        }, CancellationToken.None);
        IReadOnlyDictionary<int, UnitCopier.Result> results;
        int sequences;
        try
        {
            results = await clock.RunAsync("copy", () => CopyAsync(records, tables, snapshot, jobs, loading, stop.Token));
            var builtDuringCopy = runner.Built;

            sequences = await clock.RunAsync("sequences", async () =>
            {
                var values = await SourceCatalog.ReadSequencesAsync(coordinator, sequenceNames, stop.Token);
                await SetSequencesAsync(control, values, stop.Token);
                return values.Count;
            });

            // Only now may the later waves run: a materialized view refreshed among them may read a sequence.
            loading.Finished();

            // The snapshot is no longer needed: release it before the remaining index builds.
            await Execute(coordinator, "COMMIT", stop.Token);

            await clock.RunAsync("post-data", async () =>
            {
                if (builtDuringCopy > 0)
                    progress.Note($"{builtDuringCopy} of {NounCount.Of(pendingPostData.Count, "post-data statement")} {(builtDuringCopy == 1 ? "was" : "were")} built during the copy");
                await postData;
            });
        }
        catch (Exception)
        {
            // Let post-data's connections stop first. A post-data failure recorded by now stopped the copy: it is the cause.
            var cause = Volatile.Read(ref postDataFailure);
            await stop.CancelAsync();
            await Task.WhenAny(postData);
            _ = postData.Exception; // observed here, whichever error is reported
            if (cause is not null)
                ExceptionDispatchInfo.Throw(cause);
            throw;
        }

        await clock.RunAsync("analyze", () => AnalyzeAsync(jobs, cancellationToken));
        // Marked before the state goes: a kill between the two leaves a finished run to resume, not an unmarked copy.
        if (!await CompletedCopy.TryMarkAsync(control, Mode, sourceDisplay, DateTimeOffset.UtcNow, cancellationToken))
            progress.Note("the finished copy is not marked on the target database (commenting on it takes its owner, which the target user is not): a rerun of this command would refuse the target as not empty instead of validating the copy again");
        await MigrationState.DropAsync(control, cancellationToken);

        // Results exist only for the units this run copied; the interrupted run's are in Tables, not here.
        var copiedThisRun = records.Where(r => r.Unit.Kind == CopyUnitKind.Table && results.ContainsKey(r.Unit.Id)).Select(r => results[r.Unit.Id]).ToList();
        return new MigrationSummary
        {
            Mode = Mode,
            Source = sourceDisplay,
            Target = targetDisplay,
            Jobs = jobs,
            Resumed = resumed,
            ResumedUnits = resumedUnits,
            Units = records.Count,
            Tables = Summarize(records, results, tables),
            RowsThisRun = copiedThisRun.Sum(r => r.Rows),
            BytesThisRun = copiedThisRun.Sum(r => r.Bytes),
            Phases = clock.Phases,
            Sequences = sequences,
            LargeObjects = (int)records.Where(r => r.Unit.Kind == CopyUnitKind.LargeObjects).Sum(r => results.TryGetValue(r.Unit.Id, out var result) ? result.Rows : r.Rows),
            PostDataItems = postDataItems.Count,
            Seconds = Math.Round(clock.TotalSeconds, 3),
        };
    }

    private async Task<IReadOnlyDictionary<int, UnitCopier.Result>> CopyAsync(IReadOnlyList<MigrationState.UnitRecord> records, IReadOnlyList<TableInfo> tables, string snapshot, int jobs, LoadingTables loading, CancellationToken cancellationToken)
    {
        var byName = tables.ToDictionary(t => t.DisplayName, StringComparer.Ordinal);
        var tracker = new TableProgress(progress);
        // Only this run's units: progress counts the rows this run copies, so its rows/s and ETA are this
        // run's (rows an interrupted run committed, counted in, would inflate the rate and shorten the ETA).
        foreach (var record in records.Where(r => !r.Done))
            tracker.Expect(record.Unit.DisplayName, record.Unit.EstimatedRows);

        var pending = new ConcurrentQueue<CopyUnit>(records.Where(r => !r.Done).Select(r => r.Unit));
        var results = new ConcurrentDictionary<int, UnitCopier.Result>();
        var copier = new UnitCopier(snapshot, tracker);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var workers = Enumerable.Range(0, Math.Min(jobs, Math.Max(1, pending.Count))).Select(_ => Task.Run(async () =>
        {
            if (pending.IsEmpty)
                return;
            try
            {
                await using var sourceConnection = await source.OpenAsync(failed.Token);
                await using var targetConnection = await target.OpenAsync(failed.Token);
                while (pending.TryDequeue(out var unit))
                {
                    tracker.UnitStarted(unit.DisplayName);
                    results[unit.Id] = await CopyUnitAsync(copier, sourceConnection, targetConnection, unit, byName.GetValueOrDefault(unit.DisplayName), failed.Token);
                    tracker.UnitFinished(unit.DisplayName);
                    loading.Committed(unit);
                }
            }
            catch
            {
                await failed.CancelAsync();
                throw;
            }
        }, CancellationToken.None)).ToList();

        await WorkerFailure.WhenAllAsync(workers);

        return results;
    }

    private async Task<UnitCopier.Result> CopyUnitAsync(UnitCopier copier, NpgsqlConnection sourceConnection, NpgsqlConnection targetConnection, CopyUnit unit, TableInfo? table, CancellationToken cancellationToken)
    {
        try
        {
            return await copier.CopyAsync(sourceConnection, targetConnection, unit, table, cancellationToken);
        }
        catch (PostgresException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DataMigrationException($"copying {unit.DisplayName} failed: {ex.MessageText}{(ex.Detail is null ? "" : $" ({ex.Detail})")} [SQLSTATE {ex.SqlState}]. Units already committed are kept: fix the cause and {ResumeAdvice(options.Replace)}.", ex);
        }
        catch (NpgsqlException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DataMigrationException($"copying {unit.DisplayName} failed: the connection broke ({ex.Message}). Units already committed are kept: {ResumeAdvice(options.Replace)}.", ex);
        }
    }

    private static async Task SetSequencesAsync(NpgsqlConnection control, IReadOnlyList<SequenceInfo> sequences, CancellationToken cancellationToken)
    {
        if (sequences.Count == 0)
            return;
        await using var batch = new NpgsqlBatch(control);
        foreach (var sequence in sequences)
        {
            var command = new NpgsqlBatchCommand($"SELECT pg_catalog.setval({Identifier.Literal(sequence.QualifiedName)}, $1, $2)");
            command.Parameters.Add(new NpgsqlParameter { Value = sequence.LastValue });
            command.Parameters.Add(new NpgsqlParameter { Value = sequence.IsCalled });
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Fresh statistics for the planner on every table (partitioned parents included: autovacuum never analyzes those).</summary>
    private async Task AnalyzeAsync(int jobs, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await using (var connection = await target.OpenAsync(cancellationToken))
        await using (var command = new NpgsqlCommand(
            $"""
            SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema', '{MigrationState.SchemaName}')
               AND n.nspname NOT LIKE 'pg\_%' ORDER BY pg_relation_size(c.oid) DESC
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                names.Add(reader.GetString(0));
        }

        var queue = new ConcurrentQueue<string>(names);
        await Task.WhenAll(Enumerable.Range(0, Math.Min(jobs, Math.Max(1, names.Count))).Select(_ => Task.Run(async () =>
        {
            await using var connection = await target.OpenAsync(cancellationToken);
            while (queue.TryDequeue(out var name))
                await Execute(connection, $"ANALYZE {name}", cancellationToken);
        }, cancellationToken)));
    }

    private static IReadOnlyList<TableSummary> Summarize(IReadOnlyList<MigrationState.UnitRecord> records, IReadOnlyDictionary<int, UnitCopier.Result> results, IReadOnlyList<TableInfo> tables)
    {
        var formats = tables.ToDictionary(t => t.DisplayName, t => t.TextFormatReason is null ? "binary" : "text", StringComparer.Ordinal);
        return records
            .Where(r => r.Unit.Kind == CopyUnitKind.Table)
            .GroupBy(r => r.Unit.DisplayName, StringComparer.Ordinal)
            .Select(g =>
            {
                long rows = 0, bytes = 0;
                double seconds = 0;
                foreach (var record in g)
                {
                    if (results.TryGetValue(record.Unit.Id, out var result))
                    {
                        rows += result.Rows;
                        bytes += result.Bytes;
                        seconds += result.Seconds;
                    }
                    else
                    {
                        rows += record.Rows;
                        bytes += record.Bytes;
                    }
                }

                return new TableSummary(g.Key, rows, bytes, Math.Round(seconds, 3), g.Count(), g.Count(r => r.Done), formats.GetValueOrDefault(g.Key, "binary"));
            })
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
