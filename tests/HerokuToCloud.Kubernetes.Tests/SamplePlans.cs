using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes.Tests;

/// <summary>Landing plans built in code: a typical two-app system with every kind of element, and small variations of it.</summary>
internal static class SamplePlans
{
    public static ComputeSize Standard1X => new("standard-1x", 0.25m, 512, 1m, 1024);

    public static ComputeSize Performance => new("performance-m", 2m, 2560, 2m, 2560);

    /// <summary>A shop: a web app with a worker, release phase, two scheduler jobs, custom domains, Postgres and Redis; an admin app sharing the database.</summary>
    public static LandingPlan Shop(string stack = "prod", int webCount = 2, string[]? domains = null, bool highAvailability = true) => new()
    {
        System = "shop",
        Stack = stack,
        Apps =
        [
            new AppLanding
            {
                Name = "shop-web",
                HerokuApps = [$"shop-web-{stack}"],
                Services =
                [
                    new Service
                    {
                        Name = "web", Kind = ServiceKind.Web, Command = "bundle exec puma -C config/puma.rb", Compute = Standard1X,
                        Count = webCount, Rollout = Rollout.Preboot, Port = 5000, HealthCheckPath = "/health",
                    },
                    new Service { Name = "worker", Kind = ServiceKind.Worker, Command = "bundle exec sidekiq", Compute = Standard1X, Count = 1 },
                    new Service { Name = "clock_legacy", Kind = ServiceKind.Worker, Command = "bundle exec clockwork clock.rb", Compute = Standard1X, Count = 0 },
                ],
                Release = new ReleaseTask("bundle exec rails db:migrate", Standard1X),
                ScheduledTasks =
                [
                    new ScheduledTask("send-digests", "bundle exec rake digests:send", Standard1X, new CronSchedule("*/10", "*")),
                    new ScheduledTask("nightly_report", "bundle exec rake reports:nightly", Performance, new CronSchedule("30", "2")),
                ],
                Secrets =
                [
                    new SecretEntry("STRIPE_API_KEY", new FromSecretConfig("shopWebStripeApiKey")),
                    new SecretEntry("SECRET_KEY_BASE", new GeneratedSecret(64)),
                    new SecretEntry("DATABASE_URL", new FromDatastore("shop-db", DatastoreUrl.Url)),
                    new SecretEntry("REDIS_URL", new FromDatastore("shop-cache", DatastoreUrl.Url)),
                    new SecretEntry("REDIS_TLS_URL", new FromDatastore("shop-cache", DatastoreUrl.TlsUrl)),
                    new SecretEntry("RAILS_ENV", new FromSecretConfig("shopWebRailsEnv")),
                ],
                BuildSecrets = ["NPM_TOKEN"],
                Domains = domains ?? ["shop.example.com", "www.shop.example.com"],
                Image = new ImageBuild { Buildpacks = ["heroku/ruby"] },
            },
            new AppLanding
            {
                Name = "shop-admin",
                HerokuApps = [$"shop-admin-{stack}"],
                Services =
                [
                    new Service
                    {
                        Name = "web", Kind = ServiceKind.Web, Command = null, Compute = Performance, Count = 1,
                        Scaling = new ScalingRange(1, 4), WritableRootFilesystem = true,
                    },
                ],
                Secrets = [new SecretEntry("DATABASE_URL", new FromDatastore("shop-db", DatastoreUrl.Url))],
                Domains = [],
                Image = new ImageBuild { Dockerfile = "Dockerfile" },
            },
        ],
        Datastores =
        [
            new PostgresDatastore
            {
                Name = "shop-db", HerokuService = "heroku-postgresql", HerokuPlan = highAvailability ? "premium-0" : "standard-0",
                Apps = ["shop-web", "shop-admin"], Version = "16", HighAvailability = highAvailability,
                Vcpu = 2, MemoryGiB = 4, StorageGiB = 64, MaxStorageGiB = 256, ConnectionLimit = 120,
            },
            new RedisDatastore
            {
                Name = "shop-cache", HerokuService = "heroku-redis", HerokuPlan = "premium-0",
                Apps = ["shop-web"], Version = "7", MemoryMiB = 50,
            },
        ],
    };

    /// <summary>The smallest plan: one worker app, nothing else.</summary>
    public static LandingPlan WorkerOnly() => new()
    {
        System = "tiny",
        Stack = "dev",
        Apps =
        [
            new AppLanding
            {
                Name = "tiny",
                Services = [new Service { Name = "worker", Kind = ServiceKind.Worker, Command = "python worker.py", Compute = Standard1X }],
            },
        ],
    };
}
