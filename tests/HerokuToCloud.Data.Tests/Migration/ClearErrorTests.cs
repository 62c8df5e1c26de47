using System.Net;
using System.Net.Sockets;
using HerokuToCloud.Data.Connections;
using HerokuToCloud.Data.Migration;
using HerokuToCloud.Data.Tests.Infrastructure;

namespace HerokuToCloud.Data.Tests.Migration;

public class ClearErrorTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private const string Password = "S3cret-Pa55word";

    private static Task<MigrationSummary> MigrateAsync(string source, PostgresEndpoint target) =>
        new DataMigrator().MigrateAsync(new MigrationOptions { Source = source, Target = target, Jobs = 1 }, new RecordingProgress(), CancellationToken.None);

    [Fact]
    public async Task An_unreachable_source_names_the_side_and_address_but_never_the_password()
    {
        var target = await server.CreateDatabaseAsync("unreachable_tgt");
        var closedPort = ClosedPort();

        var error = await Assert.ThrowsAsync<DataMigrationException>(() => MigrateAsync($"postgres://app:{Password}@127.0.0.1:{closedPort}/shop?sslmode=disable", target));

        Assert.Contains("cannot reach the source database", error.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{closedPort}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_login_on_either_side_is_an_authentication_error_without_the_password()
    {
        var source = await server.CreateDatabaseAsync("auth_src");
        var target = await server.CreateDatabaseAsync("auth_tgt");

        var sourceError = await Assert.ThrowsAsync<DataMigrationException>(() => MigrateAsync($"postgres://nobody:{Password}@127.0.0.1:{server.Port}/auth_src?sslmode=disable", target));
        var targetError = await Assert.ThrowsAsync<DataMigrationException>(() => MigrateAsync(Urls.Of(source), target with { Username = "nobody", Password = Password }));

        Assert.Contains("the source database", sourceError.Message, StringComparison.Ordinal);
        Assert.Contains("refused the login", sourceError.Message, StringComparison.Ordinal);
        Assert.Contains("the target database", targetError.Message, StringComparison.Ordinal);
        Assert.Contains("refused the login", targetError.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, sourceError.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, targetError.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_extension_the_target_cannot_install_is_named_before_anything_is_written()
    {
        // An extension installed on the source whose files are then removed from the (shared) server
        // installation: the target's pg_available_extensions no longer lists it, exactly like a managed
        // target without that extension.
        var name = $"h2c_probe_{Guid.NewGuid():N}"[..24];
        var directory = Path.Combine(await Sql.ScalarAsync<string>(server.Endpoint(), "SELECT setting FROM pg_config() WHERE name = 'SHAREDIR'"), "extension");
        var control = Path.Combine(directory, $"{name}.control");
        var script = Path.Combine(directory, $"{name}--1.0.sql");
        var source = await server.CreateDatabaseAsync("ext_src");
        var target = await server.CreateDatabaseAsync("ext_tgt");
        try
        {
            await File.WriteAllTextAsync(control, "default_version = '1.0'\nrelocatable = true\n");
            await File.WriteAllTextAsync(script, "CREATE FUNCTION h2c_probe() RETURNS int LANGUAGE sql AS 'SELECT 1';\n");
            await Sql.ExecuteAsync(source, $"CREATE EXTENSION {name}; CREATE EXTENSION hstore;");
        }
        finally
        {
            File.Delete(control);
            File.Delete(script);
        }

        var error = await Assert.ThrowsAsync<DataMigrationException>(() => MigrateAsync(Urls.Of(source), target));

        Assert.Contains($"extension {name}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hstore", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await Sql.ScalarAsync<long>(target, "SELECT count(*) FROM pg_namespace WHERE nspname = 'heroku2cloud_state'"));
    }

    [Fact]
    public async Task Validating_a_database_against_itself_under_another_name_is_refused_not_reported_identical()
    {
        var database = await server.CreateDatabaseAsync("itself");
        await Sql.ExecuteAsync(database, "CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1);");

        var error = await Assert.ThrowsAsync<DataMigrationException>(() => HerokuToCloud.Data.Validation.DataValidator.ValidateAsync(
            database, database with { Host = "localhost" }, new HerokuToCloud.Data.Validation.ValidationOptions(), new RecordingProgress(), CancellationToken.None));

        Assert.Contains("are the same database: validation would compare it with itself", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_dump_is_rejected_by_name()
    {
        var target = await server.CreateDatabaseAsync("baddump_tgt");
        var file = Path.Combine(Path.GetTempPath(), $"not-a-dump-{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(file, "-- PostgreSQL database dump\nCREATE TABLE t (x int);\n");
        try
        {
            var error = await Assert.ThrowsAsync<DataMigrationException>(() => MigrateAsync(file, target));

            Assert.Contains("is not a pg_dump custom-format file", error.Message, StringComparison.Ordinal);
            Assert.Contains(file, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_source_that_is_neither_a_database_nor_a_file_says_so()
    {
        var target = await server.CreateDatabaseAsync("nofile_tgt");

        var error = await Assert.ThrowsAsync<DataMigrationException>(() => MigrateAsync("/no/such/backup.dump", target));

        Assert.Contains("neither a database URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_older_than_the_source_is_refused_and_newer_or_equal_is_accepted()
    {
        var error = Assert.Throws<DataMigrationException>(() => ServerVersion.EnsureTargetCanHold(ServerVersion.Parse("160004"), ServerVersion.Parse("150018")));

        Assert.Contains("PostgreSQL 15, older than the source's 16", error.Message, StringComparison.Ordinal);
        ServerVersion.EnsureTargetCanHold(ServerVersion.Parse("150018"), ServerVersion.Parse("170002"));
        ServerVersion.EnsureTargetCanHold(ServerVersion.Parse("160004"), ServerVersion.Parse("160001"));
        Assert.Equal(16, ServerVersion.FromDisplay("16.4 (Ubuntu 16.4-1.pgdg22.04+1)")!.Value.Major);
        Assert.Equal(9, ServerVersion.FromDisplay("9.6.24")!.Value.Major);
    }

    [Fact]
    public void A_pg_dump_older_than_the_source_server_is_explained()
    {
        var error = Tools.PgClientTools.ExplainClientFailure("pg_dump", "source", PostgresEndpoint.Parse($"postgres://u:{Password}@db.example.com/d"), 1,
            "pg_dump: error: aborting because of server version mismatch\npg_dump: detail: server version: 17.2; pg_dump version: 15.18");

        Assert.Contains("pg_dump is older than the source server", error.Message, StringComparison.Ordinal);
        Assert.Contains("postgresql-client", error.Message, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
