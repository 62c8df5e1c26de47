namespace HerokuToCloud.Inventory.Tests;

public class InventoryWarningsTests
{
    [Fact]
    public void A_complete_inventory_has_no_warnings()
    {
        Assert.Empty(InventoryWarnings.For(InventoryYamlWriterTests.Sample() with
        {
            Apps = [InventoryYamlWriterTests.Sample().Apps[0] with { Config = [] }],
        }));
    }

    [Fact]
    public void Gaps_capture_leaves_are_warned_about()
    {
        var system = new HerokuSystem
        {
            Name = "gappy",
            Apps =
            [
                new HerokuApp { Name = "gappy-web", Config = [new ConfigVar { Name = "HEROKU_APP_NAME", Kind = ConfigVarKind.Runtime, Value = ConfigValueSource.Platform }, new ConfigVar { Name = "PORT", Kind = ConfigVarKind.Runtime, Value = ConfigValueSource.Platform }] },
                new HerokuApp { Name = "gappy-worker", Processes = [new Process { Type = "worker" }] },
            ],
            Addons =
            [
                new Addon { Name = "cron", Service = "scheduler", Plan = "standard", Attachments = [new AddonAttachment { App = "gappy-web", Name = "SCHEDULER" }] },
                new Addon { Name = "search", Service = "bonsai", Plan = "default", Attachments = [new AddonAttachment { App = "gappy-web", Name = "BONSAI", ConfigVars = ["BONSAI_URL"] }] },
                new Addon { Name = "ci-db", Service = "heroku-postgresql", Plan = "in-dyno" },
                new Addon { Name = "mystery", Service = "acme-thing", Plan = "pro", Attachments = [new AddonAttachment { App = "gappy-web", Name = "ACME_THING" }] },
            ],
        };

        var warnings = InventoryWarnings.For(system);

        Assert.Contains("gappy-web has no processes; add them (type, command, size, quantity) or capture again with its Procfile.", warnings);
        Assert.Contains("gappy-worker: process worker has no command and the app is not a Docker build; add the command from its Procfile.", warnings);
        Assert.Contains(warnings, w => w.StartsWith("gappy-web has Heroku Scheduler but its scheduler section is empty", StringComparison.Ordinal));
        Assert.Contains("gappy-web uses config vars that Heroku sets and the new platform will not: HEROKU_APP_NAME; give the app a replacement where it needs one.", warnings);
        Assert.Contains(warnings, w => w.StartsWith("add-on search (bonsai) has the plan 'default'", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("add-on ci-db has the Heroku CI plan in-dyno", StringComparison.Ordinal));
        Assert.Contains("add-on ci-db is attached to no app; remove it or attach it.", warnings);
        Assert.Contains(warnings, w => w.StartsWith("add-on mystery: heroku2cloud does not know the service acme-thing", StringComparison.Ordinal));
    }
}
