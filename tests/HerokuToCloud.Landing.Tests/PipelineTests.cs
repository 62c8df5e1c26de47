using HerokuToCloud.Inventory;
using HerokuToCloud.Landing.Tests.Support;
using static HerokuToCloud.Landing.Tests.Support.Inventories;

namespace HerokuToCloud.Landing.Tests;

public class PipelineTests
{
    [Fact]
    public void Stages_of_a_pipeline_land_as_one_app()
    {
        var plan = LandingPlanner.Plan(Shop(), "prod");

        var app = Assert.Single(plan.Apps);
        Assert.Equal("shop-web", app.Name);
        Assert.Equal(["shop-web-production", "shop-web-staging"], app.HerokuApps);
        Assert.Equal("shop-web-production", app.SourceApp);
        Assert.Equal("production", plan.Stage);
        Assert.Equal("prod", plan.Stack);
    }

    [Fact]
    public void Every_stack_has_the_same_structure()
    {
        var production = LandingPlanner.Plan(Shop(), "prod");
        var staging = LandingPlanner.Plan(Shop(), "staging");

        Assert.Equal(PlanText.Structure(production), PlanText.Structure(staging));
        Assert.NotEqual(PlanText.Full(production), PlanText.Full(staging));
    }

    [Fact]
    public void Values_come_from_the_stacks_stage()
    {
        var production = LandingPlanner.Plan(Shop(), "production").Apps[0];
        var staging = LandingPlanner.Plan(Shop(), "stage").Apps[0];

        var (prodWeb, stagingWeb) = (production.Services[0], staging.Services[0]);
        Assert.Equal(("performance-m", 2, new ScalingRange(2, 6)), (prodWeb.Compute.HerokuSize, prodWeb.Count, prodWeb.Scaling));
        Assert.Equal(("standard-1x", 1, new ScalingRange(1, 1)), (stagingWeb.Compute.HerokuSize, stagingWeb.Count, stagingWeb.Scaling));
        Assert.Equal(["shop.example.com", "www.shop.example.com"], production.Domains);
        Assert.Equal(["staging.shop.example.com"], staging.Domains);
        Assert.Equal("standard-2x", production.Release!.Compute.HerokuSize);
        Assert.Equal("standard-1x", staging.Release!.Compute.HerokuSize);
        Assert.Equal("shop-web-staging", staging.SourceApp);
    }

    [Fact]
    public void A_process_a_stage_lacks_gets_zero_instances_there()
    {
        var clock = LandingPlanner.Plan(Shop(), "staging").Apps[0].Services.Single(s => s.Name == "clock");

        Assert.Equal(0, clock.Count);
        Assert.Contains(LandingPlanner.Plan(Shop(), "staging").Findings, f => f.Subject == "apps[shop-web].services[clock]" && f.Message.Contains("0 instances"));
        Assert.Equal("bundle exec clockwork clock.rb", clock.Command);
        Assert.Equal("standard-1x", clock.Compute.HerokuSize);
    }

    [Fact]
    public void A_job_a_stage_lacks_is_paused_there()
    {
        var production = LandingPlanner.Plan(Shop(), "prod").Apps[0].ScheduledTasks;
        var staging = LandingPlanner.Plan(Shop(), "staging").Apps[0].ScheduledTasks;

        Assert.Equal(["cleanup", "report"], production.Select(t => t.Name));
        Assert.Equal(["cleanup", "report"], staging.Select(t => t.Name));
        Assert.True(production.All(t => t.Enabled));
        Assert.Equal([true, false], staging.Select(t => t.Enabled));
        Assert.Equal("standard-2x", production[0].Compute.HerokuSize);
        Assert.Equal("standard-1x", staging[0].Compute.HerokuSize);
        Assert.Equal(new CronSchedule("30", "3"), staging[0].Schedule);
    }

    [Fact]
    public void Datastores_of_each_stage_are_one_datastore_sized_per_stack()
    {
        var production = LandingPlanner.Plan(Shop(), "prod");
        var staging = LandingPlanner.Plan(Shop(), "staging");

        Assert.Equal(["shop-web-db", "shop-web-postgresql-onyx", "shop-web-redis"], production.Datastores.Select(d => d.Name));
        var (prodDb, stagingDb) = ((PostgresDatastore)production.Datastores[0], (PostgresDatastore)staging.Datastores[0]);
        Assert.Equal(("standard-2", 2m, 8m, 256), (prodDb.HerokuPlan, prodDb.Vcpu, prodDb.MemoryGiB, prodDb.StorageGiB));
        Assert.Equal(("essential-1", 0.5m, 1m, 20), (stagingDb.HerokuPlan, stagingDb.Vcpu, stagingDb.MemoryGiB, stagingDb.StorageGiB));
        var (prodRedis, stagingRedis) = ((RedisDatastore)production.Datastores[2], (RedisDatastore)staging.Datastores[2]);
        Assert.Equal((7168, 2, true), (prodRedis.MemoryMiB, prodRedis.Nodes, prodRedis.HighAvailability));
        Assert.Equal((25, 1, false), (stagingRedis.MemoryMiB, stagingRedis.Nodes, stagingRedis.HighAvailability));
    }

    [Fact]
    public void A_datastore_only_one_stage_has_exists_in_every_stack_with_a_finding()
    {
        var staging = LandingPlanner.Plan(Shop(), "staging");

        var analytics = Assert.IsType<PostgresDatastore>(staging.Datastores.Single(d => d.Name == "shop-web-postgresql-onyx"));
        Assert.Equal("premium-4", analytics.HerokuPlan);
        Assert.Contains(staging.Findings, f => f.Severity == FindingSeverity.Info && f.Subject == "datastores[shop-web-postgresql-onyx]" && f.Message.Contains("production"));
        Assert.Contains(staging.Apps[0].Secrets, s => s.Name == "HEROKU_POSTGRESQL_ONYX_URL" && s.Source == new FromDatastore("shop-web-postgresql-onyx", DatastoreUrl.Url));
    }

    [Fact]
    public void Secrets_are_the_union_of_every_stage()
    {
        var production = LandingPlanner.Plan(Shop(), "prod");

        Assert.Equal(
            ["DATABASE_URL", "HEROKU_POSTGRESQL_ONYX_URL", "PAPERTRAIL_API_TOKEN", "REDIS_TLS_URL", "REDIS_URL", "SECRET_KEY_BASE", "STAGING_BANNER", "STRIPE_KEY"],
            production.Apps[0].Secrets.Select(s => s.Name));
        Assert.Equal(new FromSecretConfig("shop-web-STAGING_BANNER"), production.Apps[0].Secrets.Single(s => s.Name == "STAGING_BANNER").Source);
        Assert.Contains(production.Findings, f => f.Subject == "apps[shop-web-production].config[STAGING_BANNER]" && f.Message.Contains("shop-web-STAGING_BANNER"));
        Assert.Equal(["NPM_TOKEN"], production.Apps[0].BuildSecrets);
    }

    [Theory]
    [InlineData("prod", "production")]
    [InlineData("production", "production")]
    [InlineData("prd", "production")]
    [InlineData("prod-eu", "production")]
    [InlineData("shop_production", "production")]
    [InlineData("staging", "staging")]
    [InlineData("stage", "staging")]
    [InlineData("stg", "staging")]
    [InlineData("Staging", "staging")]
    public void Stack_names_select_stages(string stack, string stage)
    {
        Assert.Equal(stage, LandingPlanner.Plan(Shop(), stack).Stage);
    }

    [Theory]
    [InlineData("dev", PipelineStage.Development)]
    [InlineData("development", PipelineStage.Development)]
    [InlineData("review", PipelineStage.Review)]
    [InlineData("test", PipelineStage.Test)]
    [InlineData("qa", PipelineStage.Test)]
    [InlineData("prod", PipelineStage.Production)]
    [InlineData("staging-2", PipelineStage.Staging)]
    public void Stack_to_stage_mapping(string stack, PipelineStage stage)
    {
        Assert.Equal(stage, PipelineStages.ForStack(stack));
    }

    [Theory]
    [InlineData("main")]
    [InlineData("prod-staging")]
    [InlineData("dev")]
    public void A_stack_matching_no_stage_is_an_error_listing_valid_names(string stack)
    {
        var error = Assert.Throws<LandingException>(() => LandingPlanner.Plan(Shop(), stack));

        Assert.Contains($"stack '{stack}'", error.Message);
        Assert.Contains("prod, production, prd, staging, stage, stg", error.Message);
    }

    [Fact]
    public void Stack_names_of_a_system()
    {
        Assert.Equal(["prod", "staging"], LandingPlanner.StackNames(Shop()));
        Assert.Empty(LandingPlanner.StackNames(Emigrate()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("../prod")]
    [InlineData("prod stack")]
    public void Invalid_stack_names_are_an_error(string stack)
    {
        var error = Assert.Throws<LandingException>(() => LandingPlanner.Plan(Emigrate(), stack));

        Assert.Contains("stack", error.Message);
    }

    [Fact]
    public void Apps_in_no_pipeline_get_the_same_values_for_every_stack()
    {
        Assert.Equal(PlanText.Full(LandingPlanner.Plan(Emigrate(), "prod")).Replace("\"prod\"", "\"x\""),
            PlanText.Full(LandingPlanner.Plan(Emigrate(), "staging")).Replace("\"staging\"", "\"x\""));
        Assert.Null(LandingPlanner.Plan(Emigrate(), "anything").Stage);
    }

    [Theory]
    [InlineData("shop-web-staging", "shop-web")]
    [InlineData("staging-shop-web", "shop-web")]
    [InlineData("shop-prd-web", "shop-web")]
    [InlineData("shop-qa", "shop")]
    [InlineData("shop-dev-api", "shop-api")]
    [InlineData("production", null)]
    [InlineData("shop-preview", "shop-preview")]
    public void Role_names_drop_stage_words(string app, string? role)
    {
        Assert.Equal(role, PipelineStages.RoleName(app));
    }

    [Fact]
    public void Several_apps_per_stage_land_as_one_app_per_role()
    {
        var system = Sys("shop",
        [
            Staged("shop-web-staging", PipelineStage.Staging), Staged("shop-worker-staging", PipelineStage.Staging),
            Staged("shop-web-production", PipelineStage.Production), Staged("shop-worker-production", PipelineStage.Production),
        ]);

        var plan = LandingPlanner.Plan(system, "staging");

        Assert.Equal(["shop-web", "shop-worker"], plan.Apps.Select(a => a.Name));
        Assert.Equal(["shop-web-staging", "shop-worker-staging"], plan.Apps.Select(a => a.SourceApp));
    }

    [Fact]
    public void An_app_named_only_by_its_stage_takes_the_pipeline_name()
    {
        var system = Sys("shop", [Staged("production", PipelineStage.Production, "shop"), Staged("staging", PipelineStage.Staging, "shop")]);

        Assert.Equal("shop", Assert.Single(LandingPlanner.Plan(system, "prod").Apps).Name);
    }

    [Fact]
    public void A_role_a_stage_lacks_still_lands_with_zero_instances()
    {
        var system = Sys("shop",
        [
            Staged("shop-web-staging", PipelineStage.Staging), Staged("shop-web-production", PipelineStage.Production),
            Staged("shop-admin-production", PipelineStage.Production),
        ]);

        var staging = LandingPlanner.Plan(system, "staging");
        var production = LandingPlanner.Plan(system, "prod");

        var admin = staging.Apps.Single(a => a.Name == "shop-admin");
        Assert.Null(admin.SourceApp);
        Assert.Equal(0, admin.Services[0].Count);
        Assert.Equal(1, production.Apps.Single(a => a.Name == "shop-admin").Services[0].Count);
        Assert.Contains(staging.Findings, f => f.Subject == "apps[shop-admin]" && f.Message.Contains("staging"));
        Assert.Equal(PlanText.Structure(staging), PlanText.Structure(production));
    }

    [Fact]
    public void Two_apps_in_one_role_and_stage_are_an_error()
    {
        var system = Sys("shop", [Staged("shop-prod", PipelineStage.Production), Staged("shop-production", PipelineStage.Production)]);

        var error = Assert.Throws<LandingException>(() => LandingPlanner.Plan(system, "prod"));

        Assert.Contains("shop-prod and shop-production", error.Message);
        Assert.Contains("rename", error.Message);
    }

    [Fact]
    public void Different_commands_across_stages_use_productions_with_a_warning()
    {
        var system = Sys("shop",
        [
            Staged("shop-staging", PipelineStage.Staging) with { Processes = [Proc("web", command: "npm run start:staging")] },
            Staged("shop-production", PipelineStage.Production) with { Processes = [Proc("web", command: "npm start")] },
        ]);

        var staging = LandingPlanner.Plan(system, "staging");

        Assert.Equal("npm start", staging.Apps[0].Services[0].Command);
        Assert.Contains(staging.Findings, f => f.Severity == FindingSeverity.Warning && f.Subject == "apps[shop].services[web]" && f.Message.Contains("production"));
    }

    [Fact]
    public void Apps_outside_the_pipeline_keep_their_values_in_every_stack()
    {
        var system = Sys("shop",
            [Staged("shop-staging", PipelineStage.Staging), Staged("shop-production", PipelineStage.Production), App("shop-admin", Proc("web", "standard-2x", 2))],
            Addon("admin-db", "heroku-postgresql", "standard-0", Attach("shop-admin", "DATABASE")));

        var staging = LandingPlanner.Plan(system, "staging");
        var production = LandingPlanner.Plan(system, "prod");

        foreach (var plan in new[] { staging, production })
        {
            var admin = plan.Apps.Single(a => a.Name == "shop-admin");
            Assert.Equal((2, "standard-2x", "shop-admin"), (admin.Services[0].Count, admin.Services[0].Compute.HerokuSize, admin.SourceApp));
            Assert.Equal("standard-0", plan.Datastores.Single().HerokuPlan);
        }

        Assert.Equal(PlanText.Structure(staging), PlanText.Structure(production));
    }

    [Fact]
    public void A_datastore_shared_by_two_stages_is_the_same_in_every_stack()
    {
        var system = Sys("shop",
            [Staged("shop-staging", PipelineStage.Staging), Staged("shop-production", PipelineStage.Production)],
            Addon("one-db", "heroku-postgresql", "standard-2", Attach("shop-staging", "DATABASE"), Attach("shop-production", "DATABASE")));

        var staging = LandingPlanner.Plan(system, "staging");
        var production = LandingPlanner.Plan(system, "prod");

        Assert.Equal("shop-db", Assert.Single(staging.Datastores).Name);
        Assert.Equal("standard-2", staging.Datastores[0].HerokuPlan);
        Assert.Equal("standard-2", production.Datastores[0].HerokuPlan);
    }

    [Fact]
    public void Add_ons_are_only_merged_across_stages_never_within_one()
    {
        // Staging shares one database between web and worker; production has one each. Merging all
        // three would put two production databases into one datastore, so production's second stays apart.
        var system = Sys("shop",
            [
                Staged("shop-web-staging", PipelineStage.Staging), Staged("shop-worker-staging", PipelineStage.Staging),
                Staged("shop-web-production", PipelineStage.Production), Staged("shop-worker-production", PipelineStage.Production),
            ],
            Addon("db-staging", "heroku-postgresql", "essential-0", Attach("shop-web-staging", "DATABASE"), Attach("shop-worker-staging", "DATABASE")),
            Addon("db-web-production", "heroku-postgresql", "standard-0", Attach("shop-web-production", "DATABASE")),
            Addon("db-worker-production", "heroku-postgresql", "standard-2", Attach("shop-worker-production", "DATABASE")));

        var staging = LandingPlanner.Plan(system, "staging");
        var production = LandingPlanner.Plan(system, "prod");

        Assert.Equal(["shop-web-db", "shop-worker-db"], production.Datastores.Select(d => d.Name));
        Assert.Equal(["standard-0", "standard-2"], production.Datastores.Select(d => d.HerokuPlan));
        Assert.Equal(["essential-0", "standard-2"], staging.Datastores.Select(d => d.HerokuPlan));
        Assert.Equal(PlanText.Structure(staging), PlanText.Structure(production));

        // The stages disagree where the worker's DATABASE_URL points; production decides for every stack, and says so.
        Assert.Equal(new FromDatastore("shop-worker-db", DatastoreUrl.Url), staging.Apps.Single(a => a.Name == "shop-worker").Secrets.Single().Source);
        Assert.Contains(staging.Findings, f => f.Subject == "apps[shop-worker].secrets[DATABASE_URL]" && f.Severity == FindingSeverity.Warning && f.Message.Contains("shop-worker-db"));
    }

    private static HerokuApp Staged(string name, PipelineStage stage, string pipeline = "shop") =>
        App(name, Proc("web")) with { Pipeline = new PipelineCoupling(pipeline, stage) };
}
