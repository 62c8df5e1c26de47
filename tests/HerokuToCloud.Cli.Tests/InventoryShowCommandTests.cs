using System.Text.Json;
using HerokuToCloud.Cli.Output;
using HerokuToCloud.Cli.Tests.Infrastructure;
using HerokuToCloud.Cli.Tests.Support;
using HerokuToCloud.Inventory.Readers.InventoryYaml;

namespace HerokuToCloud.Cli.Tests;

public class InventoryShowCommandTests
{
    private static string Emigrate => Path.Combine(Repository.Root, "stacks", "emigrate", "inventory.yaml");

    private static string Shopfront => Path.Combine(Repository.Root, "stacks", "shopfront", "inventory.yaml");

    [Fact]
    public async Task Redirected_output_is_a_plain_text_summary()
    {
        var result = await Heroku2CloudProcess.RunAsync(Repository.Root, "inventory", "show", "stacks/emigrate/inventory.yaml");

        Assert.Equal(0, result.ExitCode);
        var text = result.Stdout;
        Assert.StartsWith("System emigrate: 3 apps, 2 add-ons\n", text, StringComparison.Ordinal);
        Assert.Contains("App emigrate-backend (region us, stack heroku-24)\n", text, StringComparison.Ordinal);
        Assert.Contains("    web  1 x basic  node server.ts\n", text, StringComparison.Ordinal);
        Assert.Contains("    worker  1 x basic  node worker.ts\n", text, StringComparison.Ordinal);
        Assert.Contains("    send-emails: hourly at :00 UTC on standard-1x: node job.ts\n", text, StringComparison.Ordinal);
        Assert.Contains("  emigrate-backend-database: heroku-postgresql:essential-0, used by emigrate-backend as DATABASE (DATABASE_URL); emigrate-emailer as DATABASE (DATABASE_URL)\n", text, StringComparison.Ordinal);
        Assert.Contains("    needed at build time: VITE_BACKEND_URL\n", text, StringComparison.Ordinal);
        // A build-time var is a build secret, not stack config (generate declares no key for it).
        Assert.Contains("    values to supply as secret config: NODE_ENV\n", text, StringComparison.Ordinal);
        Assert.EndsWith("Warnings: none\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_to_supply_are_what_secrets_push_asks_for()
    {
        var system = InventoryYamlReader.Read("""
            version: 1
            system: kiosk
            apps:
              - name: kiosk
                config:
                  - name: DATABASE_URL
                    kind: addon
                    addon: kiosk-db
                  - name: PAPERTRAIL_API_TOKEN
                    kind: addon
                    addon: kiosk-pt
                  - name: READ_DB
                    refersTo: DATABASE_URL
                  - name: STRIPE_KEY
            addons:
              - name: kiosk-db
                service: heroku-postgresql
                plan: essential-0
                attachments:
                  - app: kiosk
                    name: DATABASE
                    configVars: [DATABASE_URL]
              - name: kiosk-pt
                service: papertrail
                plan: choklad
                attachments:
                  - app: kiosk
                    name: PAPERTRAIL
                    configVars: [PAPERTRAIL_API_TOKEN]
            """, "inventory.yaml");

        // The kept add-on's token needs a value; READ_DB is built from the new database's URL.
        Assert.Equal(["PAPERTRAIL_API_TOKEN", "STRIPE_KEY"], InventorySummary.Of(system).Apps.Single().Config.NeedValues);
    }

    private const string Chained = """
        version: 1
        system: kiosk
        apps:
          - name: kiosk
            config:
              - name: A_DB
                refersTo: B_DB
              - name: B_DB
                refersTo: DATABASE_URL
              - name: DATABASE_URL
                kind: addon
                addon: kiosk-db
              - name: STRIPE_KEY
        addons:
          - name: kiosk-db
            service: heroku-postgresql
            plan: essential-0
            attachments:
              - app: kiosk
                name: DATABASE
                configVars: [DATABASE_URL]

        """;

    [Fact]
    public async Task A_var_naming_a_database_url_through_another_var_is_not_a_value_to_supply()
    {
        var dir = Directory.CreateTempSubdirectory("h2c-show-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "inventory.yaml"), Chained);

            var result = await Heroku2CloudProcess.RunAsync(dir, "inventory", "show", "inventory.yaml");

            // A_DB is listed before B_DB: following one hop, inventory show asked for A_DB's value.
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("    values to supply as secret config: STRIPE_KEY\n", result.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task A_loop_of_references_is_refused_with_its_place_and_what_to_do()
    {
        var dir = Directory.CreateTempSubdirectory("h2c-show-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "inventory.yaml"), Chained.Replace("refersTo: DATABASE_URL", "refersTo: A_DB", StringComparison.Ordinal));

            var result = await Heroku2CloudProcess.RunAsync(dir, "inventory", "show", "inventory.yaml");

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("inventory.yaml:7:19: apps[0].config[0].refersTo: the config vars A_DB, B_DB of kiosk refer to each other in a loop (A_DB → B_DB → A_DB)", result.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Json_output_is_for_machines()
    {
        var result = await Heroku2CloudProcess.RunAsync(Repository.Root, "inventory", "show", Shopfront, "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal("shopfront", root.GetProperty("system").GetString());
        var production = root.GetProperty("apps")[1];
        Assert.Equal("shopfront-production", production.GetProperty("name").GetString());
        Assert.Equal("production", production.GetProperty("stage").GetString());
        Assert.Equal("2-8, p95 500 ms", production.GetProperty("processes")[0].GetProperty("autoscaling").GetString());
        Assert.Equal(3, production.GetProperty("scheduler").GetArrayLength());
        Assert.Equal(["shop.example.com", "www.shop.example.com"], production.GetProperty("domains").EnumerateArray().Select(d => d.GetString()));
        var redis = root.GetProperty("addons").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "shopfront-production-redis");
        Assert.Equal("premium-1", redis.GetProperty("plan").GetString());
        Assert.Equal("shopfront-production", redis.GetProperty("usedBy")[0].GetProperty("app").GetString());
        Assert.Equal(2, root.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public void The_terminal_rendering_has_tables_for_processes_jobs_and_addons()
    {
        var text = PlainConsole.Render(200, console => InventorySummaryConsole.Write(console, InventorySummary.Of(InventoryYamlReader.ReadFile(Shopfront))));
        Assert.Contains("shopfront: 2 apps, 6 add-ons", text, StringComparison.Ordinal);
        Assert.Matches(@"│ Process\s+│ Dynos │ Size\s+│ Autoscaling\s+│ Command", text);
        Assert.Matches(@"│ web\s+│ 2\s+│ performance-m\s+│ 2-8, p95 500 ms\s+│ bundle exec puma", text);
        Assert.Matches(@"│ release phase\s+│ -\s+│ standard-2x", text);
        Assert.Matches(@"│ remind-abandoned-carts\s+│ every 10 minutes\s+│ standard-1x", text);
        Assert.Matches(@"│ shopfront-production-db\s+│ heroku-postgresql:standard-2 \(version=16\)\s+│ shopfront-production as DATABASE", text);
        Assert.Contains("warning: shopfront-production uses config vars that Heroku sets", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_inventory_is_a_user_error()
    {
        using var dir = new TempDirectory();
        dir.Write("bad.yaml", "version: 1\nsystem: x\napps:\n  - name: BAD\n");

        var result = await Heroku2CloudProcess.RunAsync(dir.Path, "inventory", "show", "bad.yaml");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: bad.yaml:4:11: apps[0].name: 'BAD' is not a valid Heroku app name", result.Stderr, StringComparison.Ordinal);
    }
}
