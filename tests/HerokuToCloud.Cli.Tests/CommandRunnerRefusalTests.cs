using Npgsql;

namespace HerokuToCloud.Cli.Tests;

/// <summary>A database's refusal (no privilege, read-only) is the user's setup to fix, not a bug in the tool.</summary>
public class CommandRunnerRefusalTests
{
    [Theory]
    [InlineData(PostgresErrorCodes.InsufficientPrivilege, "permission denied for database app")]
    [InlineData(PostgresErrorCodes.ReadOnlySqlTransaction, "cannot execute CREATE SCHEMA in a read-only transaction")]
    public async Task A_permission_or_read_only_refusal_exits_2(string sqlState, string message)
    {
        Assert.Equal(2, await CommandRunner.RunAsync(() => throw new PostgresException(message, "ERROR", "ERROR", sqlState)));
    }

    [Fact]
    public async Task Any_other_server_error_is_still_reported_as_a_bug()
    {
        Assert.Equal(70, await CommandRunner.RunAsync(() => throw new PostgresException("duplicate key value", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation)));
    }
}
