using System.Diagnostics;

namespace HerokuToCloud.Cli.Tests.Infrastructure;

/// <summary>
/// Runs the built heroku2cloud program as its own process, the way a user does: its own
/// environment (no inherited HEROKU_API_KEY or NETRC, a throw-away HOME), its own stdout and
/// stderr, a real exit code.
/// </summary>
internal static class Heroku2CloudProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
    }

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static Task<Result> RunAsync(string workingDirectory, params string[] args) =>
        RunWithInputAsync(workingDirectory, new Dictionary<string, string?>(), null, args);

    public static Task<Result> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        RunWithInputAsync(workingDirectory, environment, null, args);

    /// <summary>Like <see cref="RunAsync"/>, with <paramref name="standardInput"/> piped in (null: an empty, closed input).</summary>
    public static async Task<Result> RunWithInputAsync(string workingDirectory, IReadOnlyDictionary<string, string?> environment, string? standardInput, params string[] args)
    {
        var start = StartInfo(workingDirectory, environment, args);
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(standardInput ?? "");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"heroku2cloud {string.Join(' ', args)} did not finish within {Timeout.TotalMinutes} minutes");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>How every test starts the program: the built assembly, its own environment, all streams redirected.</summary>
    public static ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyDictionary<string, string?> environment, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "heroku2cloud.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);

        // Never let the developer's own Heroku credentials, or a debug switch, reach a test.
        start.Environment.Remove("HEROKU_API_KEY");
        start.Environment.Remove("NETRC");
        start.Environment.Remove("HEROKU2CLOUD_DEBUG");
        start.Environment["HOME"] = workingDirectory;
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment)
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }

        return start;
    }
}
