using Npgsql;

namespace HerokuToCloud.Data.Target;

/// <summary>
/// One migration at a time per target database: a session-level advisory lock held on the run's control
/// connection. PostgreSQL releases it when that connection ends, so a killed run never leaves it behind.
/// </summary>
public static class TargetLock
{
    /// <summary>"h2c-data" as a 64-bit key.</summary>
    private const long Key = 0x6832632D64617461;

    public static async Task AcquireAsync(NpgsqlConnection control, string targetDisplay, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({Key})", control);
        if (!(bool)(await command.ExecuteScalarAsync(cancellationToken))!)
            throw new DataMigrationException($"another heroku2cloud data migrate is running against {targetDisplay}. Wait for it to finish (or stop it) and run again.");
    }
}
