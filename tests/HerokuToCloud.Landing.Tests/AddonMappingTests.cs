using HerokuToCloud.Inventory;
using static HerokuToCloud.Landing.Tests.Support.Inventories;

namespace HerokuToCloud.Landing.Tests;

public class AddonMappingTests
{
    [Theory]
    [InlineData("heroku-postgresql", AddonKind.Postgres)]
    [InlineData("heroku-redis", AddonKind.Redis)]
    [InlineData("heroku-key-value-store", AddonKind.Redis)]
    [InlineData("rediscloud", AddonKind.Redis)]
    [InlineData("redisgreen", AddonKind.Redis)]
    [InlineData("redistogo", AddonKind.Redis)]
    [InlineData("scheduler", AddonKind.Scheduler)]
    [InlineData("papertrail", AddonKind.Logging)]
    [InlineData("logentries", AddonKind.Logging)]
    [InlineData("loggly", AddonKind.Logging)]
    [InlineData("sumologic", AddonKind.Logging)]
    [InlineData("solarwinds", AddonKind.Logging)]
    [InlineData("coralogix", AddonKind.Logging)]
    [InlineData("logdna", AddonKind.Logging)]
    [InlineData("mezmo", AddonKind.Logging)]
    [InlineData("memcachier", AddonKind.Unsupported)]
    [InlineData("jawsdb", AddonKind.Unsupported)]
    [InlineData("some-new-addon", AddonKind.Unsupported)]
    public void Services_are_classified(string service, AddonKind kind)
    {
        Assert.Equal(kind, AddonMapping.For(service).Kind);
    }

    /// <summary>
    /// Capture keeps an add-on var's Heroku value exactly when <see cref="AddonServices.IsRebuiltDatastore"/>
    /// is false, so the plan must read every other add-on var from secret config, and rebuild the rest.
    /// </summary>
    [Fact]
    public void The_landing_rebuilds_exactly_the_add_ons_the_inventory_catalog_calls_rebuilt()
    {
        var services = AddonServices.Postgres.Concat(AddonServices.HerokuRedis).Concat(AddonServices.RedisCompatible)
            .Concat(AddonServices.Logging).Append(AddonServices.Scheduler)
            .Concat(AddonCatalog.All.Select(a => a.Service)).Append("some-new-addon")
            .Distinct(StringComparer.Ordinal);

        foreach (var service in services)
        {
            var plan = LandingPlanner.Plan(Single(App("app", Proc("web")), Addon("thing", service, PlanOf(service), Attach("app", "THING", "THING_URL"))), "prod");

            var source = Assert.Single(plan.Apps[0].Secrets).Source;
            Assert.True(AddonServices.IsRebuiltDatastore(service) == source is FromDatastore, $"{service}: the plan reads THING_URL from {source}");
            Assert.Equal(AddonServices.IsScheduler(service), AddonMapping.For(service).Kind == AddonKind.Scheduler);
            Assert.Equal(AddonServices.IsIn(AddonServices.Logging, service), AddonMapping.For(service).Kind == AddonKind.Logging);
        }

        static string PlanOf(string service) =>
            AddonServices.IsIn(AddonServices.Postgres, service) ? "standard-0" : AddonServices.IsIn(AddonServices.HerokuRedis, service) ? "premium-0" : "plan-a";
    }

    [Theory]
    [InlineData("jawsdb", "MySQL", "managed MySQL service")]
    [InlineData("jawsdb-maria", "MariaDB", "managed MariaDB service")]
    [InlineData("cleardb", "MySQL", "managed MySQL service")]
    [InlineData("mongolab", "MongoDB", "MongoDB Atlas")]
    [InlineData("memcachier", "Memcached", "managed Memcached service")]
    [InlineData("bonsai", "Elasticsearch", "OpenSearch")]
    [InlineData("cloudamqp", "RabbitMQ", "managed RabbitMQ service")]
    [InlineData("sendgrid", "e-mail", "keep the provider account")]
    [InlineData("newrelic", "monitoring", "keep the account")]
    [InlineData("sentry", "error tracking", "keep the account")]
    [InlineData("fixie", "outbound IP", "NAT gateway")]
    [InlineData("whatever-saas", "third-party", "keep the provider account")]
    public void Unsupported_addons_are_reported_with_a_reason_and_a_suggestion(string service, string what, string suggestion)
    {
        var app = App("app", Proc("web"));
        var plan = LandingPlanner.Plan(Single(app, Addon("thing", service, "plan-a", Attach("app", "THING", "THING_URL"))), "prod");

        var finding = Assert.Single(plan.Findings, f => f.Subject == "addons[thing]");
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.StartsWith($"{service}:plan-a (", finding.Message);
        Assert.Contains(what, finding.Message);
        Assert.Contains(suggestion, finding.Message);
        Assert.Contains("kept as secret config: app-THING_URL", finding.Message);
        Assert.Equal([new SecretEntry("THING_URL", new FromSecretConfig("app-THING_URL"))], plan.Apps[0].Secrets);
        Assert.Empty(plan.Datastores);
    }

    [Fact]
    public void Log_addons_warn_that_logs_move_and_the_drain_must_be_recreated()
    {
        var plan = LandingPlanner.Plan(Single(App("app", Proc("web")), Addon("pt", "papertrail", "choklad", Attach("app", "PAPERTRAIL", "PAPERTRAIL_API_TOKEN"))), "prod");

        var finding = Assert.Single(plan.Findings, f => f.Subject == "addons[pt]");
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains("log store", finding.Message);
        Assert.Contains("re-create the drain", finding.Message);
        Assert.Equal(new FromSecretConfig("app-PAPERTRAIL_API_TOKEN"), Assert.Single(plan.Apps[0].Secrets).Source);
    }

    [Fact]
    public void A_log_add_on_whose_drain_the_app_lists_says_to_recreate_it_once()
    {
        // As capture --app records it: the add-on's drain among the app's log drains, and a note on where it came from.
        var app = App("app", Proc("web")) with
        {
            LogDrains = ["syslog+tls://logs5.papertrailapp.com:12345"],
            Notes = ["log drain to syslog+tls://logs5.papertrailapp.com:12345 (added by add-on pt): any path, query and credentials in its URL were left out."],
        };
        var plan = LandingPlanner.Plan(Single(app, Addon("pt", "papertrail", "choklad", Attach("app", "PAPERTRAIL", "PAPERTRAIL_API_TOKEN"))), "prod");

        var recreate = Assert.Single(plan.Findings, f => f.Message.Contains("re-create the drain", StringComparison.Ordinal));
        Assert.Equal(("apps[app].logDrains", FindingSeverity.Warning), (recreate.Subject, recreate.Severity));
        Assert.Contains("logs5.papertrailapp.com", recreate.Message);
        var addon = Assert.Single(plan.Findings, f => f.Subject == "addons[pt]");
        Assert.Equal(FindingSeverity.Info, addon.Severity);
        Assert.Contains("kept as secret config: app-PAPERTRAIL_API_TOKEN", addon.Message);
    }

    [Fact]
    public void Scheduler_is_consumed_and_a_missing_job_list_is_a_warning()
    {
        var withJobs = App("a", Proc("web")) with
        {
            Scheduler = [new ScheduledJob { Name = "tick", Command = "rake tick", Frequency = SchedulerFrequency.EveryTenMinutes }],
        };
        var withoutJobs = App("b", Proc("web"));
        var scheduler = Addon("sched", "scheduler", "standard", Attach("a", "SCHEDULER"), Attach("b", "SCHEDULER"));

        var plan = LandingPlanner.Plan(Sys("s", [withJobs, withoutJobs], scheduler), "prod");

        Assert.Contains(plan.Findings, f => f.Severity == FindingSeverity.Info && f.Subject == "addons[sched]" && f.Message.Contains("scheduled jobs"));
        Assert.Contains(plan.Findings, f => f.Severity == FindingSeverity.Warning && f.Subject == "apps[b].scheduler" && f.Message.Contains("no public API"));
        Assert.DoesNotContain(plan.Findings, f => f.Subject == "apps[a].scheduler");
        Assert.Empty(plan.Datastores);
        Assert.All(plan.Apps, a => Assert.Empty(a.Secrets));
        Assert.Single(plan.Apps.Single(a => a.Name == "a").ScheduledTasks);
    }

    [Fact]
    public void Attachment_to_an_app_outside_the_inventory_is_a_warning()
    {
        var plan = LandingPlanner.Plan(
            Single(App("app", Proc("web")), Addon("db", "heroku-postgresql", "standard-0", Attach("app", "DATABASE"), Attach("legacy-admin", "DATABASE"))),
            "prod");

        Assert.Contains(plan.Findings, f => f.Severity == FindingSeverity.Warning && f.Subject == "addons[db].attachments[legacy-admin/DATABASE]");
        Assert.Equal(["app"], plan.Datastores[0].Apps);
    }

    [Fact]
    public void Supported_addons_become_datastores_with_unique_names()
    {
        var system = Single(
            App("app", Proc("web")),
            Addon("db-a", "heroku-postgresql", "standard-0", Attach("app", "DATABASE")),
            Addon("db-b", "heroku-postgresql", "standard-0", Attach("app", "HEROKU_POSTGRESQL_ONYX")),
            Addon("orphan", "heroku-redis", "mini"),
            Addon("cache", "heroku-redis", "mini", Attach("app", "REDIS")));

        var plan = LandingPlanner.Plan(system, "prod");

        Assert.Equal(["app-db", "app-postgresql-onyx", "app-redis", "orphan"], plan.Datastores.Select(d => d.Name));
        Assert.Empty(plan.Datastores.Single(d => d.Name == "orphan").Apps);
    }

    [Fact]
    public void Datastore_names_never_clash_with_each_other_or_apps()
    {
        var system = Sys(
            "s",
            [App("app-db", Proc("web")), App("app", Proc("web"))],
            Addon("db", "heroku-postgresql", "mini", Attach("app", "DATABASE")),
            Addon("orphan", "heroku-redis", "mini") with { Name = "app-redis" },
            Addon("cache", "heroku-redis", "mini", Attach("app", "REDIS")));

        var plan = LandingPlanner.Plan(system, "prod");

        var names = plan.Apps.Select(a => a.Name).Concat(plan.Datastores.Select(d => d.Name)).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Contains("app-db-2", names);
        Assert.All(names, n => Assert.True(ResourceNames.IsValid(n), n));
    }
}
