using HerokuToCloud.Data.Connections;
using Npgsql;

namespace HerokuToCloud.Data.Tests.Infrastructure;

/// <summary>Test-side SQL on a test server, with the superuser: setting up sources and inspecting targets independently of the engine.</summary>
public static class Sql
{
    public static async Task ExecuteAsync(PostgresEndpoint endpoint, string sql)
    {
        await using var connection = new NpgsqlConnection(endpoint.ToNpgsql("test").ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(PostgresEndpoint endpoint, string sql)
    {
        await using var connection = new NpgsqlConnection(endpoint.ToNpgsql("test").ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<List<string>> ColumnAsync(PostgresEndpoint endpoint, string sql)
    {
        await using var connection = new NpgsqlConnection(endpoint.ToNpgsql("test").ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
            values.Add(reader.IsDBNull(0) ? "<null>" : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return values;
    }
}
