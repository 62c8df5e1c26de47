using HerokuToCloud.Cli.Tests.Infrastructure;
using HerokuToCloud.Inventory.Readers.InventoryYaml;
using HerokuToCloud.Inventory.Readers.Manifests;
using HerokuToCloud.Inventory;

namespace HerokuToCloud.Cli.Tests;

/// <summary>The worked examples under stacks/ are what the tool produces, not hand-made look-alikes.</summary>
public class ExampleStackTests
{
    private static readonly string[] EmigrateApps = ["emigrate-frontend", "emigrate-backend", "emigrate-emailer"];

    private static string Root => Repository.Root;

    /// <summary>Captures the emigrate apps exactly as stacks/emigrate/README.md does, from the repository root.</summary>
    private static HerokuSystem CaptureEmigrate() =>
        AppManifestReader.Read(
            EmigrateApps.Select(app =>
            {
                var dir = $"stacks/emigrate/apps/{app}";
                return new AppManifests(
                    new ManifestFile($"{dir}/app.json", File.ReadAllText(Path.Combine(Root, dir, "app.json"))),
                    new ManifestFile($"{dir}/Procfile", File.ReadAllText(Path.Combine(Root, dir, "Procfile"))),
                    null,
                    app);
            }).ToArray(),
            "emigrate");

    /// <summary>
    /// What the app.json and Procfile files cannot say, added by hand as stacks/emigrate/README.md describes:
    /// the region, the emailer's attachment to the backend's database, and the Scheduler job.
    /// </summary>
    private static HerokuSystem AddWhatFilesCannotSay(HerokuSystem captured)
    {
        var database = captured.Addons.Single(a => a.Service == "heroku-postgresql");
        var apps = captured.Apps.Select(app => app with { Region = "us" }).ToArray();
        var emailer = apps.Single(a => a.Name == "emigrate-emailer");
        apps[Array.IndexOf(apps, emailer)] = emailer with
        {
            Config = emailer.Config.Select(c => c.Name == "DATABASE_URL"
                ? c with { Kind = ConfigVarKind.Addon, Addon = database.Name, Value = ConfigValueSource.Addon }
                : c).ToArray(),
            Scheduler = [new ScheduledJob { Name = "send-emails", Command = "node job.ts", Frequency = SchedulerFrequency.Hourly(0) }],
        };

        return captured with
        {
            Apps = apps,
            Addons = captured.Addons.Select(a => a == database
                ? a with { Attachments = [.. a.Attachments, new AddonAttachment { App = "emigrate-emailer", Name = "DATABASE", ConfigVars = ["DATABASE_URL"] }] }
                : a).ToArray(),
        };
    }

    [Fact]
    public void Capturing_the_emigrate_manifests_reproduces_the_committed_inventory_modulo_what_files_cannot_say()
    {
        var captured = CaptureEmigrate();

        var committed = File.ReadAllText(Path.Combine(Root, "stacks/emigrate/inventory.yaml"));
        Assert.Equal(committed, InventoryYamlWriter.Write(AddWhatFilesCannotSay(captured)));

        // And the difference is exactly those facts: without them, capture alone is not the committed file.
        Assert.NotEqual(committed, InventoryYamlWriter.Write(captured));
        Assert.Equal(ConfigVarKind.Team, captured.Apps[2].Config.Single(c => c.Name == "DATABASE_URL").Kind);
        Assert.Empty(captured.Apps[2].Scheduler);
    }

    [Fact]
    public async Task The_readme_capture_command_produces_what_the_component_captures()
    {
        var result = await Heroku2CloudProcess.RunAsync(Root,
            "capture",
            "--dir", "stacks/emigrate/apps/emigrate-frontend",
            "--dir", "stacks/emigrate/apps/emigrate-backend",
            "--dir", "stacks/emigrate/apps/emigrate-emailer",
            "--system", "emigrate");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(InventoryYamlWriter.Write(CaptureEmigrate()), result.Stdout);
        // The Scheduler's missing jobs are this run's warning, not a note the inventory would keep after they are listed.
        Assert.Contains("warning: emigrate-emailer has Heroku Scheduler but its scheduler section is empty", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("captured 3 apps, 3 processes, 2 add-ons and 0 notes into standard output.", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("emigrate")]
    [InlineData("shopfront")]
    public void Committed_inventories_are_canonical(string example)
    {
        var path = Path.Combine(Root, "stacks", example, "inventory.yaml");
        var text = File.ReadAllText(path);

        Assert.Equal(text, InventoryYamlWriter.Write(InventoryYamlReader.ReadFile(path)));
        Assert.DoesNotContain(InventoryWarnings.For(InventoryYamlReader.ReadFile(path)), w => !w.Contains("HEROKU_RELEASE_VERSION", StringComparison.Ordinal));
    }

    [Fact]
    public void Emigrate_is_the_three_app_system_of_the_migration_guide()
    {
        var system = InventoryYamlReader.ReadFile(Path.Combine(Root, "stacks/emigrate/inventory.yaml"));

        Assert.Equal(EmigrateApps, system.Apps.Select(a => a.Name));
        Assert.Equal("node server.ts", system.Apps[1].Processes.Single(p => p.IsWeb).Command);
        Assert.Contains(system.Apps[1].Config, c => c.Name == "FRONTEND_URL" && c.Kind == ConfigVarKind.Team);
        var database = system.Addons.Single(a => a.Service == "heroku-postgresql");
        Assert.Equal(["emigrate-backend", "emigrate-emailer"], database.Attachments.Select(a => a.App));
        Assert.All(database.Attachments, a => Assert.Equal(["DATABASE_URL"], a.ConfigVars));
        var emailer = system.Apps[2];
        Assert.Equal("worker", emailer.Processes.Single().Type);
        Assert.Equal(("node job.ts", SchedulerFrequency.Hourly(0)), (emailer.Scheduler.Single().Command, emailer.Scheduler.Single().Frequency));
    }

    [Fact]
    public void Shopfront_is_a_staging_and_production_pipeline_of_one_codebase()
    {
        var system = InventoryYamlReader.ReadFile(Path.Combine(Root, "stacks/shopfront/inventory.yaml"));
        var fromRepository = AppManifestReader.Read(AppManifests.FromDirectory(Path.Combine(Root, "stacks/shopfront/app"))).Apps.Single();
        var (staging, production) = (system.Apps[0], system.Apps[1]);

        Assert.Equal(new PipelineCoupling("shopfront", PipelineStage.Staging), staging.Pipeline);
        Assert.Equal(new PipelineCoupling("shopfront", PipelineStage.Production), production.Pipeline);
        foreach (var app in system.Apps)
        {
            // Both apps run the repository's Procfile: same process types, commands and release phase.
            Assert.Equal(fromRepository.Processes.Select(p => (p.Type, p.Command)), app.Processes.Select(p => (p.Type, p.Command)));
            Assert.Equal(fromRepository.Release!.Command, app.Release!.Command);
            Assert.Contains(app.Processes, p => p.Type == "clock");
            Assert.True(app.Processes.Count(p => !p.IsWeb && p.Type != "clock") >= 3);
            Assert.Contains(system.Addons, a => a.Service == "heroku-redis" && a.Attachments.Single().App == app.Name);
            Assert.NotEmpty(app.Domains);
        }

        Assert.True(production.HasFeature("preboot"));
        Assert.False(staging.HasFeature("preboot"));
        var web = production.Processes.Single(p => p.IsWeb);
        Assert.True(DynoSizes.Find(web.Size).SupportsAutoscaling);
        Assert.NotNull(web.Autoscaling);
        Assert.NotEqual(staging.Processes.Select(p => (p.Size, p.Quantity)), production.Processes.Select(p => (p.Size, p.Quantity)));
        Assert.NotEqual(
            system.Addons.Where(a => a.Attachments[0].App == staging.Name).Select(a => a.Plan),
            system.Addons.Where(a => a.Attachments[0].App == production.Name).Select(a => a.Plan));
    }
}
