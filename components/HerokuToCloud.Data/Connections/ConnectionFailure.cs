using System.Net.Sockets;
using Npgsql;

namespace HerokuToCloud.Data.Connections;

/// <summary>
/// Turns the ways opening a connection fails (no such host, nothing listening, wrong password, no such
/// database, TLS refused) into one <see cref="DataMigrationException"/> that names the side, the address
/// without its password, and what to check.
/// </summary>
public static class ConnectionFailure
{
    public static DataMigrationException Explain(Exception error, DatabaseRole role, PostgresEndpoint endpoint)
    {
        var side = role == DatabaseRole.Source ? "source" : "target";
        var where = endpoint.ToString();
        var postgres = Find<PostgresException>(error);
        if (postgres is not null)
        {
            return postgres.SqlState switch
            {
                "28000" when IsPlainTextRejection(postgres) && IsTlsOff(endpoint) => new DataMigrationException($"the {side} database {where} accepts this login only over TLS ({postgres.MessageText}). Remove sslmode=disable from the {side} URL, or set sslmode=require.", error),
                "28000" when IsHostRuleRejection(postgres) => new DataMigrationException($"the {side} database {where} does not let this user in from this machine ({postgres.MessageText}): its pg_hba.conf refuses the login whatever the password. Check the user and database names in the {side} URL, or have the server's administrator allow this login from here.", error),
                "28P01" or "28000" => new DataMigrationException($"the {side} database {where} refused the login ({postgres.MessageText}). Check the user name and password in the {side} URL.", error),
                "3D000" => new DataMigrationException($"the {side} database {where} does not exist ({postgres.MessageText}). Check the database name in the {side} URL.", error),
                "53300" => new DataMigrationException($"the {side} database {where} has no free connection slots ({postgres.MessageText}). Lower --jobs or close other connections.", error),
                "42501" => new DataMigrationException($"the {side} database {where} denied access ({postgres.MessageText}). The {side} user needs CONNECT on the database.", error),
                _ => new DataMigrationException($"cannot use the {side} database {where}: {postgres.MessageText} (SQLSTATE {postgres.SqlState}).", error),
            };
        }

        var socket = Find<SocketException>(error);
        if (socket is not null)
        {
            var reason = socket.SocketErrorCode switch
            {
                SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => $"the host name {endpoint.Host} does not resolve",
                SocketError.ConnectionRefused => $"nothing accepts connections on {endpoint.Host}:{endpoint.Port}",
                SocketError.TimedOut => $"{endpoint.Host}:{endpoint.Port} did not answer in time",
                _ => socket.Message,
            };
            return new DataMigrationException($"cannot reach the {side} database {where}: {reason}. Check the host and port, and that this machine may connect to it (firewall, security group, allowlist).", error);
        }

        if (Find<TimeoutException>(error) is not null)
            return new DataMigrationException($"cannot reach the {side} database {where}: the connection timed out. Check the host, port and network access.", error);

        if (Find<System.Security.Authentication.AuthenticationException>(error) is { } tls)
        {
            return IsVerifying(endpoint)
                ? new DataMigrationException($"the {side} database {where} presented a certificate that sslmode={endpoint.SslMode} could not verify ({tls.Message}). {TrustAdvice(side, endpoint)}", error)
                : new DataMigrationException($"the TLS handshake with the {side} database {where} failed ({tls.Message}). Check sslmode in the {side} URL (Heroku needs sslmode=require).", error);
        }

        // Npgsql reads the sslrootcert file during the handshake: a wrong path surfaces as a file error.
        if (endpoint.SslRootCert is not null && (Find<FileNotFoundException>(error) ?? Find<DirectoryNotFoundException>(error) ?? (Exception?)Find<UnauthorizedAccessException>(error)) is { } unreadable)
            return new DataMigrationException($"the root certificate file {endpoint.SslRootCert} given as sslrootcert in the {side} URL cannot be read ({unreadable.Message}). Check the path, or download the provider's CA bundle to it.", error);

        if (error is NpgsqlException npgsql)
            return new DataMigrationException($"cannot use the {side} database {where}: {npgsql.Message}", error);

        return new DataMigrationException($"cannot use the {side} database {where}: {error.Message}", error);
    }

    /// <summary>verify-ca and verify-full check the server's certificate against trusted roots; the other modes do not.</summary>
    private static bool IsVerifying(PostgresEndpoint endpoint) => endpoint.SslMode is "verify-ca" or "verify-full";

    /// <summary>
    /// How to make the server's certificate verifiable: the roots come from sslrootcert (the URL's query or
    /// PGSSLROOTCERT) or the system store, and a managed provider's certificates chain to its own CA, not to
    /// one the system trusts, so its CA bundle must be named.
    /// </summary>
    private static string TrustAdvice(string side, PostgresEndpoint endpoint)
    {
        var given = endpoint.SslRootCert is null
            ? "No root certificate was given, so only the system's trusted roots were tried."
            : $"The root certificates in {endpoint.SslRootCert} (sslrootcert) do not include the one that signed it.";
        return $"{given} Add the certificate authority that signed the server's certificate to the {side} URL's query: " +
            "…?sslmode=verify-full&sslrootcert=/path/to/ca-bundle.pem (a libpq keyword string takes sslrootcert=…, an Npgsql connection string Root Certificate=…). " +
            "For Amazon RDS it is the bundle at https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem; for Heroku Postgres, use sslmode=require as Heroku documents " +
            "(encrypted, the server not verified). If the name in the URL differs from the one in the certificate, verify-full fails however the roots are given: use the host name the provider gives.";
    }

    /// <summary>The URL turned TLS off, so no TLS attempt was made and one might have been let in.</summary>
    private static bool IsTlsOff(PostgresEndpoint endpoint) => string.Equals(endpoint.SslMode, "disable", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// pg_hba.conf turned away an unencrypted connection that a TLS one might pass: no line matched ("no
    /// pg_hba.conf entry for host …, no encryption"; "SSL off" before PostgreSQL 12), or a hostnossl reject
    /// line did ("pg_hba.conf rejects connection for host …, no encryption"), the usual way to force TLS.
    /// Only the message tells this rejection from others of SQLSTATE 28000; servers of managed providers
    /// answer in English.
    /// </summary>
    internal static bool IsPlainTextRejection(PostgresException error) =>
        IsHostRuleRejection(error) &&
        (error.MessageText.EndsWith("no encryption", StringComparison.Ordinal) || error.MessageText.EndsWith("SSL off", StringComparison.Ordinal));

    /// <summary>pg_hba.conf turned the login away before any password was asked: no line matched, or a reject line did.</summary>
    private static bool IsHostRuleRejection(PostgresException error) =>
        error.SqlState == PostgresErrorCodes.InvalidAuthorizationSpecification && error.MessageText.Contains("pg_hba.conf", StringComparison.Ordinal);

    private static T? Find<T>(Exception? error)
        where T : Exception
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is T match)
                return match;
        }

        return null;
    }
}
