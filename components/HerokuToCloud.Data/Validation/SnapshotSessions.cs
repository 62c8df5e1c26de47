using System.Threading.Channels;
using HerokuToCloud.Data.Catalog;
using HerokuToCloud.Data.Connections;
using Npgsql;

namespace HerokuToCloud.Data.Validation;

/// <summary>
/// The sessions of one side of a validation, all reading the same consistent snapshot: a coordinator
/// session exports a REPEATABLE READ READ ONLY snapshot and every worker imports it (and PostgreSQL
/// passes it on to a query's parallel workers), so parallel checksums of different tables see one instant
/// of the database.
/// A worker releases the locks of what it read after each piece of work (<see cref="LockRelease"/>), so a
/// database with thousands of tables does not fill the server's lock table with this side's locks.
/// Every session uses the canonical output settings (<see cref="CanonicalSettings"/>) so the text form
/// of a value is the same on both servers; source sessions are read-only at the session level too.
/// </summary>
internal sealed class SnapshotSessions : IAsyncDisposable
{
    private readonly Channel<NpgsqlConnection> idle = Channel.CreateUnbounded<NpgsqlConnection>();
    private readonly List<NpgsqlConnection> workers = [];
    private readonly Dictionary<NpgsqlConnection, LockRelease> lockReleases = [];

    private SnapshotSessions(Side side, PostgresEndpoint endpoint, NpgsqlConnection coordinator, int serverVersion, string? snapshotId)
    {
        Side = side;
        Endpoint = endpoint;
        Coordinator = coordinator;
        ServerVersion = serverVersion;
        SnapshotId = snapshotId;
    }

    public Side Side { get; }

    public PostgresEndpoint Endpoint { get; }

    /// <summary>server_version_num, e.g. 150004.</summary>
    public int ServerVersion { get; }

    /// <summary>The exported snapshot, or null when the server could not export one (then each session has its own).</summary>
    public string? SnapshotId { get; }

    /// <summary>The session that holds the exported snapshot; used for catalog, sequence and large-object reads.</summary>
    public NpgsqlConnection Coordinator { get; }

    public string Name => Side == Side.Source ? "source" : "target";

    public static async Task<SnapshotSessions> OpenAsync(Side side, PostgresEndpoint endpoint, int workers, CancellationToken cancellationToken)
    {
        var connectionString = ConnectionString(side, endpoint);
        var coordinator = await ConnectAsync(side, endpoint, connectionString, cancellationToken);
        SnapshotSessions? sessions = null;
        try
        {
            int versionNumber;
            await using (var show = new NpgsqlCommand("SELECT pg_catalog.current_setting('server_version_num')::int4", coordinator))
                versionNumber = (int)(await show.ExecuteScalarAsync(cancellationToken))!;
            // The 64-bit seeded hash functions the row hash is built from arrived in PostgreSQL 11.
            if (versionNumber < 110000)
                throw new DataMigrationException($"the {(side == Side.Source ? "source" : "target")} database {endpoint} runs PostgreSQL {(versionNumber >= 100000 ? $"{versionNumber / 10000}" : $"{versionNumber / 10000}.{versionNumber / 100 % 100}")}; validation needs PostgreSQL 11 or newer.");
            await ExecuteAsync(coordinator, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", cancellationToken);
            string? snapshot;
            try
            {
                await using var export = new NpgsqlCommand("SELECT pg_catalog.pg_export_snapshot()", coordinator);
                snapshot = (string?)await export.ExecuteScalarAsync(cancellationToken);
            }
            catch (PostgresException)
            {
                // A server that cannot export snapshots (old hot standby, some poolers) aborts the
                // transaction: start again without sharing and say so in the report.
                await ExecuteAsync(coordinator, "ROLLBACK", cancellationToken);
                await ExecuteAsync(coordinator, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", cancellationToken);
                snapshot = null;
            }

            sessions = new SnapshotSessions(side, endpoint, coordinator, versionNumber, snapshot);
            var opened = await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => OpenWorkerAsync(side, endpoint, connectionString, snapshot, cancellationToken)));
            foreach (var (worker, locks) in opened)
            {
                sessions.workers.Add(worker);
                sessions.lockReleases.Add(worker, locks);
                sessions.idle.Writer.TryWrite(worker);
            }

            return sessions;
        }
        catch
        {
            if (sessions is not null)
                await sessions.DisposeAsync();
            else
                await coordinator.DisposeAsync();
            throw;
        }
    }

    /// <summary>The number of worker sessions: how many server processes this side's queries may keep busy at once.</summary>
    public int Workers => workers.Count;

    /// <summary>Runs <paramref name="work"/> on a free worker session (waiting for one when all are busy).</summary>
    public Task<T> WithWorkerAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken) =>
        WithWorkersAsync(1, (connection, _) => work(connection), cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> on a free worker session, for a query that can use PostgreSQL parallel
    /// workers: it waits for one session, then also holds up to <paramref name="wanted"/> - 1 more of those
    /// idle at that moment, and tells <paramref name="work"/> how many it holds (the query then asks for one
    /// parallel worker per extra session), so the side never runs more server processes than it has sessions.
    /// It never waits for the extra ones: sessions held while waiting would sit idle, and every claim behind
    /// it would wait too.
    /// A session whose work failed is retired, not handed to the next query: its transaction is aborted, so
    /// that query would fail with "current transaction is aborted" and could hide the real error.
    /// A session whose work succeeded releases the locks it took before it goes back to the idle ones.
    /// </summary>
    public async Task<T> WithWorkersAsync<T>(int wanted, Func<NpgsqlConnection, int, Task<T>> work, CancellationToken cancellationToken)
    {
        var held = new List<NpgsqlConnection> { await idle.Reader.ReadAsync(cancellationToken) };
        while (held.Count < wanted && idle.Reader.TryRead(out var extra))
            held.Add(extra);
        var failed = true;
        try
        {
            var result = await work(held[0], held.Count);
            await lockReleases[held[0]].ReleaseAsync(cancellationToken);
            failed = false;
            return result;
        }
        finally
        {
            if (failed)
                held.RemoveAt(0);
            foreach (var connection in held)
                idle.Writer.TryWrite(connection);
        }
    }

    public async ValueTask DisposeAsync()
    {
        idle.Writer.TryComplete();
        foreach (var worker in workers)
            await worker.DisposeAsync();
        await Coordinator.DisposeAsync();
    }

    /// <summary>
    /// Whether <paramref name="other"/>'s coordinator is a session of this side's own database, as this side
    /// sees it: one database reached under two names (localhost and 127.0.0.1, a DNS alias, another user)
    /// would otherwise be compared with itself and found identical. pg_stat_activity shows every role each
    /// session's pid, database and application_name.
    /// </summary>
    public async Task<bool> IsSameDatabaseAsAsync(SnapshotSessions other, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_stat_activity WHERE pid = @pid AND datname = pg_catalog.current_database() AND application_name = @application)",
            Coordinator);
        command.Parameters.AddWithValue("pid", other.Coordinator.ProcessID);
        command.Parameters.AddWithValue("application", ApplicationName(other.Side));
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static string ApplicationName(Side side) => side == Side.Source ? "heroku2cloud-validate-source" : "heroku2cloud-validate-target";

    private static string ConnectionString(Side side, PostgresEndpoint endpoint)
    {
        var builder = endpoint.ToNpgsql(ApplicationName(side));
        // Queries run serial unless they ask for parallel workers and hold sessions for them (WithWorkersAsync).
        builder.Options = CanonicalSettings.StartupOptions + " -c max_parallel_workers_per_gather=0" + (side == Side.Source ? " -c default_transaction_read_only=on" : "");
        builder.Pooling = false;
        builder.Timeout = 15;
        builder.CommandTimeout = 0;
        builder.IncludeErrorDetail = true;
        return builder.ConnectionString;
    }

    private static async Task<(NpgsqlConnection Connection, LockRelease Locks)> OpenWorkerAsync(Side side, PostgresEndpoint endpoint, string connectionString, string? snapshot, CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(side, endpoint, connectionString, cancellationToken);
        try
        {
            await ExecuteAsync(connection, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", cancellationToken);
            if (snapshot is not null)
                await ExecuteAsync(connection, "SET TRANSACTION SNAPSHOT " + Identifier.Literal(snapshot), cancellationToken);
            return (connection, await LockRelease.BeginAsync(connection, readsPerRelease: 1, cancellationToken));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static Task<NpgsqlConnection> ConnectAsync(Side side, PostgresEndpoint endpoint, string connectionString, CancellationToken cancellationToken) =>
        ConnectionAttempt.OpenAsync(connectionString, ex => ConnectionFailure.Explain(ex, side == Side.Source ? DatabaseRole.Source : DatabaseRole.Target, endpoint), cancellationToken);

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
