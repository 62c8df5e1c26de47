using System.Collections.Frozen;
using HerokuToCloud.Inventory;

namespace HerokuToCloud.Landing;

/// <summary>What the landing does with an add-on service.</summary>
public enum AddonKind
{
    /// <summary>Becomes a <see cref="PostgresDatastore"/>.</summary>
    Postgres,

    /// <summary>Becomes a <see cref="RedisDatastore"/>.</summary>
    Redis,

    /// <summary>Heroku Scheduler: consumed; its jobs are the apps' scheduler entries.</summary>
    Scheduler,

    /// <summary>A log drain service: logs go to the target's log store, the drain is re-created by hand.</summary>
    Logging,

    /// <summary>Not generated: reported, and its vars kept as team secret config.</summary>
    Unsupported,
}

/// <summary>The landing's rule for one add-on service: its kind, what it is and what to do instead.</summary>
public sealed record AddonRule(AddonKind Kind, string What, string Suggestion);

/// <summary>
/// Add-on service → landing rule. The services rebuilt as datastores, Heroku Scheduler and the log
/// drain services are named in <see cref="AddonServices"/>, which capture reads too; the rest are
/// third-party services that speak another protocol (Memcached, MySQL, MongoDB, RabbitMQ,
/// Elasticsearch) or SaaS accounts, reported here with a suggestion.
/// </summary>
public static class AddonMapping
{
    /// <summary>What happens to an app's logs on the new platform; the log service rule and each log drain's finding say it alike.</summary>
    internal const string LogsMove = "logs now go to the platform's log store, which collects the containers' output";

    private static readonly FrozenDictionary<string, AddonRule> Rules = Build();

    public static AddonRule For(string service) =>
        Rules.TryGetValue(service.Trim(), out var rule)
            ? rule
            : new AddonRule(AddonKind.Unsupported, "a third-party add-on",
                "keep the provider account, or replace the service");

    /// <summary>True for Redis add-ons outside Heroku, whose plans are sized by <see cref="RedisPlans.ThirdParty"/>.</summary>
    public static bool IsThirdPartyRedis(string service) => AddonServices.IsIn(AddonServices.RedisCompatible, service);

    private static FrozenDictionary<string, AddonRule> Build()
    {
        var rules = new Dictionary<string, AddonRule>(StringComparer.OrdinalIgnoreCase);
        void Unsupported(string what, string suggestion, params string[] services)
        {
            foreach (var service in services)
                rules[service] = new AddonRule(AddonKind.Unsupported, what, suggestion);
        }

        foreach (var s in AddonServices.Postgres)
            rules[s] = new AddonRule(AddonKind.Postgres, "PostgreSQL", "rebuilt as a new PostgreSQL database; the data is migrated");
        foreach (var s in AddonServices.HerokuRedis)
            rules[s] = new AddonRule(AddonKind.Redis, "Redis", "rebuilt as a new Redis/Valkey cache");
        foreach (var s in AddonServices.RedisCompatible)
            rules[s] = new AddonRule(AddonKind.Redis, "Redis (third-party)", "rebuilt as a new Redis/Valkey cache; the app only needs its redis:// URL");
        rules[AddonServices.Scheduler] = new AddonRule(AddonKind.Scheduler, "Heroku Scheduler", "its jobs land as scheduled jobs of the apps");
        foreach (var s in AddonServices.Logging)
        {
            rules[s] = new AddonRule(AddonKind.Logging, "a log drain service", $"{LogsMove}; re-create the drain to this service from there if you keep it");
        }

        Unsupported("MySQL", "use a managed MySQL service (or a MySQL operator on a cluster) and point the URL secret at it", "jawsdb", "cleardb");
        Unsupported("MariaDB", "use a managed MariaDB service (or a MariaDB operator on a cluster) and point the URL secret at it", "jawsdb-maria");
        Unsupported("MongoDB", "use MongoDB Atlas (or another managed MongoDB service) and point the URL secret at it", "mongolab", "mongohq", "objectrocket", "ormongo");
        Unsupported("Memcached", "use a managed Memcached service (or run memcached yourself) and point the server secrets at it", "memcachier", "memcachedcloud");
        Unsupported("Elasticsearch/OpenSearch", "use a managed OpenSearch service (or an OpenSearch operator) and point the URL secret at it", "bonsai", "searchbox", "foundelasticsearch");
        Unsupported("RabbitMQ", "use a managed RabbitMQ service (or a RabbitMQ operator) and point the URL secret at it", "cloudamqp", "rabbitmq-bigwig");
        Unsupported("Apache Kafka", "use a managed Kafka service (or a Kafka operator such as Strimzi) and point the secrets at it", "heroku-kafka", "cloudkarafka");
        Unsupported("object storage", "create a bucket in your cloud's object storage (or keep the provider's) and point the secrets at it", "bucketeer", "cloudcube");
        Unsupported("e-mail delivery", "keep the provider account (or move to your cloud's e-mail service)", "sendgrid", "mailgun", "postmark", "mandrill", "mailjet", "sparkpost", "mailtrap");
        Unsupported("application monitoring", "keep the account and its agent", "newrelic", "scout", "appsignal", "skylight", "librato", "heroku-metrics");
        Unsupported("error tracking", "keep the account", "sentry", "rollbar", "honeybadger", "bugsnag", "raygun", "airbrake");
        Unsupported("a static outbound IP proxy", "give the network's NAT gateway fixed addresses and allow-list them, then remove the proxy", "fixie", "fixie-socks", "quotaguard", "quotaguardstatic", "proximo");
        Unsupported("Salesforce sync", "keep Heroku Connect running or replace it with a Salesforce integration", "heroku-connect");
        Unsupported("TLS certificates", "certificates come from the target (the load balancer's or the cluster's certificate manager); drop this add-on", "ssl", "expeditedssl");
        Unsupported("a dyno autoscaler", "the target's autoscaling replaces it (see the services' scaling range); drop this add-on", "rails-autoscale", "judoscale", "hirefire", "adept-scale");
        Unsupported("a third-party scheduler", "add its jobs to the inventory's scheduler section so they land as scheduled jobs", "advanced-scheduler", "cron-to-go", "temporize");
        Unsupported("deploy notifications", "use your CI's deploy notifications; drop this add-on", "deployhooks");
        Unsupported("media processing", "keep the account", "cloudinary");
        Unsupported("realtime messaging", "keep the account", "pusher");

        return rules.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
