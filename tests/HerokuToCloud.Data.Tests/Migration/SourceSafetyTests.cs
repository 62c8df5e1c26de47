using HerokuToCloud.Data.Connections;
using HerokuToCloud.Data.Migration;
using HerokuToCloud.Data.Tests.Infrastructure;
using DataValidator = HerokuToCloud.Data.Validation.DataValidator;
using MigrationValidator = HerokuToCloud.Data.Validation.MigrationValidator;
using ValidationOptions = HerokuToCloud.Data.Validation.ValidationOptions;
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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_target_that_is_the_source_under_another_name_is_refused_before_anything_is_written(bool replace)
    {
        var source = await servers.Source.CreateDatabaseAsync($"same_{replace}".ToLowerInvariant());
        await Sql.ExecuteAsync(source, "CREATE TABLE precious (id int PRIMARY KEY); INSERT INTO precious SELECT generate_series(1, 10);");
        // The same database by another host name, as two environment variables pasted from one URL might say.
        var target = source with { Host = "localhost" };

        var error = await Assert.ThrowsAsync<DataMigrationException>(() => new DataMigrator().MigrateAsync(
            new MigrationOptions { Source = Urls.Of(source), Target = target, Jobs = 1, Replace = replace }, new RecordingProgress(), CancellationToken.None));

        Assert.Contains($"the source {source} and the target {target} are the same database", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing has been written", error.Message, StringComparison.Ordinal);
        Assert.Equal(10L, await Sql.ScalarAsync<long>(source, "SELECT count(*) FROM precious"));
        Assert.Equal(0L, await Sql.ScalarAsync<long>(source, "SELECT count(*) FROM pg_namespace WHERE nspname = 'heroku2cloud_state'"));
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

    [Fact]
    public async Task Row_level_security_never_filters_a_copy_or_a_validation()
    {
        // The role owns both tables; "notes" forces its policy on the owner, which then sees none of its 300 rows.
        var source = await servers.Source.CreateDatabaseAsync("rls_src");
        await Sql.ExecuteAsync(servers.Source.Endpoint(), "CREATE ROLE rls_owner LOGIN");
        await Sql.ExecuteAsync(source, """
            CREATE TABLE public.notes (id int PRIMARY KEY, author text NOT NULL);
            CREATE TABLE public.drafts (id int PRIMARY KEY, author text NOT NULL);
            INSERT INTO public.notes SELECT g, 'someone else' FROM generate_series(1, 300) g;
            INSERT INTO public.drafts SELECT g, 'someone else' FROM generate_series(1, 50) g;
            ALTER TABLE public.notes OWNER TO rls_owner;
            ALTER TABLE public.drafts OWNER TO rls_owner;
            CREATE POLICY mine ON public.notes USING (author = current_user);
            CREATE POLICY mine ON public.drafts USING (author = current_user);
            ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
            ALTER TABLE public.drafts ENABLE ROW LEVEL SECURITY;
            """);
        var asOwner = source with { Username = "rls_owner" };
        var target = await servers.Target.CreateDatabaseAsync("rls_tgt");

        var refused = await Assert.ThrowsAsync<DataMigrationException>(() => new DataMigrator().MigrateAsync(
            new MigrationOptions { Source = Urls.Of(asOwner), Target = target, Jobs = 2 }, new RecordingProgress(), CancellationToken.None));

        Assert.Contains("public.notes (FORCE ROW LEVEL SECURITY)", refused.Message);
        Assert.DoesNotContain("drafts", refused.Message);
        Assert.Contains("BYPASSRLS", refused.Message);
        Assert.Equal(0L, await Sql.ScalarAsync<long>(target, "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace"));

        // Even a query the check did not cover is refused rather than filtered.
        await using (var session = await new DatabaseSessions(asOwner, DatabaseRole.Source).OpenAsync(CancellationToken.None))
        {
            await using var read = new NpgsqlCommand("SELECT count(*) FROM public.notes", session);
            var filtered = await Assert.ThrowsAsync<PostgresException>(() => read.ExecuteScalarAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, filtered.SqlState);
        }

        // A target role that would own the forced table without bypassing its policy could never prove the copy.
        await Sql.ExecuteAsync(servers.Target.Endpoint(), "CREATE ROLE rls_target LOGIN");
        var unprovable = await servers.Target.CreateDatabaseAsync("rls_unprovable_tgt");
        await Sql.ExecuteAsync(servers.Target.Endpoint(), "ALTER DATABASE rls_unprovable_tgt OWNER TO rls_target");
        var refusedTarget = await Assert.ThrowsAsync<DataMigrationException>(() => new DataMigrator().MigrateAsync(
            new MigrationOptions { Source = Urls.Of(source), Target = unprovable with { Username = "rls_target" }, Jobs = 2 }, new RecordingProgress(), CancellationToken.None));
        Assert.Contains("the source has 1 table: public.notes (FORCE ROW LEVEL SECURITY)", refusedTarget.Message);
        Assert.Contains("rls_target, which does not bypass row-level security", refusedTarget.Message);
        Assert.Equal(0L, await Sql.ScalarAsync<long>(unprovable, "SELECT count(*) FROM pg_namespace WHERE nspname = 'heroku2cloud_state'"));

        // A superuser copies every row; the copy keeps the policies, so the target's owner is now filtered there.
        var summary = await new DataMigrator(new MigrationValidator()).MigrateAsync(new MigrationOptions { Source = Urls.Of(source), Target = target, Jobs = 2 }, new RecordingProgress(), CancellationToken.None);
        Assert.True(summary.Validation!.Passed, summary.Validation.Summary);
        Assert.Equal(300L, await Sql.ScalarAsync<long>(target, "SELECT count(*) FROM public.notes"));
        Assert.True(await Sql.ScalarAsync<bool>(target, "SELECT relrowsecurity AND relforcerowsecurity FROM pg_class WHERE oid = 'public.notes'::regclass"));

        var validation = await Assert.ThrowsAsync<DataMigrationException>(() => DataValidator.ValidateAsync(
            asOwner, target, new ValidationOptions(), new RecordingProgress(), CancellationToken.None));
        Assert.Contains("of the source database", validation.Message);
        Assert.Contains("public.notes", validation.Message);
    }
}
