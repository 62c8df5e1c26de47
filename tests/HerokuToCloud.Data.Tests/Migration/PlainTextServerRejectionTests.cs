using HerokuToCloud.Data.Connections;
using HerokuToCloud.Data.Tests.Infrastructure;
using Sql = HerokuToCloud.Data.Tests.Infrastructure.Sql;

namespace HerokuToCloud.Data.Tests.Migration;

/// <summary>A pg_hba.conf refusal from a server that takes no TLS at all, through a URL without sslmode.</summary>
public class PlainTextServerRejectionTests(PlainTextLoginRulesPostgresServer server) : IClassFixture<PlainTextLoginRulesPostgresServer>
{
    private const string Password = "R1ght-Pa55word";

    [Fact]
    public async Task A_reject_line_is_not_mistaken_for_a_server_that_wants_tls()
    {
        await server.CreateDatabaseAsync("rejected_plain");
        await Sql.ExecuteAsync(server.Endpoint(), $"CREATE ROLE {LoginRulesPostgresServer.RefusedRole} LOGIN PASSWORD '{Password}'");
        var url = $"postgres://{LoginRulesPostgresServer.RefusedRole}:{Password}@127.0.0.1:{server.Port}/rejected_plain";

        var error = await Assert.ThrowsAsync<DataMigrationException>(() => new DatabaseSessions(PostgresEndpoint.Parse(url), DatabaseRole.Source).OpenAsync(CancellationToken.None));

        Assert.Contains("the source database", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not let this user in from this machine (pg_hba.conf rejects connection for host \"127.0.0.1\", user \"refused\", database \"rejected_plain\", no encryption)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("TLS", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
    }
}
