using HerokuToCloud.Data.Connections;
using HerokuToCloud.Data.Tests.Infrastructure;
using Npgsql;
using Sql = HerokuToCloud.Data.Tests.Infrastructure.Sql;

namespace HerokuToCloud.Data.Tests.Migration;

/// <summary>
/// Logins a server turns away for another reason than TLS, on a server that takes TLS and plain text alike,
/// through a Heroku-style URL without sslmode (so sslmode=prefer): the refusal is reported as it is, and no
/// TLS-only attempt is added to the ones Npgsql makes.
/// </summary>
public class PgHbaRejectionTests(LoginRulesPostgresServer server) : IClassFixture<LoginRulesPostgresServer>
{
    private const string Password = "R1ght-Pa55word";

    private string UrlWithoutSslMode(string user, string database) => $"postgres://{user}:{Uri.EscapeDataString(Password)}@127.0.0.1:{server.Port}/{database}";

    [Fact]
    public async Task A_role_that_may_not_log_in_is_refused_without_a_pointless_tls_retry()
    {
        await server.CreateDatabaseAsync("nologin");
        await Sql.ExecuteAsync(server.Endpoint(), $"CREATE ROLE locked NOLOGIN PASSWORD '{Password}'");
        var endpoint = PostgresEndpoint.Parse(UrlWithoutSslMode("locked", "nologin"));
        const string refusal = "role \"locked\" is not permitted to log in";

        // As many refusals as Npgsql's own sslmode=prefer makes (TLS, then plain text) …
        var before = await CountInLogAsync(refusal);
        await using (var plain = new NpgsqlConnection(endpoint.ToNpgsql().ConnectionString))
            await Assert.ThrowsAsync<PostgresException>(() => plain.OpenAsync());
        var byNpgsql = await CountInLogAsync(refusal) - before;

        var error = await Assert.ThrowsAsync<DataMigrationException>(() => new DatabaseSessions(endpoint, DatabaseRole.Source).OpenAsync(CancellationToken.None));
        var byUs = await CountInLogAsync(refusal) - before - byNpgsql;

        // … and no more: a role's NOLOGIN does not depend on how the client came.
        Assert.True(byNpgsql > 0);
        Assert.Equal(byNpgsql, byUs);
        Assert.Contains($"refused the login ({refusal})", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reject_line_in_pg_hba_is_reported_as_the_servers_rule_not_as_a_password_or_tls_problem()
    {
        await server.CreateDatabaseAsync("rejected");
        await Sql.ExecuteAsync(server.Endpoint(), $"CREATE ROLE {LoginRulesPostgresServer.RefusedRole} LOGIN PASSWORD '{Password}'");

        var error = await Assert.ThrowsAsync<DataMigrationException>(() =>
            new DatabaseSessions(PostgresEndpoint.Parse(UrlWithoutSslMode(LoginRulesPostgresServer.RefusedRole, "rejected")), DatabaseRole.Target).OpenAsync(CancellationToken.None));

        Assert.Contains("the target database", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not let this user in from this machine (pg_hba.conf rejects connection for host \"127.0.0.1\", user \"refused\", database \"rejected\", SSL encryption)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Check the user and database names in the target URL", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("only over TLS", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
    }

    private async Task<int> CountInLogAsync(string text)
    {
        // The server writes a refusal to its log before it answers the client.
        var log = await File.ReadAllTextAsync(server.LogFile);
        var count = 0;
        for (var at = log.IndexOf(text, StringComparison.Ordinal); at >= 0; at = log.IndexOf(text, at + text.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
