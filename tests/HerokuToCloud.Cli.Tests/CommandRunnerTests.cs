using HerokuToCloud.Data;
using Npgsql;

namespace HerokuToCloud.Cli.Tests;

public class CommandRunnerTests
{
    [Fact]
    public async Task A_cancelled_command_exits_130_as_shells_report_an_interrupt()
    {
        Assert.Equal(130, await CommandRunner.RunAsync(() => throw new OperationCanceledException()));
    }

    [Fact]
    public async Task A_user_facing_error_exits_2_and_anything_else_70()
    {
        Assert.Equal(2, await CommandRunner.RunAsync(() => throw new DataMigrationException("the target is not empty")));
        Assert.Equal(70, await CommandRunner.RunAsync(() => throw new InvalidOperationException("unexpected")));
    }

    /// <summary>A database's refusal (no privilege, read-only) is the user's setup to fix, not a bug in the tool.</summary>
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
