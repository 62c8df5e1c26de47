using HerokuToCloud.Data.Catalog;
using Npgsql;

namespace HerokuToCloud.Data.Connections;

/// <summary>
/// Opens the connections of one side of a migration with the session settings the engine relies on.
/// Source sessions are read-only at the session level (<c>default_transaction_read_only</c>), on top of the
/// READ ONLY transactions the engine starts, so even a bug in the engine cannot write to a Heroku database.
/// No session reads through row-level security policies (<see cref="RowSecurity"/>).
/// Both sides use fixed output styles so text-format COPY means the same thing on each.
/// </summary>
public sealed class DatabaseSessions
{
    /// <summary>
    /// Session settings that make text COPY exact and unambiguous (money's text form follows lc_monetary: a
    /// source printing it in one locale and a target reading it in another would misread amounts), and
    /// disable the timeouts Heroku users often set per role.
    /// </summary>
    private const string CommonOptions = "-c DateStyle=ISO,YMD -c IntervalStyle=postgres -c extra_float_digits=3 -c lc_monetary=C -c statement_timeout=0 -c idle_in_transaction_session_timeout=0 -c lock_timeout=0 " + RowSecurity.SessionOption;

    public DatabaseSessions(PostgresEndpoint endpoint, DatabaseRole role)
    {
        Endpoint = endpoint;
        Role = role;
        var builder = endpoint.ToNpgsql(role == DatabaseRole.Source ? "heroku2cloud-source" : "heroku2cloud-target");
        builder.Options = role == DatabaseRole.Source
            ? CommonOptions + " -c default_transaction_read_only=on"
            : CommonOptions + " -c synchronous_commit=off";
        builder.Timeout = 15;
        builder.CommandTimeout = 0;
        builder.ReadBufferSize = 64 * 1024;
        builder.WriteBufferSize = 64 * 1024;
        builder.Pooling = false;
        builder.IncludeErrorDetail = true;
        ConnectionString = builder.ConnectionString;
    }

    public PostgresEndpoint Endpoint { get; }

    public DatabaseRole Role { get; }

    internal string ConnectionString { get; }

    /// <summary>Opens a session; connection failures become a <see cref="DataMigrationException"/> naming this side.</summary>
    public Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) =>
        ConnectionAttempt.OpenAsync(ConnectionString, error => ConnectionFailure.Explain(error, Role, Endpoint), cancellationToken);

    /// <summary>libpq environment for a child process on this side (pg_dump, pg_restore) with the same read-only guard.</summary>
    public IReadOnlyDictionary<string, string> ChildEnvironment(string applicationName)
    {
        var env = new Dictionary<string, string>(Endpoint.ToLibpqEnvironment())
        {
            ["PGAPPNAME"] = applicationName,
            ["PGCONNECT_TIMEOUT"] = "15",
            // The target's restores commit object by object and are redone from the start after a crash, so they need not wait for each commit's flush (as the target sessions).
            ["PGOPTIONS"] = Role == DatabaseRole.Source ? "-c default_transaction_read_only=on -c statement_timeout=0" : "-c statement_timeout=0 -c synchronous_commit=off",
        };
        return env;
    }
}
