using HerokuToCloud.Data.Validation;
using Npgsql;

namespace HerokuToCloud.Data.Tests.Validation;

/// <summary>The sessions validation reads through: read-only on the source, one snapshot per side, canonical output.</summary>
public class SnapshotSessionsTests(ValidationFixture fixture) : IClassFixture<ValidationFixture>
{
    [Fact]
    public async Task Source_sessions_refuse_to_write()
    {
        await using var sessions = await SnapshotSessions.OpenAsync(Side.Source, fixture.Source, workers: 1, CancellationToken.None);

        var error = await Assert.ThrowsAsync<PostgresException>(() => sessions.WithWorkerAsync(
            async c =>
            {
                await using var command = new NpgsqlCommand("INSERT INTO public.audit (what) VALUES ('written by the validator')", c);
                return await command.ExecuteNonQueryAsync();
            },
            CancellationToken.None));
        Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, error.SqlState);

        // Even outside the validator's own transaction the session default is read-only.
        await using var plain = new NpgsqlCommand("COMMIT; SHOW default_transaction_read_only", sessions.Coordinator);
        Assert.Equal("on", await plain.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Every_worker_reads_the_snapshot_exported_when_the_sessions_opened()
    {
        var target = await fixture.TargetAsync();
        await using var sessions = await SnapshotSessions.OpenAsync(Side.Target, target, workers: 3, CancellationToken.None);
        Assert.NotNull(sessions.SnapshotId);

        await ValidationFixture.ExecuteAsync(target, "INSERT INTO public.audit (what) VALUES ('after the snapshot')");

        var counts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => sessions.WithWorkerAsync(
            async c =>
            {
                await using var command = new NpgsqlCommand("SELECT count(*) FROM public.audit", c);
                var count = (long)(await command.ExecuteScalarAsync())!;
                await Task.Delay(50);
                return count;
            },
            CancellationToken.None)));
        Assert.All(counts, c => Assert.Equal(300, c));
    }

    [Fact]
    public async Task Sessions_print_values_in_the_canonical_form()
    {
        await using var sessions = await SnapshotSessions.OpenAsync(Side.Source, fixture.Source, workers: 1, CancellationToken.None);

        var text = await sessions.WithWorkerAsync(
            async c =>
            {
                await using var command = new NpgsqlCommand("SELECT concat_ws('|', timestamptz '2024-06-01 12:00:00+02', 0.1::float8 + 0.2::float8, '\\x00ff'::bytea, date '2024-06-01', interval '1 day 2 hours', 12.5::money)", c);
                return (string)(await command.ExecuteScalarAsync())!;
            },
            CancellationToken.None);
        Assert.Equal("2024-06-01 10:00:00+00|0.30000000000000004|\\x00ff|2024-06-01|1 day 02:00:00|$12.50", text);
    }
}
