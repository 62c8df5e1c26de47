using HerokuToCloud.Data.Connections;
using HerokuToCloud.Data.Migration;
using HerokuToCloud.Data.Target;
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
        Assert.Contains("Have an administrator create them in the target database first", error.Message, StringComparison.Ordinal);
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
    public async Task A_trusted_extension_needs_create_on_the_database_and_a_managed_admin_role_may_create_any()
    {
        await server.CreateDatabaseAsync("admin_tgt");
        // plain_user does not own admin_tgt, so it has no CREATE there (PUBLIC never gets it by default).
        await Sql.ExecuteAsync(server.Endpoint(), "CREATE ROLE plain_user LOGIN NOSUPERUSER");
        var target = new DatabaseSessions(server.Endpoint("admin_tgt", "plain_user"), DatabaseRole.Target);
        await using var control = await target.OpenAsync(CancellationToken.None);
        var version = ServerVersion.Parse(await Sql.ScalarAsync<string>(server.Endpoint(), "SELECT current_setting('server_version_num')"));

        var error = await Assert.ThrowsAsync<DataMigrationException>(() => TargetChecks.EnsureExtensionsCreatableAsync(control, ["hstore", "pg_stat_statements"], "the target", version, replace: false, CancellationToken.None));

        Assert.Contains("the extensions hstore (trusted, but plain_user lacks CREATE on the database), pg_stat_statements (not trusted: only a superuser can create it)", error.Message, StringComparison.Ordinal);

        // RDS's master user is no superuser but a member of rds_superuser, which may create allowed extensions.
        await Sql.ExecuteAsync(server.Endpoint(), "CREATE ROLE rds_superuser NOLOGIN; GRANT rds_superuser TO plain_user");
        await TargetChecks.EnsureExtensionsCreatableAsync(control, ["hstore", "pg_stat_statements"], "the target", version, replace: false, CancellationToken.None);
    }
}
