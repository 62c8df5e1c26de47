using HerokuToCloud.Data.Validation;
using Npgsql;

namespace HerokuToCloud.Data.Tests.Validation;

/// <summary>
/// A large table's checksum pass runs with PostgreSQL parallel workers, which the side pays for with
/// sessions. The fixture's tables are far below the size PostgreSQL scans in parallel, so these tests lower
/// the planner's thresholds on their own session to make it do so.
/// </summary>
public class ParallelChecksumTests(ValidationFixture fixture) : IClassFixture<ValidationFixture>
{
    [Theory]
    [InlineData("public", "accounts")] // every type of the zoo: enum, domain, arrays, jsonb, bytea, numeric…
    [InlineData("public", "subtle")]   // floats, dates and timestamps hashed by value
    public async Task A_parallel_pass_gives_the_serial_checksum_and_leaves_the_session_serial(string schema, string name)
    {
        await using var sessions = await SnapshotSessions.OpenAsync(Side.Source, fixture.Source, workers: 1, CancellationToken.None);
        var pair = await PairAsync(sessions, schema, name);

        var (plan, serial, parallel, after) = await sessions.WithWorkerAsync(
            async c =>
            {
                await ExecuteAsync(c, "SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0");
                var serial = await ChunkQueries.ChecksumAsync(c, pair, parallelWorkers: 0, CancellationToken.None);
                var parallel = await ChunkQueries.ChecksumAsync(c, pair, parallelWorkers: 2, CancellationToken.None);
                var after = await ScalarAsync(c, "SHOW max_parallel_workers_per_gather");
                await ExecuteAsync(c, "SET max_parallel_workers_per_gather = 2");
                var plan = await ScalarAsync(c, "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) " + ChunkQueries.ChecksumSql(pair));
                return (plan, serial, parallel, after);
            },
            CancellationToken.None);

        // Every function in the row hash is parallel safe, or PostgreSQL would quietly scan serially.
        Assert.Contains("Parallel Seq Scan", plan, StringComparison.Ordinal);
        Assert.Equal(serial, parallel);
        Assert.True(serial.Rows > 0);
        Assert.Equal("0", after);
    }

    [Fact]
    public async Task A_parallel_split_pass_gives_the_serial_chunk_checksums()
    {
        await using var sessions = await SnapshotSessions.OpenAsync(Side.Source, fixture.Source, workers: 1, CancellationToken.None);
        var pair = await PairAsync(sessions, "public", "accounts");

        var (serial, parallel, serialChildren, parallelChildren) = await sessions.WithWorkerAsync(
            async c =>
            {
                await ExecuteAsync(c, "SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0");
                var serial = await ChunkQueries.SplitAsync(c, pair, 0, [], 4, parallelWorkers: 0, CancellationToken.None);
                var parallel = await ChunkQueries.SplitAsync(c, pair, 0, [], 4, parallelWorkers: 2, CancellationToken.None);
                // A deeper split takes its parents as a parameter of the batched query.
                long[] parents = [.. serial.Keys.Take(2)];
                var serialChildren = await ChunkQueries.SplitAsync(c, pair, 4, parents, 12, parallelWorkers: 0, CancellationToken.None);
                var parallelChildren = await ChunkQueries.SplitAsync(c, pair, 4, parents, 12, parallelWorkers: 2, CancellationToken.None);
                return (serial, parallel, serialChildren, parallelChildren);
            },
            CancellationToken.None);

        Assert.Equal(16, serial.Count);
        Assert.Equal(serial.OrderBy(p => p.Key), parallel.OrderBy(p => p.Key));
        Assert.NotEmpty(serialChildren);
        Assert.Equal(serialChildren.OrderBy(p => p.Key), parallelChildren.OrderBy(p => p.Key));
    }

    [Fact]
    public async Task A_parallel_query_holds_the_sessions_idle_when_it_starts_and_never_waits_for_more()
    {
        await using var sessions = await SnapshotSessions.OpenAsync(Side.Source, fixture.Source, workers: 3, CancellationToken.None);
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource<int>();
        var holding = sessions.WithWorkersAsync(2, async (_, held) =>
        {
            started.SetResult(held);
            await release.Task;
            return 0;
        }, CancellationToken.None);
        Assert.Equal(2, await started.Task);

        // One session is left: a query wanting all three starts at once on it instead of waiting.
        var greedy = new TaskCompletionSource<int>();
        var free = new TaskCompletionSource();
        var wantsAll = sessions.WithWorkersAsync(3, async (_, held) =>
        {
            greedy.SetResult(held);
            await free.Task;
            return 1;
        }, CancellationToken.None);
        Assert.Equal(1, await greedy.Task);

        // Nothing is left now: the next query waits for a session to come back.
        var next = sessions.WithWorkerAsync(_ => Task.FromResult(2), CancellationToken.None);
        await Task.Delay(100);
        Assert.False(next.IsCompleted);
        free.SetResult();
        Assert.Equal(1, await wantsAll);
        Assert.Equal(2, await next);

        release.SetResult();
        Assert.Equal(0, await holding);
    }

    [Fact]
    public async Task A_session_whose_query_failed_is_never_handed_out_again()
    {
        await using var sessions = await SnapshotSessions.OpenAsync(Side.Source, fixture.Source, workers: 2, CancellationToken.None);
        NpgsqlConnection? broken = null;

        await Assert.ThrowsAsync<PostgresException>(() => sessions.WithWorkerAsync<int>(async c =>
        {
            broken = c;
            await ExecuteAsync(c, "SELECT 1 / 0");
            return 0;
        }, CancellationToken.None));

        // Its transaction is aborted: every later query runs on the other session, and succeeds.
        for (var i = 0; i < 3; i++)
        {
            var (used, answer) = await sessions.WithWorkerAsync(async c => (c, await ScalarAsync(c, "SELECT 'ok'")), CancellationToken.None);
            Assert.NotSame(broken, used);
            Assert.Equal("ok", answer);
        }
    }

    /// <summary>A fixture table paired with itself, as validation pairs a table with its copy.</summary>
    private static async Task<TablePair> PairAsync(SnapshotSessions sessions, string schema, string name)
    {
        var catalog = await CatalogReader.ReadAsync(sessions.Coordinator, sessions.ServerVersion, CancellationToken.None);
        var table = catalog.Tables.Single(t => t.Schema == schema && t.Name == name);
        return TablePair.Create(table, table);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
            lines.Add(reader.GetString(0));
        return string.Join('\n', lines);
    }
}
