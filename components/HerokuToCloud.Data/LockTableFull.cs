using Npgsql;

namespace HerokuToCloud.Data;

/// <summary>
/// Recognizes a failure because a server's shared lock table is full ("out of shared memory", SQLSTATE
/// 53200, with PostgreSQL's hint to raise max_locks_per_transaction) and explains it as something the user
/// can act on, not as a bug. The lock table holds about max_locks_per_transaction × max_connections locks
/// for all sessions together (6,400 on default settings); a transaction holds one per table, index and
/// sequence it touched until it ends. The engine's own transactions release their locks as they go, but
/// pg_dump must hold one on every source table at once, and other sessions on the server hold theirs.
/// </summary>
public static class LockTableFull
{
    /// <summary>True when <paramref name="error"/> or an exception inside it is a full lock table on either server.</summary>
    public static bool Caused(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            // 53200 is also plain "out of memory"; only the shared-memory case is the lock table.
            if (e is PostgresException { SqlState: PostgresErrorCodes.OutOfMemory } postgres
                && (postgres.MessageText.Contains("shared memory", StringComparison.Ordinal) || (postgres.Hint?.Contains("max_locks_per_transaction", StringComparison.Ordinal) ?? false)))
                return true;
            // pg_dump and pg_restore report the server's error on their stderr, which the message quotes.
            if (e is DataMigrationException && (e.Message.Contains("out of shared memory", StringComparison.Ordinal) || e.Message.Contains("max_locks_per_transaction", StringComparison.Ordinal)))
                return true;
        }

        return false;
    }

    /// <summary>The user-facing error for a <paramref name="error"/> that <see cref="Caused"/> recognized.</summary>
    public static DataMigrationException Explain(Exception error)
    {
        var what = error is PostgresException postgres ? $"{postgres.MessageText} (SQLSTATE {postgres.SqlState})" : error.Message.TrimEnd('.');
        return new DataMigrationException(
            $"{what}. A database server's lock table is full: all its sessions together can hold about max_locks_per_transaction × max_connections locks " +
            "(6,400 with the defaults 64 and 100), one for each table, index and sequence a transaction has touched. heroku2cloud keeps its own transactions to a few hundred locks, " +
            "but pg_dump holds one on every table of the source at once, and other sessions on the server hold theirs. " +
            "Raise max_locks_per_transaction on that server (for example to 256; it takes effect after a restart, on a managed database through its parameter group or flags), " +
            "or end the sessions holding many locks, then rerun the same command.",
            error);
    }
}
