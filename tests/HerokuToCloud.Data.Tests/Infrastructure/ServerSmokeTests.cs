namespace HerokuToCloud.Data.Tests.Infrastructure;

public class ServerSmokeTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task A_test_server_starts_and_answers()
    {
        var endpoint = await server.CreateDatabaseAsync("smoke");
        await using var connection = new Npgsql.NpgsqlConnection(endpoint.ToNpgsql().ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("select current_database()", connection);
        Assert.Equal("smoke", await command.ExecuteScalarAsync());
    }
}
