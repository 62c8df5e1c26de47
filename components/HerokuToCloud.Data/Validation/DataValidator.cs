using System.Diagnostics;
using HerokuToCloud.Data.Catalog;
using HerokuToCloud.Data.Connections;
using HerokuToCloud.Data.Progress;
using HerokuToCloud.Data.State;
using Npgsql;

namespace HerokuToCloud.Data.Validation;

/// <summary>
/// Proves that a target database holds what the source does: schema parity object by object, exact row
/// counts and content checksums per table narrowed down to the differing rows by key, sequences, and
/// large objects. Both databases are only read, each through one consistent snapshot shared by all of
/// its sessions; the source's sessions are read-only even at the session level. This is `data validate`
/// and the last step of `data migrate`.
/// </summary>
public static class DataValidator
{
    /// <summary>
    /// Compares <paramref name="target"/> with <paramref name="source"/>. Differences are returned in the
    /// report (<see cref="ValidationReport.Identical"/> is false); a failure to compare at all (unreachable
    /// server, missing privilege) throws <see cref="DataMigrationException"/>.
    /// </summary>
    public static async Task<ValidationReport> ValidateAsync(PostgresEndpoint source, PostgresEndpoint target, ValidationOptions options, IDataProgress progress, CancellationToken cancellationToken)
    {
        try
        {
            return await CompareAsync(source, target, options, progress, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && LockTableFull.Caused(ex))
        {
            // A full lock table is the user's to fix (server settings), not a bug.
            throw LockTableFull.Explain(ex);
        }
    }

    private static async Task<ValidationReport> CompareAsync(PostgresEndpoint source, PostgresEndpoint target, ValidationOptions options, IDataProgress progress, CancellationToken cancellationToken)
    {
        options.Check();
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var notes = new List<string>();

        progress.PhaseStarted("validate: connect");
        var opening = new[]
        {
            SnapshotSessions.OpenAsync(Side.Source, source, options.Jobs, cancellationToken),
            SnapshotSessions.OpenAsync(Side.Target, target, options.Jobs, cancellationToken),
        };
        try
        {
            await Task.WhenAll(opening);
        }
        catch
        {
            foreach (var task in opening.Where(t => t.IsCompletedSuccessfully))
                await task.Result.DisposeAsync();
            throw opening.Select(t => t.Exception?.InnerException).FirstOrDefault(e => e is DataMigrationException) ?? opening.First(t => t.IsFaulted || t.IsCanceled).Exception?.InnerException ?? new OperationCanceledException(cancellationToken);
        }

        await using var sourceSessions = opening[0].Result;
        await using var targetSessions = opening[1].Result;
        if (await sourceSessions.IsSameDatabaseAsAsync(targetSessions, cancellationToken))
            throw new DataMigrationException($"the source {source} and the target {target} are the same database: validation would compare it with itself and prove nothing. Point --target at the copy and --source at the database it was copied from.");
        foreach (var side in new[] { sourceSessions, targetSessions }.Where(s => s.SnapshotId is null))
            notes.Add($"the {side.Name} server could not export a snapshot, so its sessions each read their own snapshot; run validation while nothing writes to it.");

        // A target mid-migration holds part of the rows and the tool's own state tables: comparing it would
        // list every missing row and the state schema as differences instead of saying what is going on.
        if (await MigrationState.ReadRunAsync(targetSessions.Coordinator, cancellationToken) is { } run)
            throw new DataMigrationException($"the target database {target} holds an unfinished heroku2cloud migration (schema {MigrationState.SchemaName}). " + (run.Mode == "backup"
                ? "Rerun the data migrate command that restores the backup to finish it, then validate."
                : "Rerun the data migrate command to finish it: it validates when the copy ends."));

        await Task.WhenAll(
            RowSecurity.EnsureNoPolicyAppliesAsync(sourceSessions.Coordinator, sourceSessions.Name, sourceSessions.Endpoint.ToString(), cancellationToken),
            RowSecurity.EnsureNoPolicyAppliesAsync(targetSessions.Coordinator, targetSessions.Name, targetSessions.Endpoint.ToString(), cancellationToken));

        // Before any row is hashed: a role that cannot read a table would otherwise fail midway with a raw
        // permission error, after minutes of hashing, naming that one table.
        await Task.WhenAll(
            ReadPrivileges.EnsureValidationReadableAsync(sourceSessions.Coordinator, sourceSessions.Name, sourceSessions.Endpoint.ToString(), cancellationToken),
            ReadPrivileges.EnsureValidationReadableAsync(targetSessions.Coordinator, targetSessions.Name, targetSessions.Endpoint.ToString(), cancellationToken));

        progress.PhaseStarted("validate: schema");
        var catalogs = await Task.WhenAll(ReadCatalogAsync(sourceSessions, cancellationToken), ReadCatalogAsync(targetSessions, cancellationToken));
        var (sourceCatalog, targetCatalog) = (catalogs[0], catalogs[1]);
        var (schemaDifferences, schemaNotes) = SchemaComparer.Compare(sourceCatalog.Objects, targetCatalog.Objects);
        notes.AddRange(schemaNotes);
        var locales = await Task.WhenAll(
            DatabaseLocale.ReadAsync(sourceSessions.Coordinator, new ServerVersion(sourceSessions.ServerVersion), cancellationToken),
            DatabaseLocale.ReadAsync(targetSessions.Coordinator, new ServerVersion(targetSessions.ServerVersion), cancellationToken));
        if (DatabaseLocale.SortingDifference(locales[0], locales[1]) is { } sorting)
            notes.Add(sorting);
        if (locales[0].Encoding != locales[1].Encoding)
            notes.Add($"the databases store text in different encodings (source: {locales[0].Encoding}; target: {locales[1].Encoding}); the values were compared as text, which is what the application reads.");

        progress.PhaseStarted("validate: content");
        var (pairs, unpaired) = PairTables(sourceCatalog, targetCatalog);
        var comparer = new TableContentComparer(sourceSessions, targetSessions, options, progress, pairs.Sum(p => p.Source.Pages), pairs.Sum(p => p.Target.Pages));
        var compared = await CompareTablesAsync(comparer, pairs, cancellationToken);

        progress.PhaseStarted("validate: sequences");
        var (sequencesChecked, sequenceDifferences, sequenceNotes) = await SequenceValidator.ValidateAsync(sourceSessions, targetSessions, sourceCatalog, targetCatalog, cancellationToken);
        notes.AddRange(sequenceNotes);

        LargeObjectValidation? largeObjects = null;
        if (sourceCatalog.LargeObjects > 0 || targetCatalog.LargeObjects > 0)
        {
            progress.PhaseStarted("validate: large objects");
            largeObjects = await LargeObjectValidator.ValidateAsync(sourceSessions, targetSessions, sourceCatalog.LargeObjects, targetCatalog.LargeObjects, options.MaxListedRowsPerTable, cancellationToken);
        }

        return new ValidationReport
        {
            Source = source.ToString(),
            Target = target.ToString(),
            StartedAt = startedAt,
            Duration = clock.Elapsed,
            SchemaDifferences = schemaDifferences,
            Tables = compared.Concat(unpaired).OrderBy(t => t.Table, StringComparer.Ordinal).ToList(),
            SequencesChecked = sequencesChecked,
            SequenceDifferences = sequenceDifferences,
            LargeObjects = largeObjects,
            Notes = notes,
            ValuesShown = options.IncludeValues,
        };
    }

    private static async Task<DatabaseCatalog> ReadCatalogAsync(SnapshotSessions side, CancellationToken cancellationToken)
    {
        try
        {
            return await CatalogReader.ReadAsync(side.Coordinator, side.ServerVersion, cancellationToken);
        }
        catch (PostgresException ex)
        {
            throw new DataMigrationException($"reading the catalog of the {side.Name} database {side.Endpoint} failed: {ex.MessageText} (SQLSTATE {ex.SqlState}).", ex);
        }
    }

    /// <summary>Tables whose content can be compared, and a verdict for every other table-like relation.</summary>
    private static (List<TablePair> Pairs, List<TableValidation> Unpaired) PairTables(DatabaseCatalog source, DatabaseCatalog target)
    {
        // A partitioned table holds no rows of its own: its partitions are compared one by one, except in a
        // tree compared as a whole at its root (on either side), whose partitions are not compared alone.
        var wholeTrees = source.Tables.Concat(target.Tables).Where(t => t.Tree == TreeRole.Root).Select(t => t.DisplayName).ToHashSet(StringComparer.Ordinal);
        var inTrees = source.Tables.Concat(target.Tables).Where(t => t.Tree == TreeRole.Member).Select(t => t.DisplayName).ToHashSet(StringComparer.Ordinal);
        bool HoldsRows(CatalogTable t) => wholeTrees.Contains(t.DisplayName) || (t.Kind != 'p' && !inTrees.Contains(t.DisplayName));
        var targetByName = target.Tables.Where(HoldsRows).ToDictionary(t => t.DisplayName, StringComparer.Ordinal);
        var sourceNames = new HashSet<string>(StringComparer.Ordinal);
        var pairs = new List<TablePair>();
        var unpaired = new List<TableValidation>();
        foreach (var table in source.Tables.Where(HoldsRows))
        {
            sourceNames.Add(table.DisplayName);
            if (!targetByName.TryGetValue(table.DisplayName, out var other))
            {
                unpaired.Add(new TableValidation(table.DisplayName, TableStatus.NotCompared, 0, 0) { Reason = "missing on the target" });
            }
            else if (table.Kind == 'f' || other.Kind == 'f')
            {
                unpaired.Add(new TableValidation(table.DisplayName, TableStatus.NotCompared, 0, 0) { Reason = "a foreign table: its rows live on another server" });
            }
            else if (table.Kind != other.Kind)
            {
                unpaired.Add(new TableValidation(table.DisplayName, TableStatus.NotCompared, 0, 0) { Reason = "a different kind of relation on each side (see the schema differences)" });
            }
            else if (!table.Populated || !other.Populated)
            {
                // Reading it fails ("has not been populated"); whether both sides agree is the schema's "populated" attribute.
                unpaired.Add(new TableValidation(table.DisplayName, TableStatus.NotCompared, 0, 0) { Reason = UnpopulatedReason(table.Populated, other.Populated) });
            }
            else
            {
                pairs.Add(TablePair.Create(table, other, wholeTree: wholeTrees.Contains(table.DisplayName)));
            }
        }

        foreach (var table in target.Tables.Where(HoldsRows).Where(t => !sourceNames.Contains(t.DisplayName)))
            unpaired.Add(new TableValidation(table.DisplayName, TableStatus.NotCompared, 0, 0) { Reason = "only on the target" });
        return (pairs, unpaired);
    }

    private static string UnpopulatedReason(bool source, bool target) => (source, target) switch
    {
        (false, false) => "a materialized view made WITH NO DATA and not refreshed on either side: it holds no rows until REFRESH MATERIALIZED VIEW",
        (false, _) => "a materialized view not populated on the source (see the schema differences)",
        _ => "a materialized view not populated on the target (see the schema differences)",
    };

    /// <summary>
    /// Compares all tables, the largest first so the long ones start early and small ones fill the gaps;
    /// the sessions of each side bound how many queries run at once. The first failure cancels the rest.
    /// </summary>
    private static async Task<List<TableValidation>> CompareTablesAsync(TableContentComparer comparer, List<TablePair> pairs, CancellationToken cancellationToken)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = pairs
            .OrderByDescending(p => Math.Max(p.Source.Pages, p.Target.Pages))
            .ThenBy(p => p.DisplayName, StringComparer.Ordinal)
            .Select(async pair =>
            {
                try
                {
                    return await comparer.CompareAsync(pair, failed.Token);
                }
                catch
                {
                    await failed.CancelAsync();
                    throw;
                }
            })
            .ToList();
        return (await WorkerFailure.WhenAllAsync(tasks)).ToList();
    }
}
