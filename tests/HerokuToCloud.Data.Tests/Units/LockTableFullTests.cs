using Npgsql;

namespace HerokuToCloud.Data.Tests.Units;

/// <summary>A full lock table is explained as a server setting to change, and only that kind of 53200 is.</summary>
public class LockTableFullTests
{
    private static PostgresException ServerError(string message, string sqlState) => new(message, "ERROR", "ERROR", sqlState);

    [Fact]
    public void Out_of_shared_memory_from_a_session_or_a_client_tool_names_max_locks_per_transaction()
    {
        var fromSession = ServerError("out of shared memory", PostgresErrorCodes.OutOfMemory);
        var fromTool = new DataMigrationException("pg_restore failed on the target database postgres://app@db:5432/shop (exit 1): pg_restore: error: could not execute query: ERROR:  out of shared memory");

        Assert.True(LockTableFull.Caused(fromSession));
        Assert.True(LockTableFull.Caused(new DataMigrationException("comparing public.t4670 failed", fromSession)));
        Assert.True(LockTableFull.Caused(fromTool));
        var explained = LockTableFull.Explain(fromSession);
        Assert.StartsWith("out of shared memory (SQLSTATE 53200). ", explained.Message, StringComparison.Ordinal);
        Assert.Contains("max_locks_per_transaction", explained.Message, StringComparison.Ordinal);
        Assert.Contains("rerun the same command", explained.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_out_of_memory_and_other_errors_are_not_the_lock_table()
    {
        Assert.False(LockTableFull.Caused(ServerError("out of memory", PostgresErrorCodes.OutOfMemory)));
        Assert.False(LockTableFull.Caused(ServerError("relation \"x\" does not exist", PostgresErrorCodes.UndefinedTable)));
        Assert.False(LockTableFull.Caused(new DataMigrationException("the target database is not empty")));
    }
}
