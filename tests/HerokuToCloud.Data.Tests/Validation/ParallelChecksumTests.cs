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
        var catalog = await CatalogReader.ReadAsync(sessions.Coordinator, sessions.ServerVersion, CancellationToken.None);
        var table = catalog.Tables.Single(t => t.Schema == schema && t.Name == name);
        var pair = TablePair.Create(table, table);

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
    public async Task A_query_holding_sessions_for_its_workers_leaves_only_the_rest_to_others()
    {
        await using var sessions = await SnapshotSessions.OpenAsync(Side.Source, fixture.Source, workers: 3, CancellationToken.None);
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        var holding = sessions.WithWorkersAsync(2, async _ =>
        {
            started.SetResult();
            await release.Task;
            return 0;
        }, CancellationToken.None);
        await started.Task;

        var free = new TaskCompletionSource();
        var first = sessions.WithWorkerAsync(async _ =>
        {
            await free.Task;
            return 1;
        }, CancellationToken.None);
        var second = sessions.WithWorkerAsync(_ => Task.FromResult(2), CancellationToken.None);

        // One session is left besides the two held: the second single query waits for the first.
        await Task.Delay(100);
        Assert.False(second.IsCompleted);
        free.SetResult();
        Assert.Equal(1, await first);
        Assert.Equal(2, await second);

        release.SetResult();
        Assert.Equal(0, await holding);
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
