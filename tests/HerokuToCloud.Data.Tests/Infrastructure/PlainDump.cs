using System.Diagnostics;
using HerokuToCloud.Data.Connections;

namespace HerokuToCloud.Data.Tests.Infrastructure;

/// <summary>Runs pg_dump for a test (plain SQL text, or a custom-format file like a Heroku backup).</summary>
public static class PlainDump
{
    /// <summary>The database as plain SQL, schema and data; pg_dump's random \restrict key lines removed so two dumps of the same database compare equal.</summary>
    public static async Task<string> TextAsync(PostgresEndpoint endpoint)
    {
        var text = await RunAsync(endpoint, "--format=plain", "--file=-");
        return string.Join('\n', text.Split('\n').Where(l => !l.StartsWith("\\restrict", StringComparison.Ordinal) && !l.StartsWith("\\unrestrict", StringComparison.Ordinal)));
    }

    public static async Task CustomFormatFileAsync(PostgresEndpoint endpoint, string file) =>
        await RunAsync(endpoint, "--format=custom", $"--file={file}");

    private static async Task<string> RunAsync(PostgresEndpoint endpoint, params string[] arguments)
    {
        var start = new ProcessStartInfo("pg_dump") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (key, value) in endpoint.ToLibpqEnvironment())
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"pg_dump failed: {await error}");
        return await output;
    }
}
