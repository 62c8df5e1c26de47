namespace HerokuToCloud.Data;

/// <summary>
/// A data-migration failure the user can act on (unreachable host, wrong password, non-empty
/// target, a file that is not a dump). The message says what happened and what to do; it never
/// contains a password.
/// </summary>
public sealed class DataMigrationException : Exception
{
    public DataMigrationException(string message)
        : base(message)
    {
    }

    public DataMigrationException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
