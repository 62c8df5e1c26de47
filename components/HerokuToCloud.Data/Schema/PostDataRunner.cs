using HerokuToCloud.Data.Connections;
using HerokuToCloud.Data.Progress;
using HerokuToCloud.Data.State;
using Npgsql;

namespace HerokuToCloud.Data.Schema;

/// <summary>
/// Builds indexes, constraints, triggers and the rest of post-data on the loaded tables. Each item commits
/// together with its "done" mark, so a resumed run skips what is built. Parallel waves use up to
/// <c>jobs</c> connections; constraints of one table run one after another (they take its exclusive lock),
/// and an item that loses a deadlock against a sibling (two foreign keys between the same tables) is retried.
/// Lanes start largest table first (the longest build starting last would leave the other connections idle
/// while it runs alone), skipping over lanes that would wait for a running one's lock (<see cref="PostDataSchedule"/>).
/// It may start while the copy still runs: indexes and keys of a loaded table are built beside the copy of the
/// others, and every other wave waits until <see cref="LoadingTables.Everything"/> (the copy and the sequences) is done.
/// </summary>
public sealed class PostDataRunner(DatabaseSessions target, int jobs, IDataProgress progress)
{
    private const int DeadlockRetries = 5;

    /// <summary>How long a connection waits for its next statement before it is closed (reopened when one comes).</summary>
    private static readonly TimeSpan IdleLimit = TimeSpan.FromSeconds(30);

    private int built;

    /// <summary>How many items this runner has built so far.</summary>
    public int Built => Volatile.Read(ref built);

    public async Task RunAsync(string preamble, IReadOnlyList<PostDataItem> pending, LoadingTables loading, CancellationToken cancellationToken)
    {
        // Foreign keys run beside index builds, each once its referenced table's keys and indexes are built
        // (PostDataSchedule), unless partition index attachments must come between: a foreign key to a
        // partitioned table needs its attached index.
        var together = !pending.Any(i => i.Wave == PostDataWave.IndexAttachments);
        foreach (var wave in pending.GroupBy(i => together && i.Wave == PostDataWave.ForeignKeys ? PostDataWave.IndexesAndConstraints : i.Wave).OrderBy(g => g.Key))
        {
            var items = wave.OrderBy(i => i.Ordinal).ToList();
            if (wave.Key != PostDataWave.IndexesAndConstraints)
                await loading.Everything.WaitAsync(cancellationToken);
            if (wave.Key is PostDataWave.IndexesAndConstraints or PostDataWave.ForeignKeys)
            {
                // Constraints of one table form one lane, its foreign keys another (which waits for the tables they
                // reference, so it must not hold up the table's own keys); every index is a lane of its own.
                var lanes = items.GroupBy(i => i.Table is null ? $"#{i.Ordinal}" : $"{i.Wave}:{i.Table}").Select(g => new PostDataLane(g.ToList(), loading.Sizes)).ToList();
                var schedule = new PostDataSchedule(lanes, loading);
                // One failed statement stops the other connections: those waiting for a table to load would wait for the whole copy.
                using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var workers = Enumerable.Range(0, Math.Max(1, Math.Min(jobs, lanes.Count))).Select(_ => Task.Run(() => RunLanesAsync(schedule, preamble, failed), CancellationToken.None)).ToList();
                await WorkerFailure.WhenAllAsync(workers);
            }
            else
            {
                await using var connection = await OpenAsync(preamble, cancellationToken);
                foreach (var item in items)
                {
                    await RunItemAsync(connection, item, cancellationToken);
                    Interlocked.Increment(ref built);
                }
            }
        }
    }

    /// <summary>One connection's work: lanes from <paramref name="schedule"/> until none is left; a failure cancels <paramref name="failed"/>.</summary>
    private async Task RunLanesAsync(PostDataSchedule schedule, string preamble, CancellationTokenSource failed)
    {
        NpgsqlConnection? connection = null;
        try
        {
            while (true)
            {
                // Waiting for a table to load can take as long as the copy, and a connection idle that long may be
                // dropped by a server or network timeout: one idle for IdleLimit is closed. (Closing at every wait
                // would reconnect once per small table.)
                var take = schedule.TakeAsync(failed.Token);
                if (connection is not null && !take.IsCompleted)
                {
                    try
                    {
                        await take.WaitAsync(IdleLimit, failed.Token);
                    }
                    catch (TimeoutException)
                    {
                        await connection.DisposeAsync();
                        connection = null;
                    }
                }

                if (await take is not { } lane)
                    return;
                try
                {
                    connection ??= await OpenAsync(preamble, failed.Token);
                    foreach (var item in lane.Items)
                    {
                        await RunItemAsync(connection, item, failed.Token);
                        Interlocked.Increment(ref built);
                    }
                }
                finally
                {
                    schedule.Finished(lane);
                }
            }
        }
        catch
        {
            await failed.CancelAsync();
            throw;
        }
        finally
        {
            if (connection is not null)
                await connection.DisposeAsync();
        }
    }

    /// <summary>
    /// A foreign key's first check is a query (an anti-join of the referencing table against the referenced one)
    /// that PostgreSQL plans with the session's costs. Its default random_page_cost prices an index probe for a
    /// spinning disk, so a check of 120,000 references into a 6 M-row table hashed all 6 M keys (2 s, in three
    /// processes) rather than probe the key index built moments before (0.6 s). The target's fresh tables are in
    /// memory or on SSD, for which 1.1 is the usual setting; a check of many references into a small table still
    /// hashes the small one. A lower cost the target's operator configured is kept.
    /// </summary>
    private const string PlanningCosts =
        "SELECT pg_catalog.set_config('random_page_cost', LEAST(pg_catalog.current_setting('random_page_cost')::float8, 1.1)::text, false)";

    private async Task<NpgsqlConnection> OpenAsync(string preamble, CancellationToken cancellationToken)
    {
        var connection = await target.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"{preamble}\n{PlanningCosts};", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private async Task RunItemAsync(NpgsqlConnection connection, PostDataItem item, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using (var command = new NpgsqlCommand(item.Sql, connection, transaction))
                    await command.ExecuteNonQueryAsync(cancellationToken);
                await using (var mark = MigrationState.MarkPostDataDone(connection, transaction, item.Ordinal))
                    await mark.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < DeadlockRetries)
            {
                progress.Note($"{item.Kind} {item.Name} lost a deadlock against a parallel statement; retrying");
            }
            catch (PostgresException ex)
            {
                throw new DataMigrationException($"the target rejected {item.Kind} {item.Name} from the source's schema: {ex.MessageText}{(ex.Detail is null ? "" : $" ({ex.Detail})")}. Statement: {Shorten(item.Sql)}", ex);
            }
        }
    }

    /// <summary>The statement on one line (pg_dump breaks ALTER TABLE … ADD CONSTRAINT in two), at most 300 characters, for an error line.</summary>
    private static string Shorten(string sql)
    {
        var flat = string.Join(' ', sql.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length > 300 ? flat[..300] + "…" : flat;
    }
}
