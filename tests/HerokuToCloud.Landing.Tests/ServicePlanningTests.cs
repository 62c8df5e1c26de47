using HerokuToCloud.Inventory;
using static HerokuToCloud.Landing.Tests.Support.Inventories;

namespace HerokuToCloud.Landing.Tests;

public class ServicePlanningTests
{
    [Fact]
    public void Web_is_the_web_service_on_8080_and_others_are_workers()
    {
        var app = App("app", Proc("worker", quantity: 2), Proc("web", "standard-2x", 3), Proc("clock"));

        var services = LandingPlanner.Plan(Single(app), "prod").Apps[0].Services;

        Assert.Equal(["web", "clock", "worker"], services.Select(s => s.Name));
        Assert.Equal([ServiceKind.Web, ServiceKind.Worker, ServiceKind.Worker], services.Select(s => s.Kind));
        Assert.Equal(8080, services[0].Port);
        Assert.Equal(3, services[0].Count);
        Assert.Equal(2, services[2].Count);
        Assert.Equal(new ComputeSize("standard-2x", 0.5m, 1024, 1m, 2048), services[0].Compute);
        Assert.Equal("bin/web", services[0].Command);
    }

    [Fact]
    public void Long_process_types_sharing_a_beginning_land_as_different_services()
    {
        var app = App("app", Proc("web"), Proc("worker_log_parser_fail_raw_sheriffed"), Proc("worker_log_parser_fail_raw_unsheriffed"));

        var services = LandingPlanner.Plan(Single(app), "prod").Apps[0].Services;

        Assert.Equal(3, services.Select(s => s.Name).Distinct().Count());
        Assert.All(services, s => Assert.True(ResourceNames.IsValid(s.Name), s.Name));
    }

    [Fact]
    public void Port_from_the_inventory_is_kept()
    {
        var app = App("app", Proc("web") with { Port = 3000 });

        Assert.Equal(3000, LandingPlanner.Plan(Single(app), "prod").Apps[0].Services[0].Port);
    }

    [Fact]
    public void Zero_quantity_stays_zero()
    {
        var app = App("app", Proc("web"), Proc("worker", quantity: 0));

        Assert.Equal(0, LandingPlanner.Plan(Single(app), "prod").Apps[0].Services.Single(s => s.Name == "worker").Count);
    }

    [Fact]
    public void Autoscaling_becomes_a_scaling_range()
    {
        var app = App("app", Proc("web", "performance-m", 2, autoscaling: new Autoscaling(2, 8, 500)), Proc("worker"));

        var services = LandingPlanner.Plan(Single(app), "prod").Apps[0].Services;

        Assert.Equal(new ScalingRange(2, 8), services[0].Scaling);
        Assert.Null(services[1].Scaling);
    }

    [Fact]
    public void Impossible_autoscaling_bounds_are_an_error()
    {
        var app = App("app", Proc("web", "performance-m", 2, autoscaling: new Autoscaling(5, 2)));

        var error = Assert.Throws<LandingException>(() => LandingPlanner.Plan(Single(app), "prod"));

        Assert.Contains("apps[app].processes[web].autoscaling", error.Message);
    }

    [Fact]
    public void Preboot_rolls_the_web_service_without_losing_capacity()
    {
        var app = App("app", Proc("web"), Proc("worker")) with { Features = ["preboot"] };

        var services = LandingPlanner.Plan(Single(app), "prod").Apps[0].Services;

        Assert.Equal(Rollout.Preboot, services[0].Rollout);
        Assert.Equal(Rollout.Rolling, services[1].Rollout);
        Assert.Equal(Rollout.Rolling, LandingPlanner.Plan(Single(App("app", Proc("web"))), "prod").Apps[0].Services[0].Rollout);
    }

    [Fact]
    public void Release_phase_becomes_the_release_task()
    {
        var app = App("app", Proc("web")) with { Release = new ReleasePhase("rake db:migrate", "standard-2x") };

        var release = LandingPlanner.Plan(Single(app), "prod").Apps[0].Release;

        Assert.Equal(new ReleaseTask("rake db:migrate", new ComputeSize("standard-2x", 0.5m, 1024, 1m, 2048)), release);
    }

    [Fact]
    public void Scheduler_jobs_become_scheduled_tasks_with_unique_safe_names()
    {
        var app = App("app", Proc("web")) with
        {
            Scheduler =
            [
                new ScheduledJob { Name = "Send Digest", Command = "rake digest", Frequency = SchedulerFrequency.Daily(9, 30), Size = "standard-2x" },
                new ScheduledJob { Name = "send_digest", Command = "rake digest:eu", Frequency = SchedulerFrequency.Hourly(10) },
                new ScheduledJob { Name = "10min", Command = "rake tick", Frequency = SchedulerFrequency.EveryTenMinutes },
                new ScheduledJob { Name = "web", Command = "rake warm", Frequency = SchedulerFrequency.Hourly(0) },
            ],
        };

        var tasks = LandingPlanner.Plan(Single(app), "prod").Apps[0].ScheduledTasks;

        Assert.Equal(["job-10min", "send-digest", "send-digest-2", "web-2"], tasks.Select(t => t.Name));
        var digest = tasks.Single(t => t.Name == "send-digest");
        Assert.Equal("rake digest", digest.Command);
        Assert.Equal(new CronSchedule("30", "9"), digest.Schedule);
        Assert.Equal("standard-2x", digest.Compute.HerokuSize);
        Assert.True(digest.Enabled);
        Assert.Equal(new CronSchedule("*/10", "*"), tasks[0].Schedule);
        Assert.All(tasks, t => Assert.True(ResourceNames.IsValid(t.Name)));
    }

    [Fact]
    public void Dockerfile_from_heroku_yml_builds_the_image()
    {
        var app = App("app", Proc("web"), Proc("worker")) with
        {
            Build = new AppBuild { Dockerfiles = new Dictionary<string, string> { ["worker"] = "Dockerfile", ["web"] = "Dockerfile" } },
        };

        var plan = LandingPlanner.Plan(Single(app), "prod");

        Assert.Equal("Dockerfile", plan.Apps[0].Image.Dockerfile);
        Assert.Empty(plan.Apps[0].Image.Buildpacks);
        Assert.DoesNotContain(plan.Findings, f => f.Subject == "apps[app].image");
    }

    [Fact]
    public void Different_dockerfiles_per_process_use_the_web_one_and_warn()
    {
        var app = App("app", Proc("web"), Proc("worker")) with
        {
            Build = new AppBuild { Dockerfiles = new Dictionary<string, string> { ["worker"] = "worker.Dockerfile", ["web"] = "Dockerfile" } },
        };

        var plan = LandingPlanner.Plan(Single(app), "prod");

        Assert.Equal("Dockerfile", plan.Apps[0].Image.Dockerfile);
        Assert.Contains(plan.Findings, f => f.Severity == FindingSeverity.Warning && f.Subject == "apps[app].image" && f.Message.Contains("worker.Dockerfile"));
    }

    [Fact]
    public void Buildpacks_are_kept_with_a_pack_build_hint()
    {
        var app = App("app", Proc("web")) with
        {
            Stack = "heroku-22",
            Build = new AppBuild { Buildpacks = ["heroku/nodejs", "https://github.com/heroku/heroku-buildpack-apt"] },
        };

        var plan = LandingPlanner.Plan(Single(app), "prod");

        Assert.Equal(["heroku/nodejs", "https://github.com/heroku/heroku-buildpack-apt"], plan.Apps[0].Image.Buildpacks);
        Assert.Null(plan.Apps[0].Image.Dockerfile);
        var hint = Assert.Single(plan.Findings, f => f.Severity == FindingSeverity.Info && f.Subject == "apps[app].image");
        Assert.Contains("pack build", hint.Message);
        Assert.Contains("--builder heroku/builder:22 --buildpack heroku/nodejs`", hint.Message);
        Assert.Contains(plan.Findings, f => f.Severity == FindingSeverity.Warning && f.Subject == "apps[app].image" && f.Message.Contains("heroku-buildpack-apt"));
    }

    [Fact]
    public void Postdeploy_script_is_a_warning()
    {
        var app = App("app", Proc("web")) with { PostDeploy = "bin/rake db:seed" };

        var finding = Assert.Single(LandingPlanner.Plan(Single(app), "prod").Findings, f => f.Subject == "apps[app].postdeploy");

        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains("bin/rake db:seed", finding.Message);
        Assert.Contains("data migration", finding.Message);
    }

    [Fact]
    public void Domains_are_normalised_and_sorted()
    {
        var app = App("app", Proc("web")) with { Domains = [new Domain("WWW.Example.com."), new Domain("example.com"), new Domain("www.example.com")] };

        Assert.Equal(["example.com", "www.example.com"], LandingPlanner.Plan(Single(app), "prod").Apps[0].Domains);
    }

    [Fact]
    public void Unknown_dyno_size_names_the_process()
    {
        var app = App("app", Proc("worker", "mega-9x"));

        var error = Assert.Throws<LandingException>(() => LandingPlanner.Plan(Single(app), "prod"));

        Assert.Contains("apps[app].processes[worker].size", error.Message);
    }

    [Fact]
    public void Log_drains_notes_and_features_are_reported()
    {
        var app = App("app", Proc("web")) with
        {
            LogDrains = ["syslog+tls://logs.example.net:6514"],
            Notes = ["uses a websocket upgrade on /cable"],
            Features = ["runtime-dyno-metadata"],
        };
        var system = Single(app) with { Notes = ["captured from app.json"] };

        var findings = LandingPlanner.Plan(system, "prod").Findings;

        Assert.Contains(findings, f => f.Severity == FindingSeverity.Warning && f.Subject == "apps[app].logDrains" && f.Message.Contains("logs.example.net"));
        // Notes are listed once each, as info: they are remarks, not problems the plan found.
        Assert.Equal(FindingSeverity.Info, Assert.Single(findings, f => f.Subject == "apps[app]" && f.Message == "uses a websocket upgrade on /cable").Severity);
        Assert.Equal(FindingSeverity.Info, Assert.Single(findings, f => f.Subject == "system" && f.Message == "captured from app.json").Severity);
        Assert.Contains(findings, f => f.Severity == FindingSeverity.Info && f.Subject == "apps[app].features[runtime-dyno-metadata]");
    }
}
