using HerokuToCloud.Inventory;

namespace HerokuToCloud.Landing.Tests.Support;

/// <summary>Inventories built in code: small builders and two worked systems.</summary>
internal static class Inventories
{
    public static Process Proc(string type, string size = "standard-1x", int quantity = 1, string? command = null, Autoscaling? autoscaling = null) =>
        new() { Type = type, Command = command ?? $"bin/{type}", Size = size, Quantity = quantity, Autoscaling = autoscaling };

    public static ConfigVar Team(string name, bool buildTime = false) => new() { Name = name, BuildTime = buildTime };

    public static ConfigVar Generated(string name) => new() { Name = name, Value = ConfigValueSource.Generated };

    public static ConfigVar Runtime(string name) => new() { Name = name, Kind = ConfigVarKind.Runtime, Value = ConfigValueSource.Platform };

    public static ConfigVar Injected(string name, string addon) =>
        new() { Name = name, Kind = ConfigVarKind.Addon, Addon = addon, Value = ConfigValueSource.Addon };

    public static AddonAttachment Attach(string app, string name, params string[] vars) => new() { App = app, Name = name, ConfigVars = vars };

    public static Addon Addon(string name, string service, string plan, params AddonAttachment[] attachments) =>
        new() { Name = name, Service = service, Plan = plan, Attachments = attachments };

    public static HerokuApp App(string name, params Process[] processes) => new() { Name = name, Processes = processes };

    public static HerokuSystem Sys(string name, HerokuApp[] apps, params Addon[] addons) =>
        new() { Name = name, Apps = apps, Addons = addons };

    /// <summary>One app, one process, nothing else: the smallest thing that plans.</summary>
    public static HerokuSystem Single(HerokuApp app, params Addon[] addons) => Sys("single", [app], addons);

    /// <summary>
    /// The emigrate example: a static frontend, a backend with the database, an emailer worker on the
    /// same database with an hourly scheduler job.
    /// </summary>
    public static HerokuSystem Emigrate() => Sys(
        "emigrate",
        [
            App("emigrate-frontend", Proc("web", command: "node static.js")),
            App("emigrate-backend", Proc("web", command: "node server.ts")) with
            {
                Config = [Injected("DATABASE_URL", "postgresql-emigrate"), Team("FRONTEND_URL")],
            },
            App("emigrate-emailer", Proc("worker", command: "node worker.ts")) with
            {
                Config = [Injected("DATABASE_URL", "postgresql-emigrate")],
                Scheduler = [new ScheduledJob { Name = "send-digest", Command = "node job.ts", Frequency = SchedulerFrequency.Hourly(0) }],
            },
        ],
        Addon("postgresql-emigrate", "heroku-postgresql", "essential-0",
            Attach("emigrate-backend", "DATABASE", "DATABASE_URL"),
            Attach("emigrate-emailer", "DATABASE", "DATABASE_URL")),
        Addon("scheduler-emigrate", "scheduler", "standard", Attach("emigrate-emailer", "SCHEDULER")));

    /// <summary>
    /// A staging/production pipeline. Production has more of everything: bigger dynos, autoscaling,
    /// a clock process, an analytics follower, a log add-on and a second job; staging has a var and a
    /// job of its own.
    /// </summary>
    public static HerokuSystem Shop()
    {
        var production = new HerokuApp
        {
            Name = "shop-web-production",
            Pipeline = new PipelineCoupling("shop", PipelineStage.Production),
            Stack = "heroku-24",
            Build = new AppBuild { Buildpacks = ["heroku/ruby", "heroku/nodejs"] },
            Features = ["preboot"],
            Processes =
            [
                Proc("web", "performance-m", 2, "bundle exec puma -C config/puma.rb", new Autoscaling(2, 6)),
                Proc("worker", "standard-2x", 3, "bundle exec sidekiq"),
                Proc("clock", "standard-1x", 1, "bundle exec clockwork clock.rb"),
            ],
            Release = new ReleasePhase("bundle exec rake db:migrate", "standard-2x"),
            Config =
            [
                Team("SECRET_KEY_BASE"), Team("STRIPE_KEY"), Runtime("PORT"), Team("NPM_TOKEN", buildTime: true),
                Injected("DATABASE_URL", "shop-db-production"), Injected("REDIS_URL", "shop-redis-production"),
            ],
            Scheduler =
            [
                new ScheduledJob { Name = "cleanup", Command = "bundle exec rake cleanup", Frequency = SchedulerFrequency.Daily(3, 30), Size = "standard-2x" },
                new ScheduledJob { Name = "report", Command = "bundle exec rake report", Frequency = SchedulerFrequency.Hourly(20) },
            ],
            Domains = [new Domain("www.shop.example.com"), new Domain("shop.example.com")],
            LogDrains = ["syslog+tls://logs.example.net:6514"],
        };
        var staging = new HerokuApp
        {
            Name = "shop-web-staging",
            Pipeline = new PipelineCoupling("shop", PipelineStage.Staging),
            Stack = "heroku-24",
            Build = new AppBuild { Buildpacks = ["heroku/ruby", "heroku/nodejs"] },
            Processes =
            [
                Proc("web", "standard-1x", 1, "bundle exec puma -C config/puma.rb"),
                Proc("worker", "standard-1x", 1, "bundle exec sidekiq"),
            ],
            Release = new ReleasePhase("bundle exec rake db:migrate"),
            Config = [Team("SECRET_KEY_BASE"), Team("STRIPE_KEY"), Team("STAGING_BANNER"), Runtime("PORT")],
            Scheduler =
            [
                new ScheduledJob { Name = "cleanup", Command = "bundle exec rake cleanup", Frequency = SchedulerFrequency.Daily(3, 30) },
            ],
            Domains = [new Domain("staging.shop.example.com")],
        };

        return new HerokuSystem
        {
            Name = "shop",
            Apps = [production, staging],
            Addons =
            [
                Addon("shop-db-production", "heroku-postgresql", "standard-2", Attach("shop-web-production", "DATABASE", "DATABASE_URL")),
                Addon("shop-db-staging", "heroku-postgresql", "essential-1", Attach("shop-web-staging", "DATABASE", "DATABASE_URL")),
                Addon("shop-analytics", "heroku-postgresql", "premium-4", Attach("shop-web-production", "HEROKU_POSTGRESQL_ONYX", "HEROKU_POSTGRESQL_ONYX_URL")),
                Addon("shop-redis-production", "heroku-redis", "premium-7", Attach("shop-web-production", "REDIS", "REDIS_URL", "REDIS_TLS_URL")),
                Addon("shop-redis-staging", "heroku-redis", "mini", Attach("shop-web-staging", "REDIS", "REDIS_URL", "REDIS_TLS_URL")),
                Addon("shop-papertrail", "papertrail", "choklad", Attach("shop-web-production", "PAPERTRAIL", "PAPERTRAIL_API_TOKEN")),
                Addon("shop-scheduler", "scheduler", "standard", Attach("shop-web-production", "SCHEDULER"), Attach("shop-web-staging", "SCHEDULER")),
            ],
        };
    }
}
