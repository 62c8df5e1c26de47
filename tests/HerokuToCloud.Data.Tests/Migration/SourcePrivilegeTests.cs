using HerokuToCloud.Data.Migration;
using HerokuToCloud.Data.Tests.Infrastructure;

namespace HerokuToCloud.Data.Tests.Migration;

public class SourcePrivilegeTests(TwoServers servers) : IClassFixture<TwoServers>
{
    [Fact]
    public async Task A_source_role_that_cannot_read_a_table_is_refused_before_the_target_is_touched_with_the_grant_to_run()
    {
        var admin = await servers.Source.CreateDatabaseAsync("privileges_src");
        await Sql.ExecuteAsync(servers.Source.Endpoint(), "CREATE ROLE partial_reader LOGIN NOSUPERUSER");
        await Sql.ExecuteAsync(admin, """
            CREATE SCHEMA "Reporting Area";
            CREATE TABLE "Reporting Area"."daily log" (id int PRIMARY KEY, note text);
            CREATE TABLE "Reporting Area".visible (id serial PRIMARY KEY);
            INSERT INTO "Reporting Area"."daily log" VALUES (1, 'a');
            GRANT USAGE ON SCHEMA "Reporting Area" TO partial_reader;
            GRANT SELECT ON "Reporting Area".visible, "Reporting Area".visible_id_seq TO partial_reader;
            SELECT lo_from_bytea(0, '\x01'::bytea);
            """);
        var target = await servers.Target.CreateDatabaseAsync("privileges_tgt");

        var error = await Assert.ThrowsAsync<DataMigrationException>(() => new DataMigrator().MigrateAsync(
            new MigrationOptions { Source = Urls.Of(servers.Source.Endpoint("privileges_src", "partial_reader")), Target = target, Jobs = 1 },
            new RecordingProgress(), CancellationToken.None));

        Assert.Contains("lacks SELECT on 1 table: \"Reporting Area\".\"daily log\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("GRANT SELECT ON \"Reporting Area\".\"daily log\" TO partial_reader;", error.Message, StringComparison.Ordinal);
        Assert.Contains("SELECT on 1 large object", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("visible", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing has been written", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await Sql.ScalarAsync<long>(target, "SELECT count(*) FROM pg_namespace WHERE nspname = 'heroku2cloud_state'"));
    }

    [Fact]
    public async Task A_source_role_without_usage_on_a_schema_is_told_to_grant_it()
    {
        var admin = await servers.Source.CreateDatabaseAsync("usage_src");
        await Sql.ExecuteAsync(servers.Source.Endpoint(), "CREATE ROLE no_usage_reader LOGIN NOSUPERUSER");
        await Sql.ExecuteAsync(admin, """
            CREATE SCHEMA "Hidden";
            CREATE TABLE "Hidden".t (id int);
            GRANT SELECT ON "Hidden".t TO no_usage_reader;
            """);
        var target = await servers.Target.CreateDatabaseAsync("usage_tgt");

        var error = await Assert.ThrowsAsync<DataMigrationException>(() => new DataMigrator().MigrateAsync(
            new MigrationOptions { Source = Urls.Of(servers.Source.Endpoint("usage_src", "no_usage_reader")), Target = target, Jobs = 1 },
            new RecordingProgress(), CancellationToken.None));

        Assert.Contains("USAGE on 1 schema: \"Hidden\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("GRANT USAGE ON SCHEMA \"Hidden\" TO no_usage_reader;", error.Message, StringComparison.Ordinal);
    }
}
