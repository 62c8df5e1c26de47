using HerokuToCloud.Cli.Tests.Infrastructure;
using HerokuToCloud.Cli.Tests.Support;
using HerokuToCloud.Inventory.Readers.InventoryYaml;
using HerokuToCloud.Inventory.Readers.Manifests;

namespace HerokuToCloud.Cli.Tests;

public class CaptureCommandTests
{
    private const string AppJson = """
        {
          "name": "kiosk",
          "env": { "API_KEY": { "description": "Upstream key.", "value": "kiosk-secret-value-91x" } },
          "formation": { "web": { "quantity": 2, "size": "Standard-2X" } },
          "addons": ["heroku-postgresql:essential-1"]
        }
        """;

    private const string Procfile = "web: node server.js\nrelease: node migrate.js\n";

    [Fact]
    public async Task Capture_from_files_writes_the_inventory_the_reader_and_writer_produce()
    {
        using var dir = new TempDirectory();
        dir.Write("app.json", AppJson);
        dir.Write("Procfile", Procfile);

        var result = await Heroku2CloudProcess.RunAsync(dir.Path, "capture", "--app-json", "app.json", "--procfile", "Procfile", "-o", "out/inventory.yaml");

        Assert.Equal(0, result.ExitCode);
        var expected = InventoryYamlWriter.Write(AppManifestReader.Read(new AppManifests(new ManifestFile("app.json", AppJson), new ManifestFile("Procfile", Procfile), null)));
        Assert.Equal(expected, File.ReadAllText(Path.Combine(dir.Path, "out/inventory.yaml")));
        Assert.Contains("captured 1 app, 1 process, 1 add-on and 0 notes into out/inventory.yaml", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
        Assert.DoesNotContain("kiosk-secret-value-91x", File.ReadAllText(Path.Combine(dir.Path, "out/inventory.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_out_from_manifests_writes_the_app_json_values_to_an_owner_only_file()
    {
        using var dir = new TempDirectory();
        dir.Write("kiosk/app.json", AppJson.Replace("\"env\": {", "\"env\": { \"STRIPE_KEY\": { \"required\": true },", StringComparison.Ordinal));
        dir.Write("kiosk/Procfile", Procfile);

        var result = await Heroku2CloudProcess.RunAsync(dir.Path, "capture", "--dir", "kiosk", "-o", "inventory.yaml", "--secrets-out", "kiosk-secrets.yaml");

        Assert.True(result.ExitCode == 0, result.ToString());
        var secretsPath = Path.Combine(dir.Path, "kiosk-secrets.yaml");
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secretsPath));
        var secrets = File.ReadAllText(secretsPath);
        Assert.Contains("kiosk:\n  API_KEY: \"kiosk-secret-value-91x\"\n", secrets, StringComparison.Ordinal);
        Assert.Contains("# kiosk: no value in the manifests, add it by hand: STRIPE_KEY\n", secrets, StringComparison.Ordinal);
        Assert.Contains("wrote the 1 config var value the manifests declare to kiosk-secrets.yaml (owner-only). They are defaults", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("add the 1 var its comments list as having no value there", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("kiosk-secret-value-91x", File.ReadAllText(Path.Combine(dir.Path, "inventory.yaml")), StringComparison.Ordinal);
        Assert.DoesNotContain("kiosk-secret-value-91x", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_vars_the_secrets_file_says_to_add_are_exactly_those_secrets_push_finds_missing()
    {
        using var dir = new TempDirectory();
        dir.Write("kiosk/app.json", """
            {
              "name": "kiosk",
              "env": {
                "API_KEY": "kiosk-key", "STRIPE_KEY": { "required": true }, "READ_DB": "$DATABASE_URL", "MAIL_USER": "$SENDGRID_USERNAME", "BANNER": { "required": false },
                "VITE_TITLE": "Kiosk", "SESSION_SECRET": { "generator": "secret", "value": "ignored" }, "PORT": "5000"
              },
              "addons": ["heroku-postgresql", "papertrail", "sendgrid:starter"]
            }
            """);
        dir.Write("kiosk/Procfile", Procfile);

        var capture = await Heroku2CloudProcess.RunAsync(dir.Path, "capture", "--dir", "kiosk", "-o", "inventory.yaml", "--secrets-out", "secrets.yaml");
        var generate = await Heroku2CloudProcess.RunAsync(dir.Path, "generate", "inventory.yaml", "-t", "aws", "-s", "prod", "-o", "infra");
        var push = await Heroku2CloudProcess.RunAsync(dir.Path, "secrets", "push", "inventory.yaml", "--from", "secrets.yaml", "--stack", "prod", "-C", "infra", "--dry-run", "--json");

        Assert.True(capture.ExitCode == 0, capture.ToString());
        // A plan to fill in is said on this run, not kept as a note the inventory would still hold after the fix.
        Assert.Contains("warning: add-on kiosk-papertrail (papertrail) has the plan 'default'", capture.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("without a plan", File.ReadAllText(Path.Combine(dir.Path, "inventory.yaml")), StringComparison.Ordinal);
        Assert.True(generate.ExitCode is 0 or 1, generate.ToString());
        Assert.True(push.ExitCode == 1, push.ToString());
        var file = File.ReadAllLines(Path.Combine(dir.Path, "secrets.yaml"));
        var toAdd = file.Where(l => l.StartsWith("# kiosk: no value in the manifests, add it by hand: ", StringComparison.Ordinal))
            .SelectMany(l => l.Split("add it by hand: ")[1].Split(", "))
            .Concat(file.Where(l => l.StartsWith("# kiosk: set from another var", StringComparison.Ordinal)).SelectMany(l => l[(l.LastIndexOf("): ", StringComparison.Ordinal) + 3)..].Split(", ")).Select(r => r.Split(' ')[0]))
            .Order(StringComparer.Ordinal);
        using var report = System.Text.Json.JsonDocument.Parse(push.Stdout);
        var missing = report.RootElement.GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("var").GetString()!).Order(StringComparer.Ordinal);
        // READ_DB = $DATABASE_URL is built from the new database, so neither side asks for it.
        Assert.Equal(["MAIL_USER", "PAPERTRAIL_API_TOKEN", "SENDGRID_PASSWORD", "SENDGRID_USERNAME", "STRIPE_KEY"], missing);
        Assert.Equal(missing, toAdd);
        // An optional var is neither to add nor missing: the push gives it an empty value, and the file says so.
        var optional = report.RootElement.GetProperty("assignments").EnumerateArray().Where(a => a.GetProperty("optional").GetBoolean()).Select(a => a.GetProperty("var").GetString());
        Assert.Equal(["BANNER"], optional);
        Assert.Contains(file, l => l.StartsWith("# kiosk: optional (required: false), no value in the manifests;", StringComparison.Ordinal) && l.EndsWith(": BANNER", StringComparison.Ordinal));
        Assert.Contains("add the 5 vars its comments list as having no value there", capture.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_folder_given_twice_is_a_usage_error_that_says_so()
    {
        using var dir = new TempDirectory();
        dir.Write("kiosk/app.json", AppJson);
        dir.Write("kiosk/Procfile", Procfile);

        var result = await Heroku2CloudProcess.RunAsync(dir.Path, "capture", "--dir", "kiosk", "--dir", "kiosk/", "--system", "shop", "-o", "inventory.yaml");

        // It used to fail as "two apps both named kiosk ... give each app.json its own name".
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: --dir kiosk is given more than once; give each app's folder once.", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir.Path, "inventory.yaml")));

        // Two different folders still need a system name.
        dir.Write("kiosk-worker/Procfile", "worker: bin/worker\n");
        var unnamed = await Heroku2CloudProcess.RunAsync(dir.Path, "capture", "--dir", "kiosk", "--dir", "kiosk-worker", "-o", "inventory.yaml");
        Assert.Equal(2, unnamed.ExitCode);
        Assert.Contains("several --dir folders make one system: name it with --system", unnamed.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_out_never_replaces_an_existing_file_or_an_input_and_writes_nothing_on_a_usage_error()
    {
        using var dir = new TempDirectory();
        dir.Write("kiosk/app.json", AppJson);
        dir.Write("kiosk/Procfile", Procfile);
        dir.Write("kiosk-secrets.yaml", "kiosk:\n  API_KEY: \"added by hand\"\n");
        Directory.CreateDirectory(Path.Combine(dir.Path, "out"));

        var existing = await Heroku2CloudProcess.RunAsync(dir.Path, "capture", "--dir", "kiosk", "-o", "inventory.yaml", "--secrets-out", "kiosk-secrets.yaml");
        var input = await Heroku2CloudProcess.RunAsync(dir.Path, "capture", "--dir", "kiosk", "-o", "inventory.yaml", "--secrets-out", "kiosk/app.json");
        var empty = await Heroku2CloudProcess.RunAsync(dir.Path, "capture", "--dir", "kiosk", "-o", "inventory.yaml", "--secrets-out", "");
        var outputDirectory = await Heroku2CloudProcess.RunAsync(dir.Path, "capture", "--dir", "kiosk", "-o", "out", "--secrets-out", "new-secrets.yaml");

        Assert.Equal([2, 2, 2, 2], new[] { existing, input, empty, outputDirectory }.Select(r => r.ExitCode));
        Assert.Contains("--secrets-out kiosk-secrets.yaml already exists, and may hold values added by hand", existing.Stderr, StringComparison.Ordinal);
        Assert.Contains("--secrets-out kiosk/app.json is kiosk/app.json, which capture reads", input.Stderr, StringComparison.Ordinal);
        Assert.Contains("--secrets-out was given an empty path", empty.Stderr, StringComparison.Ordinal);
        Assert.Contains("-o out is a directory", outputDirectory.Stderr, StringComparison.Ordinal);
        Assert.Equal("kiosk:\n  API_KEY: \"added by hand\"\n", File.ReadAllText(Path.Combine(dir.Path, "kiosk-secrets.yaml")));
        Assert.Equal(AppJson, File.ReadAllText(Path.Combine(dir.Path, "kiosk/app.json")));
        Assert.Equal(["kiosk-secrets.yaml", "kiosk/Procfile", "kiosk/app.json"], dir.Files());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Without_an_output_file_the_inventory_goes_to_standard_output(bool dash)
    {
        string[] outputArgs = dash ? ["-o", "-"] : [];
        using var dir = new TempDirectory();
        dir.Write("Procfile", Procfile);

        var result = await Heroku2CloudProcess.RunAsync(dir.Path, ["capture", "--procfile", "Procfile", "--name", "kiosk-web", .. outputArgs]);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("# Heroku system inventory", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  - name: kiosk-web\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("into standard output.", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(["Procfile"], dir.Files());
    }

    [Fact]
    public async Task Capture_normalises_an_existing_inventory_into_canonical_form()
    {
        using var dir = new TempDirectory();
        dir.Write("hand.yaml", """
            # written by hand
            system: kiosk
            version: 1
            apps:
              - processes:
                  - quantity: 2
                    size: PERFORMANCE-M
                    type: web
                name: kiosk-web
                config: [{ name: TOKEN }]
            """);

        var first = await Heroku2CloudProcess.RunAsync(dir.Path, "capture", "--inventory", "hand.yaml", "-o", "canonical.yaml");
        var second = await Heroku2CloudProcess.RunAsync(dir.Path, "capture", "--inventory", "canonical.yaml", "-o", "again.yaml");

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        var canonical = File.ReadAllText(Path.Combine(dir.Path, "canonical.yaml"));
        Assert.Contains("      - type: web\n        size: performance-m\n        quantity: 2\n", canonical, StringComparison.Ordinal);
        Assert.Contains("      - name: TOKEN\n        kind: team\n        source: secret-config\n", canonical, StringComparison.Ordinal);
        Assert.Equal(canonical, File.ReadAllText(Path.Combine(dir.Path, "again.yaml")));
    }

    [Fact]
    public async Task System_renames_the_captured_system()
    {
        using var dir = new TempDirectory();
        dir.Write("Procfile", Procfile);

        var renamed = await Heroku2CloudProcess.RunAsync(dir.Path, "capture", "--procfile", "Procfile", "--system", "kiosk-platform");
        var invalid = await Heroku2CloudProcess.RunAsync(dir.Path, "capture", "--procfile", "Procfile", "--system", "kiosk platform");

        Assert.Equal(0, renamed.ExitCode);
        Assert.Contains("\nsystem: kiosk-platform\n", renamed.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, invalid.ExitCode);
        Assert.Contains("'kiosk platform' is not a usable system name", invalid.Stderr, StringComparison.Ordinal);
    }

    public static TheoryData<string[], string> UsageErrors => new()
    {
        { ["capture"], "error: capture needs a source: --app NAME (a live Heroku app, repeatable), --app-json/--procfile/--heroku-yml" },
        { ["capture", "--procfile", "Procfile", "--inventory", "x.yaml"], "capture reads one source at a time, but --app-json/--procfile/--heroku-yml and --inventory were given" },
        { ["capture", "--inventory", "x.yaml", "--name", "kiosk"], "--name names the one app captured from manifests" },
        { ["capture", "--dir", ".", "--dir", "./"], "--dir . is given more than once; give each app's folder once." },
        { ["capture", "--procfile", "Procfile", "--name", "Kiosk!"], "'Kiosk!' is not a valid Heroku app name" },
        { ["capture", "--app-json", "missing.json"], "error: cannot read the app.json 'missing.json'" },
        { ["capture", "--dir", "nowhere"], "'nowhere' is not a directory" },
        { ["inventory", "show", "missing.yaml"], "error: cannot read the inventory 'missing.yaml'" },
        { ["inventory", "show", "."], "error: cannot read the inventory '.': it is a directory; give the path of the file itself." },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task Usage_errors_exit_with_2_and_say_what_to_do(string[] args, string message)
    {
        using var dir = new TempDirectory();
        dir.Write("Procfile", Procfile);

        var result = await Heroku2CloudProcess.RunAsync(dir.Path, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(["Procfile"], dir.Files());
    }

    public static TheoryData<string, string, string, string> BadInputs => new()
    {
        { "app.json", "{\n  \"formation\": { \"web\": { \"size\": \"XXL\" } }\n}", "--app-json", "error: app.json:2:35: $.formation.web.size: 'XXL' is not a Heroku dyno size" },
        { "app.json", "{\n  \"name\": \"kiosk\",\n}", "--app-json", "error: app.json:3:1: $: " },
        { "app.json", "{ \"addons\": [ { \"as\": \"DB\" } ] }", "--app-json", "error: app.json:1:15: $.addons[0]: this add-on has no \"plan\"" },
        { "Procfile", "web node server.js\n", "--procfile", "error: Procfile:1:1: 'web node server.js' has no colon" },
        { "heroku.yml", "run:\n  web: [x\n", "--heroku-yml", "error: heroku.yml:3:1: " },
        { "inventory.yaml", "version: 1\nsystem: k\napps:\n  - name: kiosk-web\n    processes:\n      - type: web\n        size: huge\n", "--inventory", "error: inventory.yaml:7:15: apps[0].processes[0].size: 'huge' is not a Heroku dyno size" },
        { "inventory.yaml", "version: 1\nsystem: k\napps:\n  - name: kiosk-web\naddons:\n  - name: db\n    service: heroku-postgresql\n", "--inventory", "error: inventory.yaml:6:5: addons[0]: missing 'plan'" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_exits_with_2_names_the_place_and_leaves_the_previous_output_untouched(string file, string content, string option, string message)
    {
        using var dir = new TempDirectory();
        dir.Write(file, content);
        dir.Write("inventory-out.yaml", "previous output\n");

        var result = await Heroku2CloudProcess.RunAsync(dir.Path, "capture", option, file, "-o", "inventory-out.yaml");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(message, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
        Assert.Equal("previous output\n", File.ReadAllText(Path.Combine(dir.Path, "inventory-out.yaml")));
        Assert.Equal(new[] { file, "inventory-out.yaml" }.Order(StringComparer.Ordinal), dir.Files());
    }

    [Fact]
    public async Task Bad_input_creates_no_output_file()
    {
        using var dir = new TempDirectory();
        dir.Write("Procfile", "web\n");

        var result = await Heroku2CloudProcess.RunAsync(dir.Path, "capture", "--procfile", "Procfile", "-o", "new/inventory.yaml");

        Assert.Equal(2, result.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "new")));
        Assert.Equal(["Procfile"], dir.Files());
    }
}
