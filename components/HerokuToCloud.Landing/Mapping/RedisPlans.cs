using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace HerokuToCloud.Landing;

/// <summary>A Redis plan in platform-neutral numbers (heroku-facts 3a, 8c).</summary>
/// <param name="Name">Plan name, for example "premium-0".</param>
/// <param name="MemoryMiB">The plan's RAM (MB figures carried as MiB; 1 GB = 1024).</param>
/// <param name="Nodes">Total nodes: mini 1; premium, private and shield 2 (a primary and a replica).</param>
/// <param name="HighAvailability">Nodes in separate zones: plans 7 and up, Heroku's dedicated instances.</param>
/// <param name="SizeKnown">False when the provider publishes no size for the plan and the numbers are a default.</param>
public sealed record RedisPlan(string Name, int MemoryMiB, int Nodes, bool HighAvailability, bool SizeKnown = true);

/// <summary>
/// Plans of the Redis add-ons the landing replaces with a managed Redis/Valkey: Heroku Key-Value
/// Store (service "heroku-redis", also spelled "heroku-key-value-store") and the Redis-compatible
/// third-party add-ons (<see cref="HerokuToCloud.Inventory.AddonServices.RedisCompatible"/>).
/// </summary>
public static partial class RedisPlans
{
    /// <summary>What a bare "heroku-redis" (no plan, or "default") provisions: the mini plan.</summary>
    public const string DefaultPlan = "mini";

    /// <summary>Memory assumed for a third-party plan whose size is not in its name: large enough not to evict a typical cache.</summary>
    public const int UnknownPlanMemoryMiB = 1024;

    private static readonly FrozenDictionary<string, RedisPlan> Heroku = Build();

    public static IEnumerable<RedisPlan> All => Heroku.Values.OrderBy(p => p.Name, StringComparer.Ordinal);

    public static bool TryFind(string plan, out RedisPlan found) =>
        Heroku.TryGetValue(PostgresPlans.IsDefault(plan) ? DefaultPlan : PostgresPlans.WithoutService(plan), out found!);

    /// <summary>A Heroku Key-Value Store plan; an unknown plan is a <see cref="LandingException"/> naming <paramref name="key"/>.</summary>
    public static RedisPlan Find(string plan, string key) =>
        TryFind(plan, out var found)
            ? found
            : throw new LandingException(
                $"{key}: '{plan}' is not a heroku-redis plan; use one of {string.Join(", ", All.Select(p => p.Name))} (or \"default\" for {DefaultPlan}).");

    /// <summary>
    /// A third-party Redis plan. Redis Cloud names its plans by memory in MB ("rediscloud:30",
    /// "rediscloud:1000"), so a plan that starts with a number is that many MiB; any other plan
    /// gets <see cref="UnknownPlanMemoryMiB"/> and <see cref="RedisPlan.SizeKnown"/> false.
    /// One node: these providers' replication is not described by the plan name.
    /// </summary>
    public static RedisPlan ThirdParty(string plan)
    {
        var trimmed = PostgresPlans.WithoutService(plan);
        var match = LeadingMegabytes().Match(trimmed);
        return match.Success && int.TryParse(match.Groups["mb"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var mb) && mb > 0
            ? new RedisPlan(trimmed, mb, 1, false)
            : new RedisPlan(trimmed, UnknownPlanMemoryMiB, 1, false, SizeKnown: false);
    }

    private static FrozenDictionary<string, RedisPlan> Build()
    {
        var plans = new List<RedisPlan>
        {
            new("mini", 25, 1, false),
            new("hobby-dev", 25, 1, false),   // legacy name of mini (same 25 MB)
            new("in-dyno", 25, 1, false),     // Heroku CI's instance inside the test dyno
        };

        // Multitenant premium plans: 2 nodes, one zone (heroku-facts 8c).
        foreach (var (n, mib) in new[] { (0, 50), (1, 100), (2, 250), (3, 500), (4, 750), (5, 1024) })
            plans.Add(new($"premium-{n}", mib, 2, false));

        // Dedicated plans 7+: 2 nodes in separate zones; private and shield share premium's sizes.
        foreach (var tier in new[] { "premium", "private", "shield" })
        {
            foreach (var (n, gib) in new[] { (7, 7), (9, 10), (10, 25), (12, 50), (14, 100) })
                plans.Add(new($"{tier}-{n}", gib * 1024, 2, true));
        }

        return plans.ToFrozenDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"^(?<mb>\d{1,6})(?!\d)")]
    private static partial Regex LeadingMegabytes();
}
