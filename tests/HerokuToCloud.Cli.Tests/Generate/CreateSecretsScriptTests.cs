using System.Diagnostics;
using HerokuToCloud.Cli.Tests.Infrastructure;

namespace HerokuToCloud.Cli.Tests.Generate;

/// <summary>
/// The create-secrets.sh that `generate --format manifests` writes, run with bash against a fake kubectl
/// that records its arguments (no cluster): a required variable is mandatory and named when missing, an
/// optional one (app.json required: false; shopfront's ASSET_HOST) is set empty when not exported, as
/// `secrets push` does on the Pulumi path, and no value is ever printed.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CreateSecretsScriptTests : IDisposable
{
    /// <summary>Records each call's arguments on one line, and drains a manifest piped in on "-f -" as kubectl would.</summary>
    private const string FakeKubectl = """
        #!/usr/bin/env bash
        printf '%s\n' "$*" >> "$KUBECTL_LOG"
        case " $* " in *" -f - "*) cat > /dev/null ;; esac
        """;

    /// <summary>Every variable shopfront's prod script requires, each with a value that must never reach the output.</summary>
    private static readonly Dictionary<string, string> Required = new(StringComparer.Ordinal)
    {
        ["SHOPFRONT_DB_PASSWORD"] = "value-db-password-1",
        ["SHOPFRONT_DB_SOURCE_URL"] = "postgres://u:value-source-2@heroku.example.com/db",
        ["SHOPFRONT_RAILS_ENV"] = "value-rails-env-3",
        ["SHOPFRONT_RAILS_SERVE_STATIC_FILES"] = "value-static-4",
        ["SHOPFRONT_REDIS_PASSWORD"] = "value-redis-5",
        ["SHOPFRONT_SEARCH_URL"] = "https://value-search-6.example.com",
        ["SHOPFRONT_SECRET_KEY_BASE"] = "value-key-base-7",
        ["SHOPFRONT_STRIPE_SECRET_KEY"] = "value-stripe-8",
        ["SHOPFRONT_STRIPE_WEBHOOK_SECRET"] = "value-webhook-9",
    };

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("h2c-create-secrets-");

    public void Dispose() => work.Delete(recursive: true);

    private string Log => Path.Combine(work.FullName, "kubectl.log");

    private async Task<string> Generate()
    {
        var output = Path.Combine(work.FullName, "manifests");
        var generated = await Heroku2CloudProcess.RunAsync(work.FullName, new Dictionary<string, string?>(),
            ["generate", Repository.Example("shopfront"), "--target", "kubernetes", "--stack", "prod", "--format", "manifests", "-o", output]);
        Assert.True(generated.ExitCode == 0, generated.ToString());
        var bin = Directory.CreateDirectory(Path.Combine(work.FullName, "bin")).FullName;
        var kubectl = Path.Combine(bin, "kubectl");
        File.WriteAllText(kubectl, FakeKubectl + "\n");
        File.SetUnixFileMode(kubectl, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return output;
    }

    /// <summary>Runs the script with only <paramref name="exported"/> (and PATH, with the fake kubectl first) in its environment.</summary>
    private async Task<(int ExitCode, string Stdout, string Stderr)> RunScript(string output, IReadOnlyDictionary<string, string> exported)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(output, "create-secrets.sh")])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = $"{Path.Combine(work.FullName, "bin")}:/usr/bin:/bin";
        start.Environment["KUBECTL_LOG"] = Log;
        foreach (var (name, value) in exported)
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    private static void AssertNoValueShown(string text, IReadOnlyDictionary<string, string> exported) =>
        Assert.All(exported.Values, value => Assert.DoesNotContain(value, text, StringComparison.Ordinal));

    [Fact]
    public async Task An_optional_variable_not_exported_is_created_empty_with_a_note()
    {
        var output = await Generate();

        var (exitCode, stdout, stderr) = await RunScript(output, Required);

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("note: SHOPFRONT_ASSET_HOST is not exported; it is optional (app.json required: false), so its Secret holds it empty.", stderr, StringComparison.Ordinal);
        var created = File.ReadAllLines(Log).Single(l => l.StartsWith("create secret generic shopfront-env ", StringComparison.Ordinal));
        Assert.Contains(" --from-literal=ASSET_HOST= --from-literal=DATABASE_URL=", created, StringComparison.Ordinal);
        Assert.Contains(" --from-literal=STRIPE_SECRET_KEY=value-stripe-8 ", created, StringComparison.Ordinal);
        AssertNoValueShown(stdout + stderr, Required);
    }

    [Fact]
    public async Task An_optional_variable_that_is_exported_keeps_its_value_without_a_note()
    {
        var output = await Generate();
        var exported = new Dictionary<string, string>(Required, StringComparer.Ordinal) { ["SHOPFRONT_ASSET_HOST"] = "https://value-assets-10.example.com" };

        var (exitCode, stdout, stderr) = await RunScript(output, exported);

        Assert.True(exitCode == 0, stderr);
        Assert.DoesNotContain("SHOPFRONT_ASSET_HOST", stderr, StringComparison.Ordinal);
        Assert.Contains(" --from-literal=ASSET_HOST=https://value-assets-10.example.com ", File.ReadAllText(Log), StringComparison.Ordinal);
        AssertNoValueShown(stdout + stderr, exported);
    }

    [Fact]
    public async Task A_missing_required_variable_is_named_and_nothing_is_created()
    {
        var output = await Generate();
        var exported = Required.Where(r => r.Key is not ("SHOPFRONT_STRIPE_SECRET_KEY" or "SHOPFRONT_SEARCH_URL")).ToDictionary(StringComparer.Ordinal);
        exported["SHOPFRONT_SEARCH_URL"] = "";

        var (exitCode, stdout, stderr) = await RunScript(output, exported);

        Assert.Equal(1, exitCode);
        Assert.Contains("create-secrets.sh: export these variables, then run it again (README.md says what each holds); nothing was created:\n" +
            "  SHOPFRONT_SEARCH_URL: SEARCH_URL of shopfront (Heroku config var).\n" +
            "  SHOPFRONT_STRIPE_SECRET_KEY: STRIPE_SECRET_KEY of shopfront (Heroku config var).\n", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("SHOPFRONT_RAILS_ENV", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Log), "kubectl ran although a required variable was missing.");
        AssertNoValueShown(stdout + stderr, exported.Where(e => e.Value.Length > 0).ToDictionary());
    }
}
