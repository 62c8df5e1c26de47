using HerokuToCloud.Data.Connections;
using HerokuToCloud.Data.Migration;
using HerokuToCloud.Data.Tests.Infrastructure;
using Npgsql;

namespace HerokuToCloud.Data.Tests.Migration;

public class SourceSafetyTests(TwoServers servers) : IClassFixture<TwoServers>
{
    [Fact]
    public async Task The_engines_source_sessions_refuse_writes()
    {
        var source = await servers.Source.CreateDatabaseAsync("readonly_src");
        await Sql.ExecuteAsync(source, "CREATE TABLE t (x int)");

        await using var connection = await new DatabaseSessions(source, DatabaseRole.Source).OpenAsync(CancellationToken.None);
        await using var insert = new NpgsqlCommand("INSERT INTO t VALUES (1)", connection);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());
        await using var create = new NpgsqlCommand("CREATE TABLE u (x int)", connection);
        var refusedDdl = await Assert.ThrowsAsync<PostgresException>(() => create.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, refused.SqlState);
        Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, refusedDdl.SqlState);
        Assert.Equal(0L, await Sql.ScalarAsync<long>(source, "SELECT count(*) FROM t"));
    }

    [Fact]
    public async Task A_migration_leaves_the_source_byte_for_byte_unchanged_and_assigns_it_no_transaction()
    {
        var source = await servers.Source.CreateDatabaseAsync("unchanged_src");
        await Sql.ExecuteAsync(source, TypeZoo.Schema);
        await Sql.ExecuteAsync(source, TypeZoo.Data(500));
        // Autovacuum would assign transaction IDs of its own on the source server and blur the second proof.
        await Sql.ExecuteAsync(servers.Source.Endpoint(), "ALTER SYSTEM SET autovacuum = off; SELECT pg_reload_conf();");
        await Sql.ExecuteAsync(source, "CHECKPOINT");
        var target = await servers.Target.CreateDatabaseAsync("unchanged_tgt");
        var dumpBefore = await PlainDump.TextAsync(source);
        var nextXidBefore = await Sql.ScalarAsync<string>(source, "SELECT pg_snapshot_xmax(pg_current_snapshot())::text");

        await new DataMigrator().MigrateAsync(new MigrationOptions { Source = Urls.Of(source), Target = target, Jobs = 2, ChunkBytes = 64 * 1024 }, new RecordingProgress(), CancellationToken.None);

        Assert.Equal(nextXidBefore, await Sql.ScalarAsync<string>(source, "SELECT pg_snapshot_xmax(pg_current_snapshot())::text"));
        Assert.Equal(dumpBefore, await PlainDump.TextAsync(source));
        Assert.Equal(await DatabaseFingerprint.TakeAsync(source), await DatabaseFingerprint.TakeAsync(target));
    }
}
