using Npgsql;

namespace HerokuToCloud.Data.Connections;

/// <summary>
/// Keeps a long-lived read transaction's lock count small without ending the transaction.
/// PostgreSQL keeps every lock a transaction takes (an AccessShareLock on each table, index and sequence it
/// reads) until the transaction ends, and all sessions of a server share one lock table of about
/// max_locks_per_transaction × max_connections entries: 6,400 on default settings, which a database with a
/// few thousand tables and their indexes exceeds ("out of shared memory", SQLSTATE 53200). A transaction
/// that exports or reads a snapshot must stay open while the snapshot is needed; but locks taken after a
/// savepoint are released when the transaction rolls back to it, and the transaction, its snapshot and an
/// exported snapshot carry on unchanged. The transactions this is used in only read, so the rollback
/// undoes nothing. (Ending the transaction and importing the exported snapshot again would not do: a server
/// that could not export one would then hand each new transaction a newer snapshot.)
/// </summary>
internal sealed class LockRelease
{
    private const string Savepoint = "heroku2cloud_locks";

    /// <summary>
    /// Reads between releases for a session that reads one relation at a time: a hundred relations' locks are
    /// a small share of even a small lock table, and one round trip per hundred reads costs nothing.
    /// </summary>
    public const int RelationsPerRelease = 100;

    private readonly NpgsqlConnection connection;
    private readonly int readsPerRelease;
    private int reads;

    private LockRelease(NpgsqlConnection connection, int readsPerRelease)
    {
        this.connection = connection;
        this.readsPerRelease = readsPerRelease;
    }

    /// <summary>
    /// Sets the savepoint in <paramref name="connection"/>'s open transaction; from then on every
    /// <paramref name="readsPerRelease"/>-th <see cref="ReadDoneAsync"/> releases the locks taken since.
    /// </summary>
    public static async Task<LockRelease> BeginAsync(NpgsqlConnection connection, int readsPerRelease, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, $"SAVEPOINT {Savepoint}", cancellationToken);
        return new LockRelease(connection, Math.Max(1, readsPerRelease));
    }

    /// <summary>Counts one finished read (one relation or one unit of work); every few, the locks taken so far are released.</summary>
    public async Task ReadDoneAsync(CancellationToken cancellationToken)
    {
        if (++reads < readsPerRelease)
            return;
        await ReleaseAsync(cancellationToken);
    }

    /// <summary>Releases the locks taken since the savepoint; the savepoint stays for the next reads.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        reads = 0;
        await ExecuteAsync(connection, $"ROLLBACK TO SAVEPOINT {Savepoint}", cancellationToken);
    }

    /// <summary>Releases the locks and removes the savepoint, leaving the transaction as it was before <see cref="BeginAsync"/>.</summary>
    public async Task EndAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, $"ROLLBACK TO SAVEPOINT {Savepoint}; RELEASE SAVEPOINT {Savepoint}", cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
