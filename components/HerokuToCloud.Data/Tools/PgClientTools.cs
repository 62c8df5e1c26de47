using System.Diagnostics;
using System.Text;

namespace HerokuToCloud.Data.Tools;

/// <summary>
/// Finds and runs the PostgreSQL client programs (pg_dump, pg_restore). Connection details travel in
/// libpq environment variables, never as arguments, so a password cannot show in <c>ps</c> or in an
/// error message. Looks in HEROKU2CLOUD_PG_BIN, then on PATH.
/// </summary>
public sealed class PgClientTools
{
    private readonly string? binDirectory;

    public PgClientTools(string? binDirectory = null)
    {
        this.binDirectory = string.IsNullOrEmpty(binDirectory) ? Environment.GetEnvironmentVariable("HEROKU2CLOUD_PG_BIN") : binDirectory;
    }

    /// <summary>The full path of a client program; a clear error when it is not installed.</summary>
    public string Locate(string program)
    {
        if (!string.IsNullOrEmpty(binDirectory))
        {
            var configured = Path.Combine(binDirectory, program);
            if (File.Exists(configured))
                return configured;
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, program);
            if (File.Exists(candidate))
                return candidate;
        }

        throw new DataMigrationException($"{program} was not found on PATH. Install the PostgreSQL client (postgresql-client-17 or newer than the source server) or set HEROKU2CLOUD_PG_BIN to its bin directory.");
    }

    /// <summary>
    /// Runs a program to completion. <paramref name="stdin"/>, when given, is copied to its standard input
    /// (so the child dies with us: a killed parent closes the pipe). Returns its standard error; a non-zero
    /// exit throws through <paramref name="explainFailure"/>.
    /// </summary>
    public async Task<string> RunAsync(
        string program,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string> environment,
        Func<int, string, DataMigrationException> explainFailure,
        CancellationToken cancellationToken,
        Stream? stdin = null,
        Action<string>? onErrorLine = null,
        Stream? stdout = null)
    {
        var start = new ProcessStartInfo(Locate(program))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("PG", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(inherited);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;

        using var process = new Process { StartInfo = start };
        process.Start();
        var errors = new StringBuilder();
        var errorPump = Task.Run(async () =>
        {
            string? line;
            while ((line = await process.StandardError.ReadLineAsync(CancellationToken.None)) is not null)
            {
                lock (errors)
                    errors.AppendLine(line);
                onErrorLine?.Invoke(line);
            }
        }, CancellationToken.None);
        var outputPump = stdout is null
            ? process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None)
            : process.StandardOutput.BaseStream.CopyToAsync(stdout, CancellationToken.None);

        await using var registration = cancellationToken.Register(() =>
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // already exited
            }
        });

        if (stdin is not null)
        {
            try
            {
                await stdin.CopyToAsync(process.StandardInput.BaseStream, 1 << 20, cancellationToken);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // the child stopped reading (it failed); its exit code and stderr say why
            }
        }

        await process.WaitForExitAsync(CancellationToken.None);
        await Task.WhenAll(errorPump, outputPump);
        cancellationToken.ThrowIfCancellationRequested();
        string text;
        lock (errors)
            text = errors.ToString();
        if (process.ExitCode != 0)
            throw explainFailure(process.ExitCode, text.Trim());
        return text;
    }

    /// <summary>
    /// Words a failed pg_dump/pg_restore run for the user from the libpq messages it printed
    /// (libpq never prints a password).
    /// </summary>
    public static DataMigrationException ExplainClientFailure(string program, string side, Connections.PostgresEndpoint endpoint, int exitCode, string stderr)
    {
        var where = endpoint.ToString();
        if (stderr.Contains("server version mismatch", StringComparison.OrdinalIgnoreCase) ||
            stderr.Contains("aborting because of server version mismatch", StringComparison.OrdinalIgnoreCase))
            return new DataMigrationException($"{program} is older than the {side} server ({FirstLine(stderr)}). Install postgresql-client of the source's major version or newer (the heroku2cloud image ships 17).");
        if (stderr.Contains("password authentication failed", StringComparison.OrdinalIgnoreCase) ||
            stderr.Contains("no password supplied", StringComparison.OrdinalIgnoreCase) ||
            stderr.Contains("does not exist", StringComparison.OrdinalIgnoreCase) && stderr.Contains("role", StringComparison.OrdinalIgnoreCase))
            return new DataMigrationException($"the {side} database {where} refused the login of {program}: {FirstLine(stderr)}. Check the user name and password in the {side} URL.");
        if (stderr.Contains("Connection refused", StringComparison.OrdinalIgnoreCase) ||
            stderr.Contains("could not translate host name", StringComparison.OrdinalIgnoreCase) ||
            stderr.Contains("timeout expired", StringComparison.OrdinalIgnoreCase))
            return new DataMigrationException($"{program} cannot reach the {side} database {where}: {FirstLine(stderr)}.");
        if (stderr.Contains("unsupported version", StringComparison.OrdinalIgnoreCase) && stderr.Contains("file header", StringComparison.OrdinalIgnoreCase))
            return new DataMigrationException($"{program} is too old to read this dump ({FirstLine(stderr)}). Install a newer postgresql-client (the heroku2cloud image ships 17).");
        return new DataMigrationException($"{program} failed on the {side} database {where} (exit {exitCode}): {ClientErrorSummary.Summarize(stderr)}");
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase) || l.Contains("FATAL", StringComparison.Ordinal))
            ?? text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        return line.Length > 400 ? line[..400] + "…" : line;
    }
}
