using HerokuToCloud.Inventory;
using HerokuToCloud.Inventory.Readers.PlatformApi;
using Spectre.Console;

namespace HerokuToCloud.Cli.Capture;

/// <summary>
/// The `capture --app` source: finds the Heroku API token, reads the apps through the Platform
/// API and shows progress on the terminal (stderr, so stdout stays clean for --json). Writes
/// nothing itself: the capture verb writes the inventory and, when asked, the secrets file.
/// </summary>
internal static class PlatformApiCapture
{
    public static async Task<PlatformCapture> RunAsync(
        IReadOnlyList<string> apps,
        string? systemName,
        string? apiUrl,
        bool includeSecretValues,
        bool quiet,
        CancellationToken cancellationToken)
    {
        var token = HerokuApiToken.Resolve(Environment.GetEnvironmentVariable);
        var options = new HerokuApiClientOptions { BaseUrl = ParseApiUrl(apiUrl) };
        using var client = new HerokuApiClient(token, options);
        var reader = new PlatformApiReader(client);
        var request = new PlatformCaptureRequest { Apps = apps, SystemName = systemName, IncludeSecretValues = includeSecretValues };

        if (quiet || Console.IsErrorRedirected)
            return await reader.CaptureAsync(request, progress: null, cancellationToken);

        var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await terminal.Status().StartAsync(
            $"capturing {string.Join(", ", apps)} from the Heroku Platform API",
            status => reader.CaptureAsync(request, new StatusProgress(status), cancellationToken));
    }

    private static Uri ParseApiUrl(string? apiUrl)
    {
        if (string.IsNullOrWhiteSpace(apiUrl))
            return HerokuApiClientOptions.DefaultBaseUrl;
        if (Uri.TryCreate(apiUrl.Trim(), UriKind.Absolute, out var url))
            return url;
        throw new UsageException($"--api-url '{apiUrl}' is not an absolute URL; use for example {HerokuApiClientOptions.DefaultBaseUrl}.");
    }

    /// <summary>Shows each step in the status line as it happens (Progress&lt;T&gt; would post it later, out of order).</summary>
    private sealed class StatusProgress(StatusContext status) : IProgress<string>
    {
        public void Report(string value) => status.Status(Markup.Escape(value));
    }
}
