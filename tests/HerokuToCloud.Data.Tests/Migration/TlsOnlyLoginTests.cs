using HerokuToCloud.Data.Connections;
using HerokuToCloud.Data.Migration;
using HerokuToCloud.Data.Tests.Infrastructure;
using HerokuToCloud.Data.Validation;
using Sql = HerokuToCloud.Data.Tests.Infrastructure.Sql;

namespace HerokuToCloud.Data.Tests.Migration;

/// <summary>Logins against a server that, like managed Postgres, takes passwords over TLS only.</summary>
public class TlsOnlyLoginTests(TlsOnlyPostgresServer server) : IClassFixture<TlsOnlyPostgresServer>
{
    private const string Password = "R1ght-Pa55word";
    private const string WrongPassword = "Wr0ng-Pa55word";

    private async Task<string> LoginDatabaseAsync(string name)
    {
        await server.CreateDatabaseAsync(name);
        await Sql.ExecuteAsync(server.Endpoint(), $"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app') THEN CREATE ROLE app LOGIN PASSWORD '{Password}'; END IF; END $$");
        return name;
    }

    /// <summary>A Heroku-style URL without sslmode, so sslmode=prefer applies.</summary>
    private string UrlWithoutSslMode(string database, string password) => $"postgres://app:{Uri.EscapeDataString(password)}@127.0.0.1:{server.Port}/{database}";

    [Fact]
    public async Task A_certificate_verify_full_cannot_verify_says_how_to_pass_the_root_certificate()
    {
        var database = await LoginDatabaseAsync("verifyfull");
        var target = await server.CreateDatabaseAsync("verifyfull_tgt");

        var error = await Assert.ThrowsAsync<DataMigrationException>(() => new DataMigrator().MigrateAsync(
            new MigrationOptions { Source = UrlWithoutSslMode(database, Password) + "?sslmode=verify-full", Target = target, Jobs = 1 }, new RecordingProgress(), CancellationToken.None));

        Assert.Contains("presented a certificate that sslmode=verify-full could not verify", error.Message, StringComparison.Ordinal);
        Assert.Contains("No root certificate was given", error.Message, StringComparison.Ordinal);
        Assert.Contains("sslrootcert=/path/to/ca-bundle.pem", error.Message, StringComparison.Ordinal);
        Assert.Contains("global-bundle.pem", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_root_certificate_file_that_does_not_exist_is_named()
    {
        var database = await LoginDatabaseAsync("noroot");
        var endpoint = PostgresEndpoint.Parse(UrlWithoutSslMode(database, Password) + "?sslmode=verify-ca&sslrootcert=/nonexistent/ca-bundle.pem");

        var error = await Assert.ThrowsAsync<DataMigrationException>(async () => await new DatabaseSessions(endpoint, DatabaseRole.Source).OpenAsync(CancellationToken.None));

        Assert.Contains("the root certificate file /nonexistent/ca-bundle.pem given as sslrootcert in the source URL cannot be read", error.Message, StringComparison.Ordinal);
        Assert.Contains("sslrootcert", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_root_certificate_named_by_sslrootcert_in_the_url_lets_verify_ca_connect()
    {
        var database = await LoginDatabaseAsync("verifyca");
        var root = Path.Combine(Path.GetTempPath(), $"root-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(root, server.CertificatePem);
        try
        {
            var endpoint = PostgresEndpoint.Parse(UrlWithoutSslMode(database, Password) + $"?sslmode=verify-ca&sslrootcert={Uri.EscapeDataString(root)}");

            await using var connection = await new DatabaseSessions(endpoint, DatabaseRole.Source).OpenAsync(CancellationToken.None);

            Assert.Equal(root, endpoint.SslRootCert);
            Assert.Equal(root, endpoint.ToLibpqEnvironment()["PGSSLROOTCERT"]);
            Assert.Equal(System.Data.ConnectionState.Open, connection.State);
        }
        finally
        {
            File.Delete(root);
        }
    }

    [Fact]
    public async Task A_wrong_password_without_sslmode_is_reported_as_the_refused_login_not_the_plain_text_retry()
    {
        var database = await LoginDatabaseAsync("wrongpw");
        var target = await server.CreateDatabaseAsync("wrongpw_tgt");

        var error = await Assert.ThrowsAsync<DataMigrationException>(() => new DataMigrator().MigrateAsync(
            new MigrationOptions { Source = UrlWithoutSslMode(database, WrongPassword), Target = target, Jobs = 1 }, new RecordingProgress(), CancellationToken.None));

        Assert.Contains("the source database", error.Message, StringComparison.Ordinal);
        Assert.Contains("refused the login (password authentication failed for user \"app\")", error.Message, StringComparison.Ordinal);
        Assert.Contains("Check the user name and password in the source URL", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("no encryption", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongPassword, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validation_reports_the_refused_login_too()
    {
        var database = await LoginDatabaseAsync("wrongpw_validate");

        var error = await Assert.ThrowsAsync<DataMigrationException>(() => DataValidator.ValidateAsync(
            PostgresEndpoint.Parse(UrlWithoutSslMode(database, WrongPassword)), server.Endpoint(database), new ValidationOptions(), new RecordingProgress(), CancellationToken.None));

        Assert.Contains("password authentication failed for user \"app\"", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("no encryption", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_right_password_without_sslmode_logs_in_over_tls()
    {
        var database = await LoginDatabaseAsync("rightpw");

        await using var connection = await new DatabaseSessions(PostgresEndpoint.Parse(UrlWithoutSslMode(database, Password)), DatabaseRole.Source).OpenAsync(CancellationToken.None);

        Assert.True(await new Npgsql.NpgsqlCommand("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", connection).ExecuteScalarAsync() is true);
    }

    [Fact]
    public async Task The_right_password_with_sslmode_disable_is_told_to_use_tls()
    {
        var database = await LoginDatabaseAsync("plaintext");

        var error = await Assert.ThrowsAsync<DataMigrationException>(() =>
            new DatabaseSessions(PostgresEndpoint.Parse(UrlWithoutSslMode(database, Password) + "?sslmode=disable"), DatabaseRole.Target).OpenAsync(CancellationToken.None));

        Assert.Contains("the target database", error.Message, StringComparison.Ordinal);
        Assert.Contains("accepts this login only over TLS", error.Message, StringComparison.Ordinal);
        Assert.Contains("sslmode=require", error.Message, StringComparison.Ordinal);
    }
}
