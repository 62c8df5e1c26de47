namespace HerokuToCloud.Inventory;

/// <summary>
/// The add-on services heroku2cloud treats by name, listed once for capture and landing alike:
/// the datastores the landing rebuilds, Heroku Scheduler and the log drain services. Capture needs
/// the rebuilt set to decide which add-on values <c>--secrets-out</c> may keep (the URL of a rebuilt
/// datastore is made new, so its Heroku value must never travel); the landing's AddonMapping turns
/// the same lists into what each add-on becomes. One list, so capture never keeps a value the
/// landing rebuilds, nor drops one the generated program reads from secret config.
/// </summary>
/// <remarks>
/// Heroku Key-Value Store is service "heroku-redis" (older plans) or "heroku-key-value-store". Redis
/// Cloud, RedisGreen and Redis To Go sell plain Redis reached through one redis:// URL with no
/// provider API the app depends on, so a managed Redis/Valkey replaces them too.
/// </remarks>
public static class AddonServices
{
    /// <summary>Heroku Scheduler: its jobs have no API and live in each app's scheduler section.</summary>
    public const string Scheduler = "scheduler";

    /// <summary>Rebuilt as a new PostgreSQL database; the data is migrated.</summary>
    public static readonly IReadOnlyList<string> Postgres = ["heroku-postgresql"];

    /// <summary>Heroku's own Redis, rebuilt as a new Redis/Valkey.</summary>
    public static readonly IReadOnlyList<string> HerokuRedis = ["heroku-redis", "heroku-key-value-store"];

    /// <summary>Third-party Redis, rebuilt as a new Redis/Valkey (plans sized differently from Heroku's).</summary>
    public static readonly IReadOnlyList<string> RedisCompatible = ["rediscloud", "redisgreen", "redistogo"];

    /// <summary>Log drain services: logs move to the target's log store; the add-on's vars stay the team's secrets.</summary>
    public static readonly IReadOnlyList<string> Logging =
    [
        "papertrail", "logentries", "loggly", "sumologic", "solarwinds", "coralogix", "logdna", "mezmo",
        "logtail", "timber-logging", "logzio",
    ];

    /// <summary>
    /// True when the landing replaces the add-on with a datastore it builds, so every var the add-on
    /// injects is rebuilt from the new resource and its Heroku value is never copied.
    /// </summary>
    public static bool IsRebuiltDatastore(string service) =>
        IsIn(Postgres, service) || IsIn(HerokuRedis, service) || IsIn(RedisCompatible, service);

    public static bool IsScheduler(string service) => string.Equals(service.Trim(), Scheduler, StringComparison.OrdinalIgnoreCase);

    /// <summary>Service names compare like Heroku's CLI accepts them: case and surrounding blanks do not matter.</summary>
    public static bool IsIn(IReadOnlyList<string> services, string service) =>
        services.Contains(service.Trim(), StringComparer.OrdinalIgnoreCase);
}
