using HerokuToCloud.Data.Backup;
using HerokuToCloud.Data.Connections;
using HerokuToCloud.Data.Migration;
using HerokuToCloud.Data.State;
using HerokuToCloud.Data.Target;
using DataValidator = HerokuToCloud.Data.Validation.DataValidator;
using MigrationValidator = HerokuToCloud.Data.Validation.MigrationValidator;
using ValidationOptions = HerokuToCloud.Data.Validation.ValidationOptions;
using HerokuToCloud.Data.Tests.Infrastructure;

namespace HerokuToCloud.Data.Tests.Migration;

/// <summary>
/// A target role that is not a superuser, as on RDS and other managed Postgres: it owns the target database
/// and may create trusted extensions (hstore), but not untrusted ones (pg_stat_statements).
/// </summary>
public class TargetRoleExtensionTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private async Task<(string Source, PostgresEndpoint Target)> SourceAndOwnedTargetAsync(string name, string role)
    {
        var source = await server.CreateDatabaseAsync($"{name}_src");
        await Sql.ExecuteAsync(source, "CREATE EXTENSION pg_stat_statements; CREATE EXTENSION hstore; CREATE TABLE public.items (id int PRIMARY KEY, attrs hstore); INSERT INTO public.items VALUES (1, 'a=>1');");
        await Sql.ExecuteAsync(server.Endpoint(), $"CREATE ROLE {role} LOGIN NOSUPERUSER");
        await Sql.ExecuteAsync(server.Endpoint(), $"CREATE DATABASE {name}_tgt OWNER {role}");
        return (Urls.Of(source), server.Endpoint($"{name}_tgt", role));
    }

    private static Task<MigrationSummary> MigrateAsync(string source, PostgresEndpoint target) =>
        new DataMigrator().MigrateAsync(new MigrationOptions { Source = source, Target = target, Jobs = 1 }, new RecordingProgress(), CancellationToken.None);

    [Fact]
    public async Task An_untrusted_extension_the_target_role_cannot_create_is_named_before_anything_is_written()
    {
        var (source, target) = await SourceAndOwnedTargetAsync("untrusted", "app_owner");

        var error = await Assert.ThrowsAsync<DataMigrationException>(() => MigrateAsync(source, target));

        Assert.Contains("the target role app_owner cannot create the extension pg_stat_statements (not trusted: only a superuser can create it)", error.Message, StringComparison.Ordinal);
        Assert.Contains("create it in the target database first, in the source's schema: CREATE EXTENSION IF NOT EXISTS \"pg_stat_statements\" WITH SCHEMA \"public\";", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hstore", error.Message, StringComparison.Ordinal);
        var admin = server.Endpoint(target.Database);
        Assert.Equal(0L, await Sql.ScalarAsync<long>(admin, "SELECT count(*) FROM pg_namespace WHERE nspname = 'heroku2cloud_state'"));
        Assert.Equal(0L, await Sql.ScalarAsync<long>(admin, "SELECT count(*) FROM pg_class WHERE relname = 'items'"));
    }

    [Fact]
    public async Task An_extension_an_administrator_created_beforehand_is_kept_and_the_rest_is_created_by_the_role()
    {
        var (source, target) = await SourceAndOwnedTargetAsync("precreated", "app_user");
        await Sql.ExecuteAsync(server.Endpoint(target.Database), "CREATE EXTENSION pg_stat_statements");

        await MigrateAsync(source, target);

        var admin = server.Endpoint(target.Database);
        Assert.Equal("1", await Sql.ScalarAsync<string>(admin, "SELECT attrs -> 'a' FROM public.items WHERE id = 1"));
        Assert.Equal(2L, await Sql.ScalarAsync<long>(admin, "SELECT count(*) FROM pg_extension WHERE extname IN ('hstore', 'pg_stat_statements')"));
    }

    [Fact]
    public async Task A_role_without_create_on_the_database_is_refused_before_the_extension_check_with_the_grant_to_run()
    {
        // CREATE EXTENSION of a trusted extension needs CREATE on the database; the writability check asks
        // for it first, so the extension check never sees a role without it.
        var source = await server.CreateDatabaseAsync("nocreate_src");
        await Sql.ExecuteAsync(source, "CREATE EXTENSION hstore; CREATE TABLE public.items (id int PRIMARY KEY, attrs hstore);");
        await server.CreateDatabaseAsync("nocreate_tgt");
        // nocreate_user does not own nocreate_tgt, so it has no CREATE there (PUBLIC never gets it by default).
        await Sql.ExecuteAsync(server.Endpoint(), "CREATE ROLE nocreate_user LOGIN NOSUPERUSER");

        var error = await Assert.ThrowsAsync<DataMigrationException>(() => MigrateAsync(Urls.Of(source), server.Endpoint("nocreate_tgt", "nocreate_user")));

        Assert.Contains("the target user nocreate_user has no CREATE privilege on the database nocreate_tgt", error.Message, StringComparison.Ordinal);
        Assert.Contains("GRANT CREATE ON DATABASE \"nocreate_tgt\" TO \"nocreate_user\"", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hstore", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_untrusted_extension_is_refused_to_a_plain_role_and_a_managed_admin_role_may_create_any()
    {
        var (_, target) = await SourceAndOwnedTargetAsync("admin", "plain_user");
        await using var control = await new DatabaseSessions(target, DatabaseRole.Target).OpenAsync(CancellationToken.None);
        var version = ServerVersion.Parse(await Sql.ScalarAsync<string>(server.Endpoint(), "SELECT current_setting('server_version_num')"));

        var error = await Assert.ThrowsAsync<DataMigrationException>(() => TargetChecks.EnsureExtensionsCreatableAsync(control, [new("hstore", "public"), new("pg_stat_statements", "public")], "the target", version, replace: false, CancellationToken.None));

        Assert.Contains("the extension pg_stat_statements (not trusted: only a superuser can create it)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hstore", error.Message, StringComparison.Ordinal);

        // RDS's master user is no superuser but a member of rds_superuser, which may create allowed extensions.
        await Sql.ExecuteAsync(server.Endpoint(), "CREATE ROLE rds_superuser NOLOGIN; GRANT rds_superuser TO plain_user");
        await TargetChecks.EnsureExtensionsCreatableAsync(control, [new("hstore", "public"), new("pg_stat_statements", "public")], "the target", version, replace: false, CancellationToken.None);
    }

    /// <summary>
    /// A source shaped like a Heroku database made between August 2022 and August 2023: its extensions in
    /// heroku_ext, a default calling one of them there.
    /// </summary>
    private async Task<(PostgresEndpoint Source, PostgresEndpoint Target)> HerokuExtSourceAndOwnedTargetAsync(string name, string role)
    {
        var source = await server.CreateDatabaseAsync($"{name}_src");
        await Sql.ExecuteAsync(source, """
            CREATE SCHEMA heroku_ext;
            CREATE EXTENSION pg_stat_statements WITH SCHEMA heroku_ext;
            CREATE EXTENSION pgcrypto WITH SCHEMA heroku_ext;
            CREATE TABLE public.users (id uuid PRIMARY KEY DEFAULT heroku_ext.gen_random_uuid(), email text NOT NULL);
            INSERT INTO public.users (email) SELECT 'user' || g FROM generate_series(1, 200) g;
            """);
        await Sql.ExecuteAsync(server.Endpoint(), $"CREATE ROLE {role} LOGIN NOSUPERUSER");
        await Sql.ExecuteAsync(server.Endpoint(), $"CREATE DATABASE {name}_tgt OWNER {role}");
        return (source, server.Endpoint($"{name}_tgt", role));
    }

    private static Task<MigrationSummary> MigrateAndValidateAsync(string source, PostgresEndpoint target) =>
        new DataMigrator(new MigrationValidator()).MigrateAsync(new MigrationOptions { Source = source, Target = target, Jobs = 2 }, new RecordingProgress(), CancellationToken.None);

    [Fact]
    public async Task The_advice_for_an_extension_in_heroku_ext_creates_it_there_and_following_it_gives_an_identical_copy()
    {
        var (source, target) = await HerokuExtSourceAndOwnedTargetAsync("heroku_ext", "ext_user");

        var error = await Assert.ThrowsAsync<DataMigrationException>(() => MigrateAsync(Urls.Of(source), target));
        const string advice = "CREATE SCHEMA IF NOT EXISTS \"heroku_ext\" AUTHORIZATION \"ext_user\"; CREATE EXTENSION IF NOT EXISTS \"pg_stat_statements\" WITH SCHEMA \"heroku_ext\";";
        Assert.Contains(advice, error.Message, StringComparison.Ordinal);

        // The administrator runs exactly that; the migrating role creates pgcrypto itself, in the same schema.
        var admin = server.Endpoint(target.Database);
        await Sql.ExecuteAsync(admin, advice);
        var summary = await MigrateAndValidateAsync(Urls.Of(source), target);

        Assert.True(summary.Validation!.Passed, summary.Validation.Summary);
        Assert.Equal(["pg_stat_statements heroku_ext postgres", "pgcrypto heroku_ext ext_user"], await Sql.ColumnAsync(admin,
            "SELECT e.extname || ' ' || n.nspname || ' ' || e.extowner::regrole FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql' ORDER BY 1"));
    }

    [Fact]
    public async Task An_extension_installed_in_another_schema_than_the_sources_is_refused_before_anything_is_written()
    {
        var (source, target) = await HerokuExtSourceAndOwnedTargetAsync("misplaced", "misplaced_user");
        var admin = server.Endpoint(target.Database);
        await Sql.ExecuteAsync(admin, "CREATE EXTENSION pg_stat_statements");

        var error = await Assert.ThrowsAsync<DataMigrationException>(() => MigrateAsync(Urls.Of(source), target));

        Assert.Contains("pg_stat_statements (target: public; source: heroku_ext)", error.Message, StringComparison.Ordinal);
        Assert.Contains("ALTER EXTENSION \"pg_stat_statements\" SET SCHEMA \"heroku_ext\";", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await Sql.ScalarAsync<long>(admin, "SELECT count(*) FROM pg_namespace WHERE nspname IN ('heroku2cloud_state', 'heroku_ext')"));
    }

    [Fact]
    public async Task A_resumed_run_that_redoes_the_schema_keeps_the_extension_an_administrator_created()
    {
        var (source, target) = await HerokuExtSourceAndOwnedTargetAsync("resume_ext", "resume_user");
        var admin = server.Endpoint(target.Database);
        await Sql.ExecuteAsync(admin, "CREATE SCHEMA heroku_ext AUTHORIZATION resume_user; CREATE EXTENSION pg_stat_statements WITH SCHEMA heroku_ext;");

        // An interrupted first run: its state recorded, the schema half restored (pgcrypto and one function in heroku_ext, a table in public).
        await using (var control = new Npgsql.NpgsqlConnection(target.ToNpgsql("test").ConnectionString))
        {
            await control.OpenAsync();
            await MigrationState.CreateAsync(control, "live", source.ToString(), CancellationToken.None);
        }

        await Sql.ExecuteAsync(target, """
            CREATE EXTENSION pgcrypto WITH SCHEMA heroku_ext;
            CREATE FUNCTION heroku_ext.half_made() RETURNS int LANGUAGE sql AS 'SELECT 1';
            CREATE TABLE public.users (id uuid PRIMARY KEY);
            """);

        var progress = new RecordingProgress();
        var summary = await new DataMigrator(new MigrationValidator()).MigrateAsync(new MigrationOptions { Source = Urls.Of(source), Target = target, Jobs = 2 }, progress, CancellationToken.None);

        Assert.True(summary.Resumed);
        Assert.True(summary.Validation!.Passed, summary.Validation.Summary);
        Assert.Equal("postgres", await Sql.ScalarAsync<string>(admin, "SELECT extowner::regrole::text FROM pg_extension WHERE extname = 'pg_stat_statements'"));
        Assert.Equal(0L, await Sql.ScalarAsync<long>(admin, "SELECT count(*) FROM pg_proc WHERE proname = 'half_made'"));
    }

    [Fact]
    public async Task Replace_keeps_the_extension_an_administrator_created_so_a_completed_copy_can_be_redone()
    {
        var (source, target) = await HerokuExtSourceAndOwnedTargetAsync("replace_ext", "replace_user");
        var admin = server.Endpoint(target.Database);
        await Sql.ExecuteAsync(admin, "CREATE SCHEMA heroku_ext AUTHORIZATION replace_user; CREATE EXTENSION pg_stat_statements WITH SCHEMA heroku_ext;");
        await MigrateAndValidateAsync(Urls.Of(source), target);

        // Running the same command again copies nothing (the target owner marked the finished copy); --replace starts over.
        Assert.NotNull((await MigrateAsync(Urls.Of(source), target)).CopiedEarlier);

        // --replace must not then refuse because it would drop the extension the role cannot create again.
        var replaced = await new DataMigrator(new MigrationValidator()).MigrateAsync(
            new MigrationOptions { Source = Urls.Of(source), Target = target, Jobs = 2, Replace = true }, new RecordingProgress(), CancellationToken.None);

        Assert.True(replaced.Validation!.Passed, replaced.Validation.Summary);
        Assert.Equal("postgres", await Sql.ScalarAsync<string>(admin, "SELECT extowner::regrole::text FROM pg_extension WHERE extname = 'pg_stat_statements'"));
        Assert.Equal(200L, await Sql.ScalarAsync<long>(admin, "SELECT count(*) FROM public.users"));
    }

    [Fact]
    public async Task Replace_with_an_extension_in_another_schema_advises_moving_it_when_the_role_cannot_create_it()
    {
        var (source, target) = await HerokuExtSourceAndOwnedTargetAsync("replace_misplaced", "replace_misplaced_user");
        var admin = server.Endpoint(target.Database);
        await Sql.ExecuteAsync(admin, "CREATE EXTENSION pg_stat_statements");

        var error = await Assert.ThrowsAsync<DataMigrationException>(() => new DataMigrator().MigrateAsync(
            new MigrationOptions { Source = Urls.Of(source), Target = target, Jobs = 1, Replace = true }, new RecordingProgress(), CancellationToken.None));

        Assert.Contains("pg_stat_statements (installed in public, not the source's heroku_ext, so --replace drops it;", error.Message, StringComparison.Ordinal);
        Assert.Contains("ALTER EXTENSION \"pg_stat_statements\" SET SCHEMA \"heroku_ext\";", error.Message, StringComparison.Ordinal);
        Assert.Equal(1L, await Sql.ScalarAsync<long>(admin, "SELECT count(*) FROM pg_extension WHERE extname = 'pg_stat_statements'"));
    }

    [Fact]
    public async Task A_backup_whose_extensions_are_in_heroku_ext_restores_next_to_the_one_an_administrator_created()
    {
        var (source, target) = await HerokuExtSourceAndOwnedTargetAsync("backup_ext", "backup_ext_user");
        var dump = Path.Combine(Path.GetTempPath(), $"backup_ext-{Guid.NewGuid():N}.dump");
        await PlainDump.CustomFormatFileAsync(source, dump);
        try
        {
            var refused = await Assert.ThrowsAsync<DataMigrationException>(() => MigrateAsync(dump, target));
            Assert.Contains("CREATE EXTENSION IF NOT EXISTS \"pg_stat_statements\" WITH SCHEMA \"heroku_ext\";", refused.Message, StringComparison.Ordinal);

            var admin = server.Endpoint(target.Database);
            await Sql.ExecuteAsync(admin, "CREATE SCHEMA heroku_ext AUTHORIZATION backup_ext_user; CREATE EXTENSION pg_stat_statements WITH SCHEMA heroku_ext;");
            await MigrateAsync(dump, target);

            var report = await DataValidator.ValidateAsync(source, target, new ValidationOptions(), new RecordingProgress(), CancellationToken.None);
            Assert.True(report.Identical, report.Summary);
        }
        finally
        {
            File.Delete(dump);
        }
    }

    [Fact]
    public async Task An_extension_that_cannot_be_moved_is_advised_to_be_made_again_in_the_sources_schema()
    {
        // xml2 is not relocatable: ALTER EXTENSION … SET SCHEMA fails on it.
        var source = await server.CreateDatabaseAsync("fixed_ext_src");
        await Sql.ExecuteAsync(source, "CREATE SCHEMA ext; CREATE EXTENSION xml2 WITH SCHEMA ext;");
        var target = await server.CreateDatabaseAsync("fixed_ext_tgt");
        await Sql.ExecuteAsync(target, "CREATE EXTENSION xml2");

        var error = await Assert.ThrowsAsync<DataMigrationException>(() => MigrateAsync(Urls.Of(source), target));

        const string advice = "DROP EXTENSION \"xml2\"; CREATE EXTENSION IF NOT EXISTS \"xml2\" WITH SCHEMA \"ext\";";
        Assert.Contains(advice, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ALTER EXTENSION", error.Message, StringComparison.Ordinal);

        // Following it works.
        await Sql.ExecuteAsync(target, "CREATE SCHEMA IF NOT EXISTS \"ext\"; " + advice);
        await MigrateAsync(Urls.Of(source), target);
    }
}
