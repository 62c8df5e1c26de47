using Npgsql;

namespace HerokuToCloud.Data.Target;

/// <summary>
/// One migration at a time per target database: a session-level advisory lock held on the run's control
/// connection for the run. Disposing releases it explicitly (<c>pg_advisory_unlock</c>) while the connection
/// is still open: closing a connection only asks the server to end its backend, which releases session
/// locks when it exits, a moment later, so a run started right after another finished could find the lock
/// still held. A killed run never leaves it behind either: its backend exits when the connection drops.
/// </summary>
public sealed class TargetLock : IAsyncDisposable
{
    /// <summary>"h2c-data" as a 64-bit key.</summary>
    private const long Key = 0x6832632D64617461;

    private readonly NpgsqlConnection control;

    private TargetLock(NpgsqlConnection control) => this.control = control;

    /// <summary>Takes the lock on <paramref name="control"/>, or throws naming the session that holds it.</summary>
    public static async Task<TargetLock> AcquireAsync(NpgsqlConnection control, string targetDisplay, CancellationToken cancellationToken)
    {
        await using (var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({Key})", control))
        {
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
                return new TargetLock(control);
        }

        throw new DataMigrationException($"another heroku2cloud data migrate is running against {targetDisplay}{await DescribeHolderAsync(control, cancellationToken)}. " +
            "Wait for it to finish, or stop it (ending that session on the target with pg_terminate_backend releases the lock), then run again.");
    }

    /// <summary>
    /// Whether <paramref name="other"/> is a session of the very database this lock is held in: it sees the
    /// lock held there by this run's control session. A source URL can reach the target by another name
    /// (localhost and 127.0.0.1, a DNS alias, another user), which comparing URLs would miss; the server
    /// knows. pg_locks is readable by every role, and reading it writes nothing.
    /// </summary>
    public async Task<bool> IsHeldInDatabaseOfAsync(NpgsqlConnection other, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_locks l
             WHERE l.locktype = 'advisory' AND l.granted AND l.pid = @pid
               AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())
               AND l.classid = {Key >> 32}::bigint::oid AND l.objid = {Key & 0xFFFFFFFF}::bigint::oid AND l.objsubid = 1)
            """, other);
        command.Parameters.AddWithValue("pid", control.ProcessID);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        if (control.FullState != System.Data.ConnectionState.Open)
            return;
        try
        {
            await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({Key})", control);
            await command.ExecuteScalarAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // The connection broke or is unusable (an aborted transaction, a command still running): the lock
            // goes when the backend ends, as before. Throwing here would hide the error that ended the run.
        }
    }

    /// <summary>" (session 1234, heroku2cloud-target from 10.0.0.5, connected 2025-01-01 10:00:00 UTC)", or "" when it cannot be seen.</summary>
    private static async Task<string> DescribeHolderAsync(NpgsqlConnection control, CancellationToken cancellationToken)
    {
        // An advisory lock's 64-bit key shows in pg_locks as classid (high half) and objid (low half).
        await using var command = new NpgsqlCommand(
            $"""
            SELECT l.pid, a.application_name, host(a.client_addr), to_char(a.backend_start AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')
              FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
             WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
               AND l.classid = {Key >> 32}::bigint::oid AND l.objid = {Key & 0xFFFFFFFF}::bigint::oid AND l.objsubid = 1
             LIMIT 1
            """, control);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return "";
        var application = reader.IsDBNull(1) || reader.GetString(1).Length == 0 ? "" : $", {reader.GetString(1)}";
        var from = reader.IsDBNull(2) ? "" : $" from {reader.GetString(2)}";
        var since = reader.IsDBNull(3) ? "" : $", connected {reader.GetString(3)} UTC";
        return $" (session {reader.GetInt32(0)}{application}{from}{since})";
    }
}
