using HerokuToCloud.Data.Connections;
using HerokuToCloud.Data.Migration;
using HerokuToCloud.Data.Tests.Infrastructure;
using HerokuToCloud.Data.Validation;
using Sql = HerokuToCloud.Data.Tests.Infrastructure.Sql;

namespace HerokuToCloud.Data.Tests.Migration;

/// <summary>
/// A foreign key's first check on the target is a query PostgreSQL plans. With its default page costs, a few
/// references into a large table hash the whole large table; post-data plans with SSD costs, so the check probes
/// the referenced key index instead, which the index's scan count on the target shows.
/// </summary>
public class ForeignKeyCheckPlanTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task A_few_references_into_a_large_table_are_checked_through_its_key_index()
    {
        var source = await server.CreateDatabaseAsync("fk_plan_src");
        var target = await server.CreateDatabaseAsync("fk_plan_tgt");
        await Sql.ExecuteAsync(source, """
            CREATE TABLE parent (id int PRIMARY KEY, label text NOT NULL);
            CREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent (id));
            INSERT INTO parent SELECT g, 'parent ' || g FROM generate_series(1, 200000) g;
            INSERT INTO child SELECT g, (g * 37) % 200000 + 1 FROM generate_series(1, 2000) g;
            """);

        // 1 MB units split parent (about 10 MB) into ranges, loaded by several transactions and so not frozen, as
        // large tables are: a frozen, all-visible parent is probed index-only whatever the costs.
        var summary = await new DataMigrator(new MigrationValidator()).MigrateAsync(
            new MigrationOptions { Source = Urls.Of(source), Target = target, Jobs = 2, ChunkBytes = 1024 * 1024 },
            new RecordingProgress(), CancellationToken.None);

        Assert.True(summary.Validation?.Passed, summary.Validation?.Report?.ToJsonString());
        // Nothing else reads parent through its key: the copy and validation scan tables whole.
        Assert.True(await ParentKeyScansAsync(target) >= 2000);
    }

    /// <summary>
    /// The key's scan count, once the closed post-data connection's backend has reported it: a backend flushes its
    /// statistics as it exits, which may come a moment after the client has closed the connection.
    /// </summary>
    private static async Task<long> ParentKeyScansAsync(PostgresEndpoint target)
    {
        for (var attempt = 0; ; attempt++)
        {
            var scans = await Sql.ScalarAsync<long>(target, "SELECT pg_catalog.pg_stat_get_numscans('parent_pkey'::regclass)");
            if (scans >= 2000 || attempt == 50)
                return scans;
            await Task.Delay(200);
        }
    }
}
