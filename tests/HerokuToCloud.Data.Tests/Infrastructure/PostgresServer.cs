using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using HerokuToCloud.Data.Connections;

namespace HerokuToCloud.Data.Tests.Infrastructure;

/// <summary>
/// A throw-away PostgreSQL server for one test class: initdb into a temporary directory, started on
/// a free loopback port, removed on dispose. Uses the Debian server binaries (scripts/setup.sh
/// installs them); PostgreSQL refuses to run as root, so under root it runs as the "postgres" user.
/// </summary>
public class PostgresServer : IAsyncLifetime
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), $"h2c-pg-{Guid.NewGuid():N}");

    public int Port { get; private set; }

    /// <summary>Extra <c>postgres</c> command-line options (e.g. "-c max_locks_per_transaction=10") for a test that needs a non-default server.</summary>
    public string ServerOptions { get; init; } = "";

    public string BinDirectory { get; } = FindBinDirectory();

    /// <summary>The server's log (stderr of the postmaster): every refused login is a FATAL line in it.</summary>
    public string LogFile => Path.Combine(dataDirectory, "server.log");

    /// <summary>Superuser endpoint of a database on this server (trust authentication on loopback).</summary>
    public PostgresEndpoint Endpoint(string database = "postgres", string user = "postgres") => new()
    {
        Host = "127.0.0.1",
        Port = Port,
        Database = database,
        Username = user,
        SslMode = "disable",
    };

    public async Task InitializeAsync()
    {
        Port = FreePort();
        Directory.CreateDirectory(dataDirectory);
        if (IsRoot)
            await RunAsync("chown", $"postgres:postgres {dataDirectory}", asPostgres: false);
        await RunAsync(Path.Combine(BinDirectory, "initdb"), $"-D {dataDirectory} -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync", asPostgres: IsRoot);
        await ConfigureAsync(dataDirectory);
        var options = $"-p {Port} -c listen_addresses=127.0.0.1 -k {dataDirectory} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 {ServerOptions}";
        await RunAsync(Path.Combine(BinDirectory, "pg_ctl"), $"-D {dataDirectory} -l {dataDirectory}/server.log -o \"{options}\" -w -t 60 start", asPostgres: IsRoot);
    }

    /// <summary>Changes the data directory (pg_hba.conf, certificates) after initdb, before the server starts.</summary>
    protected virtual Task ConfigureAsync(string dataDirectory) => Task.CompletedTask;

    /// <summary>Hands a file written by this process (root in CI) to the server's user.</summary>
    protected static Task GiveToServerAsync(string path) =>
        IsRoot ? RunAsync("chown", $"postgres:postgres {path}", asPostgres: false) : Task.CompletedTask;

    /// <summary>Creates an empty database and returns its endpoint.</summary>
    public async Task<PostgresEndpoint> CreateDatabaseAsync(string name)
    {
        try
        {
            await using var connection = new Npgsql.NpgsqlConnection(Endpoint().ToNpgsql().ConnectionString);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
            return Endpoint(name);
        }
        catch (Npgsql.NpgsqlException ex)
        {
            // A server that drops the connection says why only in its log, which dispose deletes.
            throw new InvalidOperationException($"CREATE DATABASE {name} on port {Port} failed; the end of the server log:\n{LogTail()}", ex);
        }
    }

    private string LogTail()
    {
        try
        {
            var lines = File.ReadAllLines(LogFile);
            return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - 40)));
        }
        catch (IOException ex)
        {
            return $"(cannot read {LogFile}: {ex.Message})";
        }
    }

    public async Task DisposeAsync()
    {
        try
        {
            await RunAsync(Path.Combine(BinDirectory, "pg_ctl"), $"-D {dataDirectory} -m immediate -w stop", asPostgres: IsRoot);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>The newest /usr/lib/postgresql/N/bin with a server in it, or HEROKU2CLOUD_PG_BIN.</summary>
    private static string FindBinDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("HEROKU2CLOUD_PG_BIN");
        if (!string.IsNullOrEmpty(configured))
            return configured;
        var found = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            "No PostgreSQL server binaries found under /usr/lib/postgresql/*/bin. Run scripts/setup.sh (installs Debian's postgresql) or set HEROKU2CLOUD_PG_BIN.");
    }

    private static readonly HashSet<int> PortsHandedOut = [];

    /// <summary>
    /// A free loopback port no earlier server of this test run had. Npgsql pools connections by connection
    /// string, process-wide: a server on the port of one already stopped would be handed that server's dead
    /// pooled connections (same host, port, database and user), and its first commands fail with
    /// "Exception while reading from stream", as CREATE DATABASE once did in CI.
    /// </summary>
    private static int FreePort()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (PortsHandedOut)
            {
                if (PortsHandedOut.Add(port))
                    return port;
            }
        }
    }

    private static async Task RunAsync(string program, string arguments, bool asPostgres)
    {
        var start = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {program} {arguments}")
            : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {arguments} failed ({process.ExitCode}): {await stderr}{await stdout}");
    }
}
