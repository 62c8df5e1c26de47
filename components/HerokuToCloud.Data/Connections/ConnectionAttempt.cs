using Npgsql;

namespace HerokuToCloud.Data.Connections;

/// <summary>
/// Opens one connection and, when it fails, finds the failure worth reporting.
/// sslmode=prefer (what a URL without sslmode means) tries TLS first and, when that attempt fails for any
/// reason, tries again in plain text, as libpq does; only the plain-text attempt's error comes back. A server
/// that takes logins only over TLS (pg_hba hostssl, as managed Postgres often does) rejects that one with
/// "no pg_hba.conf entry … no encryption", which hides why the TLS attempt failed: most often a wrong
/// password. One more attempt with TLS alone then brings back the server's real answer. Only that answer
/// (pg_hba.conf turning away an unencrypted login) is worth the attempt: any other refusal (a role that may not
/// log in, an unknown role under trust) is the same whichever way the client came.
/// </summary>
public static class ConnectionAttempt
{
    /// <summary>An open connection; a failure to connect is thrown as what <paramref name="explain"/> makes of the most telling error.</summary>
    public static async Task<NpgsqlConnection> OpenAsync(string connectionString, Func<Exception, DataMigrationException> explain, CancellationToken cancellationToken)
    {
        var (connection, error) = await TryOpenAsync(connectionString, cancellationToken);
        if (connection is not null)
            return connection;

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.SslMode == SslMode.Prefer && error is PostgresException refusal && ConnectionFailure.IsPlainTextRejection(refusal))
        {
            builder.SslMode = SslMode.Require;
            var (overTls, tlsError) = await TryOpenAsync(builder.ConnectionString, cancellationToken);
            if (overTls is not null)
                return overTls;
            // The server's answer to a TLS login (wrong password, unknown role, no such database) says more
            // than its refusal of plain text, and so does a failed handshake; a server that takes no TLS at
            // all does not: then its refusal of plain text is its whole answer.
            if (tlsError is PostgresException || HandshakeFailed(tlsError))
                error = tlsError;
        }

        throw explain(error!);
    }

    private static bool HandshakeFailed(Exception? error)
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is System.Security.Authentication.AuthenticationException)
                return true;
        }

        return false;
    }

    private static async Task<(NpgsqlConnection? Connection, Exception? Error)> TryOpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return (connection, null);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Security.Authentication.AuthenticationException or IOException)
        {
            await connection.DisposeAsync();
            return (null, ex);
        }
    }
}
