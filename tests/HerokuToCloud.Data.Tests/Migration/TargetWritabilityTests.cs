using HerokuToCloud.Data.Migration;
using HerokuToCloud.Data.Tests.Infrastructure;

namespace HerokuToCloud.Data.Tests.Migration;

/// <summary>
/// A target the run cannot write to (no CREATE on the database, read-only by default) is refused with a
/// message naming the target and the fix, before anything is written or dropped.
/// </summary>
public class TargetWritabilityTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private static Task<MigrationSummary> MigrateAsync(string source, Connections.PostgresEndpoint target, bool replace = false) =>
        new DataMigrator().MigrateAsync(new MigrationOptions { Source = source, Target = target, Jobs = 1, Replace = replace }, new RecordingProgress(), CancellationToken.None);

    private async Task<Connections.PostgresEndpoint> SourceAsync(string name)
    {
        var source = await server.CreateDatabaseAsync(name);
        await Sql.ExecuteAsync(source, "CREATE TABLE public.items (id int PRIMARY KEY); INSERT INTO public.items SELECT generate_series(1, 10);");
        return source;
    }

    [Fact]
    public async Task A_target_user_without_create_on_the_database_is_refused_before_anything_is_written()
    {
        var source = await SourceAsync("nocreate_src");
        var empty = await server.CreateDatabaseAsync("nocreate_tgt");
        var used = await server.CreateDatabaseAsync("nocreate_used_tgt");
        var role = $"limited_{Guid.NewGuid():N}"[..20];
        await Sql.ExecuteAsync(empty, $"CREATE ROLE {role} LOGIN");
        await Sql.ExecuteAsync(used, $"GRANT ALL ON SCHEMA public TO {role}; SET ROLE {role}; CREATE TABLE public.keep (x int);");

        var fresh = await Assert.ThrowsAsync<DataMigrationException>(() => MigrateAsync(Urls.Of(source), empty with { Username = role }));
        var replacing = await Assert.ThrowsAsync<DataMigrationException>(() => MigrateAsync(Urls.Of(source), used with { Username = role }, replace: true));

        foreach (var (error, name) in new[] { (fresh, "nocreate_tgt"), (replacing, "nocreate_used_tgt") })
        {
            Assert.Contains("CREATE", error.Message, StringComparison.Ordinal);
            Assert.Contains(role, error.Message, StringComparison.Ordinal);
            Assert.Contains(name, error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(1L, await Sql.ScalarAsync<long>(used, "SELECT count(*) FROM pg_class WHERE relname = 'keep'"));
        Assert.Equal(0L, await Sql.ScalarAsync<long>(empty, "SELECT count(*) FROM pg_namespace WHERE nspname = 'heroku2cloud_state'"));
    }

    [Fact]
    public async Task A_read_only_target_database_is_refused_for_a_live_source_and_for_a_backup()
    {
        var source = await SourceAsync("readonly_src");
        var target = await server.CreateDatabaseAsync("readonly_tgt");
        await Sql.ExecuteAsync(target, "CREATE TABLE public.keep (x int); ALTER DATABASE readonly_tgt SET default_transaction_read_only = on");
        var dump = Path.Combine(Path.GetTempPath(), $"readonly-{Guid.NewGuid():N}.dump");
        await PlainDump.CustomFormatFileAsync(source, dump);
        try
        {
            var live = await Assert.ThrowsAsync<DataMigrationException>(() => MigrateAsync(Urls.Of(source), target, replace: true));
            var backup = await Assert.ThrowsAsync<DataMigrationException>(() => MigrateAsync(dump, target, replace: true));

            foreach (var error in new[] { live, backup })
            {
                Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
                Assert.Contains("readonly_tgt", error.Message, StringComparison.Ordinal);
                Assert.Contains("default_transaction_read_only", error.Message, StringComparison.Ordinal);
            }

            Assert.Equal(1L, await Sql.ScalarAsync<long>(target, "SELECT count(*) FROM pg_class WHERE relname = 'keep'"));
        }
        finally
        {
            File.Delete(dump);
        }
    }
}
