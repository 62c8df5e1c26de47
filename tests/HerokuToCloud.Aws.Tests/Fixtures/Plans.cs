using HerokuToCloud.Landing;

namespace HerokuToCloud.Aws.Tests.Fixtures;

/// <summary>Landing plans built in code, shaped like what the planner produces for typical Heroku systems.</summary>
internal static class Plans
{
    public static ComputeSize PerformanceM => new("performance-m", 2m, 2560, 2m, 4096);

    public static ComputeSize Standard2X => new("standard-2x", 0.5m, 1024, 1m, 2048);

    public static ComputeSize Standard1X => new("standard-1x", 0.25m, 512, 0.5m, 1024);

    public static PostgresDatastore Database(string name = "emigrate-db", string plan = "standard-0", params string[] apps) => new()
    {
        Name = name,
        HerokuService = "heroku-postgresql",
        HerokuPlan = plan,
        Apps = apps.Length == 0 ? ["emigrate"] : apps,
        Version = "16",
        Vcpu = 2,
        MemoryGiB = 4,
        Burstable = true,
        StorageGiB = 64,
        MaxStorageGiB = 128,
        ConnectionLimit = 120,
        BackupRetentionDays = 4,
    };

    public static RedisDatastore Cache(string name = "emigrate-cache", params string[] apps) => new()
    {
        Name = name,
        HerokuService = "heroku-redis",
        HerokuPlan = "premium-0",
        Apps = apps.Length == 0 ? ["emigrate"] : apps,
        Version = "7.2",
        MemoryMiB = 50,
        Nodes = 2,
    };

    public static AppLanding Emigrate(IReadOnlyList<string>? domains = null) => new()
    {
        Name = "emigrate",
        HerokuApps = ["emigrate-production"],
        Services =
        [
            new Service
            {
                Name = "web", Kind = ServiceKind.Web, Command = "bundle exec puma -C config/puma.rb", Compute = PerformanceM, Count = 2,
                Scaling = new ScalingRange(2, 6), Rollout = Rollout.Preboot, Port = 5000, HealthCheckPath = "/up",
            },
            new Service { Name = "worker", Kind = ServiceKind.Worker, Command = "bundle exec sidekiq", Compute = Standard2X, Count = 1 },
            new Service { Name = "clock", Kind = ServiceKind.Worker, Command = "bundle exec clockwork clock.rb", Compute = Standard1X, Count = 0 },
        ],
        Release = new ReleaseTask("bundle exec rails db:migrate", Standard1X),
        ScheduledTasks = [new ScheduledTask("nightly-report", "bundle exec rake reports:nightly", Standard2X, new CronSchedule("30", "2"))],
        Secrets =
        [
            new SecretEntry("SECRET_KEY_BASE", new FromSecretConfig("emigrateSecretKeyBase")),
            new SecretEntry("STRIPE_API_KEY", new FromSecretConfig("emigrateStripeApiKey")),
            new SecretEntry("SESSION_SECRET", new GeneratedSecret()),
            new SecretEntry("DATABASE_URL", new FromDatastore("emigrate-db", DatastoreUrl.Url)),
            new SecretEntry("HEROKU_POSTGRESQL_ONYX_URL", new FromDatastore("emigrate-db", DatastoreUrl.Url)),
            new SecretEntry("REDIS_URL", new FromDatastore("emigrate-cache", DatastoreUrl.Url)),
            new SecretEntry("REDIS_TLS_URL", new FromDatastore("emigrate-cache", DatastoreUrl.TlsUrl)),
        ],
        Domains = domains ?? ["emigrate.example.com", "www.emigrate.example.com"],
    };

    public static LandingPlan EmigratePlan(string stack = "prod", IReadOnlyList<string>? domains = null) => new()
    {
        System = "emigrate",
        Stack = stack,
        Apps = [Emigrate(domains)],
        Datastores = [Database(), Cache()],
        Findings = [new PlanFinding(FindingSeverity.Warning, "papertrail", "Add-on papertrail has no AWS equivalent; its vars are kept as secret config.")],
    };

    /// <summary>A worker-only app without domains, database or release: the smallest useful plan.</summary>
    public static LandingPlan WorkerOnly() => new()
    {
        System = "mailer",
        Stack = "staging",
        Apps =
        [
            new AppLanding
            {
                Name = "mailer",
                Services = [new Service { Name = "worker", Kind = ServiceKind.Worker, Command = "node worker.js", Compute = Standard1X }],
                Secrets = [new SecretEntry("SMTP_PASSWORD", new FromSecretConfig("mailerSmtpPassword"))],
            },
        ],
    };
}
