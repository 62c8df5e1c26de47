using System.Collections.Frozen;

namespace HerokuToCloud.Inventory;

/// <summary>
/// The well-known add-on services and the config vars their attachments inject. Heroku names an
/// add-on's vars after the attachment: the default attachment name is the service's config var
/// prefix, and "as NAME" replaces that prefix. The Platform API reports the real names
/// (add-on config_vars); this catalog is what file capture uses when no API is at hand.
/// Sources: each provider's Heroku Dev Center page (e.g. MONGOLAB_URI, BONSAI_URL, SCOUT_KEY and
/// SCOUT_MONITOR, NEW_RELIC_LICENSE_KEY and NEW_RELIC_LOG) and reference/heroku-facts.md §3b, §5a.
/// </summary>
public static class AddonCatalog
{
    /// <summary>The plan recorded for a bare service name the catalog has no default for.</summary>
    public const string UnknownDefaultPlan = "default";

    private static readonly FrozenDictionary<string, KnownAddon> Services = new KnownAddon[]
    {
        new("heroku-postgresql", "DATABASE", ["URL"], "essential-0"),
        new("heroku-redis", "REDIS", ["URL", "TLS_URL"], "mini"),
        new(AddonServices.Scheduler, "SCHEDULER", [], "standard"),
        new("heroku-kafka", "KAFKA", ["URL", "TRUSTED_CERT", "CLIENT_CERT", "CLIENT_CERT_KEY"], null),
        new("memcachier", "MEMCACHIER", ["SERVERS", "USERNAME", "PASSWORD"], null),
        new("sendgrid", "SENDGRID", ["USERNAME", "PASSWORD"], null),
        new("mailgun", "MAILGUN", ["API_KEY", "DOMAIN", "PUBLIC_KEY", "SMTP_LOGIN", "SMTP_PASSWORD", "SMTP_PORT", "SMTP_SERVER"], null),
        new("papertrail", "PAPERTRAIL", ["API_TOKEN"], null),
        new("newrelic", "NEW_RELIC", ["LICENSE_KEY", "LOG"], null),
        new("scout", "SCOUT", ["KEY", "MONITOR"], null),
        new("sentry", "SENTRY", ["DSN"], null),
        new("rollbar", "ROLLBAR", ["ACCESS_TOKEN", "ENDPOINT"], null),
        new("cloudamqp", "CLOUDAMQP", ["URL", "APIKEY"], null),
        new("jawsdb", "JAWSDB", ["URL"], null),
        new("jawsdb-maria", "JAWSDB_MARIA", ["URL"], null),
        new("mongolab", "MONGOLAB", ["URI"], null),
        new("bonsai", "BONSAI", ["URL"], null),
        new("searchbox", "SEARCHBOX", ["URL", "SSL_URL"], null),
        new("redisgreen", "REDISGREEN", ["URL"], null),
        new("rediscloud", "REDISCLOUD", ["URL"], null),
        new("cloudinary", "CLOUDINARY", ["URL"], null),
        new("bucketeer", "BUCKETEER", ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION", "BUCKET_NAME"], null),
    }.ToFrozenDictionary(a => a.Service, StringComparer.Ordinal);

    public static IEnumerable<KnownAddon> All => Services.Values.OrderBy(a => a.Service, StringComparer.Ordinal);

    public static bool TryFind(string service, out KnownAddon addon) => Services.TryGetValue(service, out addon!);

    /// <summary>
    /// The catalog entry, or a guess for a service the catalog does not know: attachment SERVICE_NAME
    /// (upper case, dashes to underscores), one var NAME_URL, no default plan.
    /// </summary>
    public static KnownAddon Describe(string service) =>
        TryFind(service, out var known)
            ? known
            : new KnownAddon(service, service.ToUpperInvariant().Replace('-', '_'), ["URL"], null);
}
