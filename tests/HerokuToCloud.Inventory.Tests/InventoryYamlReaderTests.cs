using HerokuToCloud.Inventory.Readers.InventoryYaml;
using HerokuToCloud.Inventory.Tests.Support;

namespace HerokuToCloud.Inventory.Tests;

public class InventoryYamlReaderTests
{
    private static HerokuSystem Full() => InventoryYamlReader.Read(Fixture.Text("inventory/full.yaml"), "full.yaml");

    [Fact]
    public void Reads_system_apps_and_sources()
    {
        var system = Full();

        Assert.Equal("tea-shop", system.Name);
        Assert.Equal(["tea-shop/app.json", "hand-edited"], system.Sources);
        Assert.Equal(["tea-shop-staging", "tea-shop"], system.Apps.Select(a => a.Name));
        Assert.Equal(["Staging shares the production database through a second attachment."], system.Notes);
    }

    [Fact]
    public void Reads_region_stack_pipeline_build_and_features()
    {
        var staging = Full().Apps[0];
        var production = Full().Apps[1];

        Assert.Equal("eu", staging.Region);
        Assert.Equal("heroku-24", staging.Stack);
        Assert.Equal(new PipelineCoupling("tea-shop", PipelineStage.Staging), staging.Pipeline);
        Assert.Equal(new PipelineCoupling("tea-shop", PipelineStage.Production), production.Pipeline);
        Assert.Equal(["heroku/nodejs", "https://github.com/example/buildpack-extra.git#v2"], staging.Build.Buildpacks);
        Assert.False(staging.Build.IsDocker);
        Assert.Equal("Dockerfile.worker", production.Build.Dockerfiles["worker"]);
        Assert.True(production.Build.IsDocker);
        Assert.True(production.HasFeature("preboot"));
        Assert.Empty(staging.Features);
    }

    [Fact]
    public void Reads_processes_with_canonical_sizes_and_defaults()
    {
        var staging = Full().Apps[0];

        var web = staging.Processes[0];
        Assert.Equal(("web", "node dist/server.js", "standard-2x", 1, (int?)5000), (web.Type, web.Command, web.Size, web.Quantity, web.Port));
        Assert.Null(staging.Processes[1].Port);
        var mailer = staging.Processes[1];
        Assert.Equal("basic", mailer.Size); // "hobby" is Heroku's old name for basic
        Assert.Equal(0, mailer.Quantity); // an unscaled non-web process type runs no dynos, as on Heroku
        var reports = staging.Processes[2];
        Assert.Equal(DynoSizes.Default, reports.Size);
        Assert.Equal(0, reports.Quantity);
        Assert.Equal(new ReleasePhase("npm run migrate", DynoSizes.Default), staging.Release);
    }

    [Fact]
    public void Reads_autoscaling_release_size_postdeploy_and_a_process_without_command()
    {
        var production = Full().Apps[1];

        var web = production.Processes[0];
        Assert.Null(web.Command);
        Assert.Equal(new Autoscaling(3, 10, 400), web.Autoscaling);
        Assert.Equal(new ReleasePhase("bin/migrate", "performance-m"), production.Release);
        Assert.Equal("bin/seed", production.PostDeploy);
    }

    [Fact]
    public void Config_vars_get_defaults_from_kind_and_the_build_time_heuristic()
    {
        var config = Full().Apps[0].Config.ToDictionary(c => c.Name);

        var shopName = config["NEXT_PUBLIC_SHOP_NAME"];
        Assert.Equal((ConfigVarKind.Team, ConfigValueSource.SecretConfig, true, true), (shopName.Kind, shopName.Value, shopName.BuildTime, shopName.Required));
        Assert.Equal("Shown in the header: baked in at build time.", shopName.Description);
        Assert.Equal(ConfigValueSource.Generated, config["SESSION_KEY"].Value);
        Assert.False(config["OPTIONAL_FLAG"].Required);
        Assert.True(config["OPTIONAL_FLAG"].BuildTime); // explicit, against the heuristic
        Assert.Equal((ConfigVarKind.Addon, "tea-db", ConfigValueSource.Addon), (config["DATABASE_URL"].Kind, config["DATABASE_URL"].Addon, config["DATABASE_URL"].Value));
        Assert.Equal((ConfigVarKind.Runtime, ConfigValueSource.Platform), (config["PORT"].Kind, config["PORT"].Value));
    }

    [Fact]
    public void Scheduler_jobs_parse_frequencies_and_get_unique_names_from_their_commands()
    {
        var jobs = Full().Apps[0].Scheduler;

        Assert.Equal(["expire-carts", "nightly-report", "expire-carts-2"], jobs.Select(j => j.Name));
        Assert.Equal(SchedulerFrequency.EveryTenMinutes, jobs[0].Frequency);
        Assert.Equal(SchedulerFrequency.Daily(2, 30), jobs[1].Frequency);
        Assert.Equal(SchedulerFrequency.Hourly(20), jobs[2].Frequency);
        Assert.Equal("performance-m", jobs[1].Size);
        Assert.Equal(DynoSizes.Default, jobs[0].Size);
    }

    [Fact]
    public void Domains_are_lower_cased_and_drains_and_notes_kept()
    {
        var system = Full();

        Assert.Equal([new Domain("staging.tea.example.com")], system.Apps[0].Domains);
        Assert.Equal([new Domain("shop.tea.example.com"), new Domain("*.tea.example.com")], system.Apps[1].Domains);
        Assert.Equal(["syslog+tls://logs.example.net:6514"], system.Apps[0].LogDrains);
        Assert.Equal(["Staging takes the same pipeline promotions as production."], system.Apps[0].Notes);
    }

    [Fact]
    public void Addons_are_shared_across_apps_with_options_as_text()
    {
        var addons = Full().Addons;

        var db = addons[0];
        Assert.Equal(("tea-db", "heroku-postgresql", "standard-0"), (db.Name, db.Service, db.Plan));
        Assert.Equal("16", db.Options["version"]);
        Assert.Equal("true", db.Options["fork"]);
        Assert.Equal(
            ["tea-shop as DATABASE: DATABASE_URL", "tea-shop as HEROKU_POSTGRESQL_ONYX: HEROKU_POSTGRESQL_ONYX_URL", "tea-shop-staging as DATABASE: DATABASE_URL"],
            db.Attachments.Select(a => $"{a.App} as {a.Name}: {string.Join(",", a.ConfigVars)}"));
        Assert.Empty(addons[2].Attachments);
    }

    [Fact]
    public void Reading_a_file_that_does_not_exist_names_it()
    {
        var error = Errors.Throws(() => InventoryYamlReader.ReadFile("/nonexistent/inventory.yaml"));
        Assert.Contains("/nonexistent/inventory.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Committed_example_inventories_read_without_error()
    {
        foreach (var example in new[] { "emigrate", "shopfront" })
        {
            var path = System.IO.Path.Combine(RepositoryRoot(), "stacks", example, "inventory.yaml");
            var system = InventoryYamlReader.ReadFile(path);
            Assert.Equal(example, system.Name);
        }
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "HerokuToCloud.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
