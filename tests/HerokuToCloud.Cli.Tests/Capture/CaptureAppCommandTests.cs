using System.Text.Json;
using HerokuToCloud.Cli.Tests.Infrastructure;
using HerokuToCloud.Inventory;
using HerokuToCloud.Inventory.Readers.InventoryYaml;
using HerokuToCloud.Tests.Fakes;

namespace HerokuToCloud.Cli.Tests.Capture;

/// <summary>
/// `heroku2cloud capture --app` end to end: the real program, as a process, against the loopback
/// Platform API stand-in serving the two-app shop system.
/// </summary>
public sealed class CaptureAppCommandTests : IDisposable
{
    private readonly FakeHerokuApi _api = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("h2c-capture-").FullName;

    public CaptureAppCommandTests() => ShopSystem.Serve(_api);

    public void Dispose()
    {
        _api.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private string InventoryPath => Path.Combine(_dir, "out", "inventory.yaml");

    private Task<Heroku2CloudProcess.Result> RunAsync(IReadOnlyDictionary<string, string?>? environment, params string[] args) =>
        Heroku2CloudProcess.RunAsync(_dir, environment ?? new Dictionary<string, string?> { ["HEROKU_API_KEY"] = _api.Token }, args);

    private string[] Capture(params string[] extra) =>
        ["capture", "--app", ShopSystem.Web, "--app", ShopSystem.Worker, "--api-url", _api.BaseUrl.ToString(), "-o", InventoryPath, .. extra];

    [Fact]
    public async Task Captures_the_system_into_an_inventory_that_reads_back()
    {
        var result = await RunAsync(null, Capture());

        Assert.True(result.ExitCode == 0, result.ToString());
        var system = InventoryYamlReader.ReadFile(InventoryPath);
        Assert.Equal("shop", system.Name);
        Assert.Equal([ShopSystem.Web, ShopSystem.Worker], system.Apps.Select(a => a.Name));

        var web = system.Apps[0];
        Assert.Equal(["web", "console"], web.Processes.Select(p => p.Type));
        Assert.Equal(("performance-m", 2), (web.Processes[0].Size, web.Processes[0].Quantity));
        Assert.Equal("bundle exec rails db:migrate", web.Release?.Command);
        Assert.Equal(new PipelineCoupling("shop", PipelineStage.Production), web.Pipeline);
        Assert.Equal(["api.shop.example", "www.shop.example"], web.Domains.Select(d => d.Hostname));
        Assert.Contains("preboot", web.Features);
        Assert.Equal(ConfigVarKind.Addon, web.Config.Single(c => c.Name == "DATABASE_URL").Kind);
        Assert.Equal(ConfigVarKind.Runtime, web.Config.Single(c => c.Name == "HEROKU_APP_NAME").Kind);
        Assert.Equal(ConfigVarKind.Team, web.Config.Single(c => c.Name == "SECRET_KEY_BASE").Kind);

        var postgres = system.Addons.Single(a => a.Name == ShopSystem.Postgres);
        Assert.Equal(("heroku-postgresql", "standard-0"), (postgres.Service, postgres.Plan));
        Assert.Equal(["DATABASE", "HEROKU_POSTGRESQL_ONYX", "PRIMARY_DB"], postgres.Attachments.Select(a => a.Name));
        Assert.All(system.Apps, a => Assert.Empty(a.Scheduler));
        Assert.Contains("    scheduler: []\n", File.ReadAllText(InventoryPath));

        Assert.Contains("warning: Heroku Scheduler has no public API", result.Stderr);
        Assert.Contains($"captured 2 apps", result.Stderr);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Reads_the_token_from_the_netrc_entry_the_heroku_cli_writes()
    {
        File.WriteAllText(Path.Combine(_dir, ".netrc"), $"machine git.heroku.com\n  login ops@example.com\n  password other\nmachine api.heroku.com\n  login ops@example.com\n  password {_api.Token}\n");

        var result = await RunAsync(new Dictionary<string, string?>(), Capture());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.All(_api.Requests, r => Assert.Equal($"Bearer {_api.Token}", r.Authorization));
    }

    [Fact]
    public async Task Without_a_token_it_says_how_to_log_in_and_writes_nothing()
    {
        var result = await RunAsync(new Dictionary<string, string?>(), Capture());

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: no Heroku API token", result.Stderr);
        Assert.Contains("heroku login", result.Stderr);
        Assert.Empty(_api.Requests);
        Assert.False(File.Exists(InventoryPath));
    }

    [Fact]
    public async Task A_refused_token_fails_with_exit_2_without_showing_it_and_keeps_the_old_inventory()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(InventoryPath)!);
        File.WriteAllText(InventoryPath, "previous inventory\n");

        var result = await RunAsync(new Dictionary<string, string?> { ["HEROKU_API_KEY"] = "expired-token-4242" }, Capture());

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("refused the token from HEROKU_API_KEY", result.Stderr);
        Assert.Contains("heroku login", result.Stderr);
        Assert.DoesNotContain("expired-token-4242", result.Stderr + result.Stdout);
        Assert.Equal("previous inventory\n", File.ReadAllText(InventoryPath));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(InventoryPath)!));
    }

    [Fact]
    public async Task An_unknown_app_fails_naming_it()
    {
        var result = await RunAsync(null, "capture", "--app", "shop-typo", "--api-url", _api.BaseUrl.ToString(), "-o", InventoryPath);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Heroku app 'shop-typo' was not found", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.False(File.Exists(InventoryPath));
    }

    [Fact]
    public async Task A_rate_limited_request_is_retried_and_the_capture_succeeds()
    {
        _api.Script($"/apps/{ShopSystem.Web}/formation", FakeResponse.RateLimited(retryAfterSeconds: 0));

        var result = await RunAsync(null, Capture());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, _api.RequestsTo($"/apps/{ShopSystem.Web}/formation").Count());
        Assert.Equal(["web", "console"], InventoryYamlReader.ReadFile(InventoryPath).Apps[0].Processes.Select(p => p.Type));
    }

    [Fact]
    public async Task Secrets_out_writes_an_owner_only_file_and_values_appear_nowhere_else()
    {
        var secretsPath = Path.Combine(_dir, "secrets", "shop-secrets.yaml");

        var result = await RunAsync(null, Capture("--secrets-out", secretsPath));

        Assert.True(result.ExitCode == 0, result.ToString());
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secretsPath));

        var secrets = File.ReadAllText(secretsPath);
        foreach (var ((app, name), value) in ShopSystem.KeptValues.Where(v => !v.Value.Contains('\n')))
            Assert.Contains($"{name}: \"{value}\"", secrets);
        Assert.Contains($"{ShopSystem.Web}:\n", secrets);
        Assert.Contains("wrote 8 config var values of 2 apps", result.Stderr);
        Assert.Contains("Postgres and Redis values were left out", result.Stderr);

        // The canary test: every value the fake API holds, checked against every output.
        var outputs = new Dictionary<string, string>
        {
            ["stdout"] = result.Stdout,
            ["stderr"] = result.Stderr,
        };
        foreach (var file in Directory.EnumerateFiles(_dir, "*", SearchOption.AllDirectories).Where(f => f != secretsPath))
            outputs[file] = File.ReadAllText(file);
        foreach (var canary in ShopSystem.AllCanaries)
        {
            foreach (var (where, text) in outputs)
                Assert.False(text.Contains(canary, StringComparison.Ordinal), $"'{canary}' leaked into {where}");
        }

        foreach (var value in ShopSystem.DroppedValues.Values)
            Assert.DoesNotContain(value, secrets);
        Assert.Equal(
            [InventoryPath, secretsPath],
            Directory.EnumerateFiles(_dir, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".netrc", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Another_apps_database_url_set_by_hand_gets_the_new_database_and_is_neither_copied_nor_asked_for()
    {
        var databaseUrl = ShopSystem.ServeWorkerWithWebsDatabaseUrlSetByHand(_api);
        var secretsPath = Path.Combine(_dir, "shop-secrets.yaml");

        var result = await RunAsync(null, Capture("--secrets-out", secretsPath));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("refersToApp: shop-web", File.ReadAllText(InventoryPath));
        var secrets = File.ReadAllText(secretsPath);
        Assert.Contains("# shop-worker: not included: DATABASE_URL", secrets);
        foreach (var text in new[] { secrets, result.Stdout, result.Stderr, File.ReadAllText(InventoryPath) })
            Assert.DoesNotContain(databaseUrl, text, StringComparison.Ordinal);

        var push = await RunAsync(new Dictionary<string, string?>(),
            "secrets", "push", InventoryPath, "--from", secretsPath, "--stack", "prod", "-C", Path.Combine(_dir, "no-program-yet"), "--dry-run", "--json");

        Assert.True(push.ExitCode == 0, push.ToString());
        using var report = JsonDocument.Parse(push.Stdout);
        Assert.Empty(report.RootElement.GetProperty("missing").EnumerateArray());
        var skipped = Assert.Single(report.RootElement.GetProperty("skipped").EnumerateArray(),
            k => k.GetProperty("app").GetString() == ShopSystem.Worker && k.GetProperty("var").GetString() == "DATABASE_URL");
        Assert.Equal("datastore", skipped.GetProperty("reason").GetString());
        Assert.StartsWith("the program builds it from datastore shop-web-db", skipped.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Secrets_push_finds_every_value_a_capture_wrote_including_the_papertrail_token()
    {
        var secretsPath = Path.Combine(_dir, "shop-secrets.yaml");
        var capture = await RunAsync(null, Capture("--secrets-out", secretsPath));
        Assert.True(capture.ExitCode == 0, capture.ToString());

        var push = await RunAsync(new Dictionary<string, string?>(),
            "secrets", "push", InventoryPath, "--from", secretsPath, "--stack", "prod", "-C", Path.Combine(_dir, "no-program-yet"), "--dry-run", "--json");

        Assert.True(push.ExitCode == 0, push.ToString());
        using var report = JsonDocument.Parse(push.Stdout);
        var root = report.RootElement;
        Assert.Empty(root.GetProperty("missing").EnumerateArray());
        var token = Assert.Single(root.GetProperty("assignments").EnumerateArray(), a => a.GetProperty("var").GetString() == "PAPERTRAIL_API_TOKEN");
        Assert.Equal(("shop:shop-web-PAPERTRAIL_API_TOKEN", "wouldSet"), (token.GetProperty("key").GetString(), token.GetProperty("status").GetString()));
        Assert.DoesNotContain(root.GetProperty("unused").EnumerateArray(), u => u.GetProperty("var").GetString() is "DATABASE_URL" or "REDIS_URL");
        foreach (var canary in ShopSystem.AllCanaries)
            Assert.DoesNotContain(canary, push.Stdout + push.Stderr);
    }

    [Fact]
    public async Task Json_prints_a_summary_of_apps_counts_and_notes()
    {
        var result = await RunAsync(null, Capture("--json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        using var summary = JsonDocument.Parse(result.Stdout);
        var root = summary.RootElement;
        Assert.Equal("shop", root.GetProperty("system").GetString());
        Assert.Equal(InventoryPath, root.GetProperty("output").GetString());
        Assert.Equal([ShopSystem.Web, ShopSystem.Worker], root.GetProperty("apps").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Equal("shop:production", root.GetProperty("apps")[0].GetProperty("pipeline").GetString());
        var counts = root.GetProperty("counts");
        Assert.Equal(2, counts.GetProperty("apps").GetInt32());
        Assert.Equal(4, counts.GetProperty("addons").GetInt32());
        Assert.Equal(7, counts.GetProperty("attachments").GetInt32());
        Assert.Equal(7, counts.GetProperty("teamConfigVars").GetInt32());
        Assert.Contains(root.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("shop-analytics as ANALYTICS_DB", StringComparison.Ordinal));
        Assert.Contains(root.GetProperty("warnings").EnumerateArray(), n => n.GetString()!.StartsWith("Heroku Scheduler has no public API", StringComparison.Ordinal));
        Assert.DoesNotContain("captured 2 apps", result.Stderr);
    }

    [Theory]
    [InlineData("--secrets-out writes config var values, and an inventory holds none", "capture", "--inventory", "x.yaml", "--secrets-out", "s.yaml")]
    [InlineData("--api-url applies to --app", "capture", "--inventory", "x.yaml", "--api-url", "https://api.heroku.com")]
    [InlineData("--json prints its summary on standard output", "capture", "--app", "shop-web", "--json")]
    [InlineData("reads one source at a time", "capture", "--app", "shop-web", "--inventory", "x.yaml")]
    [InlineData("must use https", "capture", "--app", "shop-web", "--api-url", "http://api.example.com", "-o", "i.yaml")]
    public async Task Option_mistakes_are_usage_errors(string expected, params string[] args)
    {
        var result = await RunAsync(null, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr);
        Assert.DoesNotContain(_api.Requests, r => r.Path != "/account");
    }
}
