using Npgsql;

namespace HerokuToCloud.Data.Target;

/// <summary>
/// Checks, before anything on the target is written or dropped, that the run can write there: the server
/// is a primary, the session is not read-only, and the user may create schemas in the database (the
/// restored schema and the run's own state schema). Without this the first CREATE SCHEMA fails half-way,
/// after --replace has already emptied the target, with a bare permission error.
/// </summary>
public static class TargetWritability
{
    public static async Task EnsureWritableAsync(NpgsqlConnection target, string targetDisplay, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT current_user, current_database(), pg_is_in_recovery(),
                   current_setting('transaction_read_only') = 'on', current_setting('default_transaction_read_only') = 'on',
                   has_database_privilege(current_user, current_database(), 'CREATE')
            """,
            target);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var user = reader.GetString(0);
        var database = reader.GetString(1);
        var inRecovery = reader.GetBoolean(2);
        var readOnly = reader.GetBoolean(3);
        var readOnlyByDefault = reader.GetBoolean(4);
        var canCreate = reader.GetBoolean(5);

        if (inRecovery)
            throw new DataMigrationException($"the target {targetDisplay} is a read-only standby (a read replica in recovery). Point the target URL at the primary server.");
        if (readOnlyByDefault)
            throw new DataMigrationException($"the target database {targetDisplay} is read-only: default_transaction_read_only is on for the database or the user {user}. Turn it off (ALTER DATABASE \"{database}\" SET default_transaction_read_only = off, or ALTER ROLE \"{user}\" SET default_transaction_read_only = off) or choose a writable target, and run again.");
        if (readOnly)
            throw new DataMigrationException($"the target database {targetDisplay} opens read-only sessions (transaction_read_only is on; check default_transaction_read_only and the connection's options, or a pooler in front of a replica). Use a writable connection to the primary and run again.");
        if (!canCreate)
            throw new DataMigrationException($"the target user {user} has no CREATE privilege on the database {database} of {targetDisplay}, and the migration creates schemas there. Grant it (GRANT CREATE ON DATABASE \"{database}\" TO \"{user}\") or use the database owner in the target URL, and run again.");
    }
}
