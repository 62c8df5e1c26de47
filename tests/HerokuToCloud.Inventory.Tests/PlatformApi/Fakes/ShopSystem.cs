using static HerokuToCloud.Tests.Fakes.HerokuResources;

namespace HerokuToCloud.Tests.Fakes;

/// <summary>
/// A two-app Heroku system served by a <see cref="FakeHerokuApi"/>: shop-web (web + release
/// phase, in pipeline "shop" at production, preboot, custom domains, two log drains) and
/// shop-worker (worker + clock, no pipeline, Heroku Scheduler). They share one Postgres
/// (attached to shop-web as DATABASE and HEROKU_POSTGRESQL_ONYX, to shop-worker as PRIMARY_DB,
/// and to shop-analytics, which is not captured) and one Redis. Every secret value is a canary
/// string so tests can prove where values do and do not end up.
/// </summary>
public static class ShopSystem
{
    public const string Web = "shop-web";
    public const string Worker = "shop-worker";
    public const int WebId = 100;
    public const int WorkerId = 200;

    public const string Postgres = "postgresql-shaped-12345";
    public const string Redis = "redis-rigid-67890";
    public const string Papertrail = "papertrail-flat-11111";
    public const string Scheduler = "scheduler-curly-4242";

    /// <summary>
    /// The only values a secrets file may contain: those of vars the team set, and of the Papertrail
    /// add-on, which the landing does not rebuild and reads from secret config.
    /// </summary>
    public static readonly IReadOnlyDictionary<(string App, string Var), string> KeptValues = new Dictionary<(string, string), string>
    {
        [(Web, "SECRET_KEY_BASE")] = "canary-team-web-skb-5e1f",
        [(Web, "RAILS_ENV")] = "production",
        [(Web, "NEXT_PUBLIC_API_BASE")] = "https://api.shop.example",
        [(Web, "LANG")] = "en_US.UTF-8",
        [(Web, "MULTILINE_PEM")] = "-----BEGIN KEY-----\ncanary-team-pem-line\n-----END KEY-----",
        [(Worker, "SECRET_KEY_BASE")] = "canary-team-worker-skb-77aa",
        [(Worker, "SIDEKIQ_CONCURRENCY")] = "10",
        [(Web, "PAPERTRAIL_API_TOKEN")] = "canary-addon-papertrail-token",
    };

    /// <summary>Values of the rebuilt Postgres and Redis add-ons' vars and of runtime vars: they must appear in no output at all.</summary>
    public static readonly IReadOnlyDictionary<(string App, string Var), string> DroppedValues = new Dictionary<(string, string), string>
    {
        [(Web, "DATABASE_URL")] = "postgres://u1:canary-addon-pg-pw@ec2-1.compute.amazonaws.com:5432/d1",
        [(Web, "HEROKU_POSTGRESQL_ONYX_URL")] = "postgres://u1:canary-addon-pg-pw@ec2-1.compute.amazonaws.com:5432/d1",
        [(Web, "REDIS_URL")] = "redis://:canary-addon-redis-pw@ec2-2.compute.amazonaws.com:6379",
        [(Web, "REDIS_TLS_URL")] = "rediss://:canary-addon-redis-pw@ec2-2.compute.amazonaws.com:6380",
        [(Web, "HEROKU_APP_NAME")] = "canary-runtime-app-name",
        [(Worker, "PRIMARY_DB_URL")] = "postgres://u1:canary-addon-pg-pw@ec2-1.compute.amazonaws.com:5432/d1",
        [(Worker, "REDIS_URL")] = "redis://:canary-addon-redis-pw@ec2-2.compute.amazonaws.com:6379",
        [(Worker, "REDIS_TLS_URL")] = "rediss://:canary-addon-redis-pw@ec2-2.compute.amazonaws.com:6380",
    };

    /// <summary>Secrets in log drain URLs: the inventory keeps only scheme, host and port.</summary>
    public static readonly IReadOnlyList<string> DrainSecrets = ["canary-drain-password", "canary-drain-query-token", "canary-drain-path-token"];

    public static IEnumerable<string> AllCanaries =>
        KeptValues.Values.Concat(DroppedValues.Values).Where(v => v.Contains("canary", StringComparison.Ordinal)).Concat(DrainSecrets)
            .Append("canary-team-pem-line");

    public static void Serve(FakeHerokuApi api)
    {
        var postgres = Addon(300, Postgres, "heroku-postgresql:standard-0", Web, WebId, "DATABASE_URL");
        var redis = Addon(310, Redis, "heroku-redis:premium-0", Web, WebId, "REDIS_URL", "REDIS_TLS_URL");
        var papertrail = Addon(320, Papertrail, "papertrail:choklad", Web, WebId, "PAPERTRAIL_API_TOKEN");
        var scheduler = Addon(330, Scheduler, "scheduler:standard", Worker, WorkerId);

        // shop-web
        api.Json($"/apps/{Web}", App(WebId, Web));
        api.List($"/apps/{Web}/formation",
        [
            Formation(110, Web, "web", "bundle exec puma -C config/puma.rb", 2, "performance-m"),
            Formation(111, Web, "release", "bundle exec rails db:migrate", 0, "standard-2x"),
            Formation(112, Web, "console", "bin/rails console", 0, "standard-1x"),
        ]);
        api.Json($"/apps/{Web}/config-vars", ConfigVars(Values(Web)));
        api.List($"/apps/{Web}/addons", [postgres, redis, papertrail]);
        var webAttachments = new[]
        {
            Attachment(400, "DATABASE", Web, WebId, postgres),
            Attachment(401, "HEROKU_POSTGRESQL_ONYX", Web, WebId, postgres),
            Attachment(402, "REDIS", Web, WebId, redis),
            Attachment(403, "PAPERTRAIL", Web, WebId, papertrail),
        };
        api.List($"/apps/{Web}/addon-attachments", webAttachments);
        api.List($"/apps/{Web}/domains",
        [
            Domain(500, Web, WebId, "shop-web-0123456789ab.herokuapp.com", "heroku"),
            Domain(501, Web, WebId, "www.shop.example", "custom"),
            Domain(502, Web, WebId, "api.shop.example", "custom"),
        ]);
        api.Json($"/apps/{Web}/pipeline-couplings", Coupling(600, WebId, 650, "production"));
        api.Json($"/pipelines/{Id(650)}", Pipeline(650, "shop"));
        api.List($"/apps/{Web}/buildpack-installations",
        [
            Buildpack(1, "heroku/ruby", "https://buildpack-registry.s3.amazonaws.com/buildpacks/heroku/ruby.tgz"),
            Buildpack(0, "heroku/nodejs", "https://buildpack-registry.s3.amazonaws.com/buildpacks/heroku/nodejs.tgz"),
        ]);
        api.List($"/apps/{Web}/features",
        [
            Feature(700, "preboot", true),
            Feature(701, "runtime-dyno-metadata", true),
            Feature(702, "http-session-affinity", false),
            Feature(703, "spaces-dns-discovery", false),
        ]);
        api.List($"/apps/{Web}/log-drains",
        [
            LogDrain(800, Web, WebId, "https://drain-user:canary-drain-password@logs.example.com:8443/canary-drain-path-token/ingest?token=canary-drain-query-token"),
            LogDrain(801, Web, WebId, "syslog+tls://logs5.papertrailapp.com:12345", papertrail),
        ]);

        // shop-worker
        api.Json($"/apps/{Worker}", App(WorkerId, Worker));
        api.List($"/apps/{Worker}/formation",
        [
            Formation(210, Worker, "worker", "bundle exec sidekiq -C config/sidekiq.yml", 3, "standard-2x"),
            Formation(211, Worker, "clock", "bundle exec clockwork clock.rb", 1, "standard-1x"),
        ]);
        api.Json($"/apps/{Worker}/config-vars", ConfigVars(Values(Worker)));
        api.List($"/apps/{Worker}/addons", [postgres, redis, scheduler]);
        var workerAttachments = new[]
        {
            Attachment(410, "PRIMARY_DB", Worker, WorkerId, postgres),
            Attachment(411, "REDIS", Worker, WorkerId, redis),
            Attachment(412, "SCHEDULER", Worker, WorkerId, scheduler),
        };
        api.List($"/apps/{Worker}/addon-attachments", workerAttachments);
        api.List($"/apps/{Worker}/domains", [Domain(510, Worker, WorkerId, "shop-worker-0123456789ab.herokuapp.com", "heroku")]);
        api.Error($"/apps/{Worker}/pipeline-couplings", 404, "not_found", "Couldn't find that pipeline coupling.");
        api.List($"/apps/{Worker}/buildpack-installations",
            [Buildpack(0, "heroku/ruby", "https://buildpack-registry.s3.amazonaws.com/buildpacks/heroku/ruby.tgz")]);
        api.List($"/apps/{Worker}/features", [Feature(710, "preboot", false)]);
        api.List($"/apps/{Worker}/log-drains", []);

        // Every attachment of each add-on, including one to an app outside the capture.
        api.List($"/addons/{Id(300)}/addon-attachments",
            [webAttachments[0], webAttachments[1], workerAttachments[0], Attachment(420, "ANALYTICS_DB", "shop-analytics", 250, postgres)]);
        api.List($"/addons/{Id(310)}/addon-attachments", [webAttachments[2], workerAttachments[1]]);
        api.List($"/addons/{Id(320)}/addon-attachments", [webAttachments[3]]);
        api.List($"/addons/{Id(330)}/addon-attachments", [workerAttachments[2]]);
    }

    /// <summary>
    /// After <see cref="Serve"/>: shop-worker without the shared Postgres, its DATABASE_URL set by hand (`heroku config:set
    /// DATABASE_URL=$(heroku config:get DATABASE_URL -a shop-web)`) to shop-web's Heroku Postgres URL, which it returns.
    /// </summary>
    public static string ServeWorkerWithWebsDatabaseUrlSetByHand(FakeHerokuApi api, params (string Var, string Value)[] more)
    {
        var databaseUrl = DroppedValues[(Web, "DATABASE_URL")];
        var postgres = Addon(300, Postgres, "heroku-postgresql:standard-0", Web, WebId, "DATABASE_URL");
        var redis = Addon(310, Redis, "heroku-redis:premium-0", Web, WebId, "REDIS_URL", "REDIS_TLS_URL");
        var scheduler = Addon(330, Scheduler, "scheduler:standard", Worker, WorkerId);
        api.List($"/apps/{Worker}/addons", [redis, scheduler]);
        api.List($"/apps/{Worker}/addon-attachments",
            [Attachment(411, "REDIS", Worker, WorkerId, redis), Attachment(412, "SCHEDULER", Worker, WorkerId, scheduler)]);
        api.List($"/addons/{Id(300)}/addon-attachments",
            [Attachment(400, "DATABASE", Web, WebId, postgres), Attachment(401, "HEROKU_POSTGRESQL_ONYX", Web, WebId, postgres)]);
        var values = Values(Worker).Where(v => v.Item1 != "PRIMARY_DB_URL").Append(("DATABASE_URL", databaseUrl)).Concat(more).ToArray();
        api.Json($"/apps/{Worker}/config-vars", ConfigVars(values));
        return databaseUrl;
    }

    private static (string, string)[] Values(string app) =>
        KeptValues.Concat(DroppedValues).Where(kv => kv.Key.App == app).Select(kv => (kv.Key.Var, kv.Value)).ToArray();
}
