using HerokuToCloud.Data.Connections;
using HerokuToCloud.Data.Tests.Infrastructure;
using Npgsql;

namespace HerokuToCloud.Data.Tests.Migration;

/// <summary>
/// Both sides' sessions print and read values in the same styles whatever a database or role sets, so a
/// table copied as text means the same on each side.
/// </summary>
public class SessionSettingsTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Theory]
    [InlineData(DatabaseRole.Source)]
    [InlineData(DatabaseRole.Target)]
    public async Task Styles_that_shape_text_copy_are_fixed_over_the_databases_own(DatabaseRole role)
    {
        var database = await server.CreateDatabaseAsync($"styles_{role.ToString().ToLowerInvariant()}");
        await Sql.ExecuteAsync(database, $"ALTER DATABASE {database.Database} SET lc_monetary = 'POSIX'; ALTER DATABASE {database.Database} SET DateStyle = 'SQL, DMY'; ALTER DATABASE {database.Database} SET extra_float_digits = 0");

        await using var connection = await new DatabaseSessions(database, role).OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand("SELECT current_setting('lc_monetary') || ' ' || current_setting('DateStyle') || ' ' || current_setting('extra_float_digits')", connection);

        Assert.Equal("C ISO, YMD 3", await command.ExecuteScalarAsync());
    }
}
