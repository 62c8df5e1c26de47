using System.Collections.Frozen;

namespace HerokuToCloud.Landing;

/// <summary>
/// A Heroku Postgres plan in platform-neutral numbers (heroku-facts 2a, 2b, 7c).
/// </summary>
/// <param name="Name">Plan name, for example "standard-0".</param>
/// <param name="Tier">"legacy", "essential", "standard", "premium", "private", "shield" or "ci".</param>
/// <param name="Vcpu">vCPUs; shared plans publish none and get 0.5 (a design choice, see docs/mapping.md).</param>
/// <param name="MemoryGiB">RAM; Heroku's "GB" figures are carried as GiB so that 15.25 still needs a 16 GiB class.</param>
/// <param name="Burstable">Shared or "burstable, limited" CPU (legacy, essential and *-0 plans).</param>
/// <param name="StorageGiB">Heroku's disk, never below <see cref="PostgresPlans.MinimumStorageGiB"/>.</param>
/// <param name="ConnectionLimit">Heroku's connection limit; the target must allow at least this many.</param>
/// <param name="HighAvailability">A standby in another zone (premium, private, shield).</param>
/// <param name="RollbackDays">Heroku's rollback window (standard 4, premium/private/shield 7, others none).</param>
/// <param name="Ephemeral">Heroku CI's in-dyno database: test data only, nothing to migrate.</param>
public sealed record PostgresPlan(
    string Name,
    string Tier,
    decimal Vcpu,
    decimal MemoryGiB,
    bool Burstable,
    int StorageGiB,
    int ConnectionLimit,
    bool HighAvailability,
    int RollbackDays,
    bool Ephemeral = false)
{
    /// <summary>Upper bound for storage autoscaling: 2× as headroom (heroku-facts 7c).</summary>
    public int MaxStorageGiB => StorageGiB * 2;

    /// <summary>Heroku's rollback window, never below the baseline's 7 days (RDS.11).</summary>
    public int BackupRetentionDays => Math.Max(RollbackDays, PostgresPlans.MinimumBackupRetentionDays);
}

/// <summary>Every heroku-postgresql plan, current and legacy, with its numbers.</summary>
public static class PostgresPlans
{
    /// <summary>
    /// The plan a bare "heroku-postgresql" (no plan, or "default") stands for: Heroku's entry plan
    /// since the mini/hobby plans were retired, and the one its provisioning docs create.
    /// </summary>
    public const string DefaultPlan = "essential-0";

    /// <summary>Smallest volume the landing asks for; row-limited and 1 GB plans get this (heroku-facts 7c: 20).</summary>
    public const int MinimumStorageGiB = 20;

    /// <summary>Security baseline RDS.11: backups are kept at least 7 days.</summary>
    public const int MinimumBackupRetentionDays = 7;

    /// <summary>vCPU given to shared plans, which publish none.</summary>
    public const decimal SharedVcpu = 0.5m;

    private static readonly FrozenDictionary<string, PostgresPlan> ByName = Build();

    public static IEnumerable<PostgresPlan> All => ByName.Values.OrderBy(p => p.Name, StringComparer.Ordinal);

    /// <summary>True for the spellings that mean "whatever Heroku gives by default".</summary>
    public static bool IsDefault(string plan) =>
        WithoutService(plan) is var name && (name.Length == 0 || name.Equals("default", StringComparison.OrdinalIgnoreCase));

    public static bool TryFind(string plan, out PostgresPlan found) =>
        ByName.TryGetValue(IsDefault(plan) ? DefaultPlan : WithoutService(plan), out found!);

    /// <summary>The plan part of "service:plan" (some sources keep Heroku's full plan name).</summary>
    internal static string WithoutService(string plan)
    {
        var trimmed = plan.Trim();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? trimmed[(colon + 1)..].Trim() : trimmed;
    }

    /// <summary>The plan for an add-on; an unknown plan is a <see cref="LandingException"/> naming <paramref name="key"/>.</summary>
    public static PostgresPlan Find(string plan, string key) =>
        TryFind(plan, out var found)
            ? found
            : throw new LandingException(
                $"{key}: '{plan}' is not a heroku-postgresql plan; use one of {string.Join(", ", All.Select(p => p.Name))} (or \"default\" for {DefaultPlan}).");

    private static FrozenDictionary<string, PostgresPlan> Build()
    {
        var plans = new List<PostgresPlan>
        {
            // Shared plans (heroku-facts 2b): no vCPU or RAM published; sized as 7c lands them
            // (db.t4g.micro, 1 GiB; essential-2 db.t4g.small, 2 GiB), disk floored at 20 GiB.
            Shared("hobby-dev", "legacy", 20, 1, 0),
            Shared("hobby-basic", "legacy", 20, 1, 0),
            Shared("mini", "legacy", 20, 1, 0),
            Shared("basic", "legacy", 20, 1, 0),
            Shared("essential-0", "essential", 20, 1, 1),
            Shared("essential-1", "essential", 20, 1, 10),
            Shared("essential-2", "essential", 40, 2, 32),

            // Heroku CI's database inside the test dyno: throw-away, sized as the smallest plan.
            Shared("in-dyno", "ci", 20, 1, 0) with { Ephemeral = true },
        };

        // Production tiers share hardware (heroku-facts 2b); -l-/-xl- variants add disk on premium+.
        (string Suffix, decimal Vcpu, decimal MemoryGiB, int Connections, int DiskGiB, bool PremiumOnly)[] sizes =
        [
            ("0", 2, 4, 120, 64, false),
            ("2", 2, 8, 400, 256, false),
            ("3", 2, 15.25m, 500, 512, false),
            ("4", 4, 30.5m, 500, 768, false),
            ("5", 8, 61, 500, 1024, false),
            ("6", 16, 122, 500, 1536, false),
            ("l-6", 16, 122, 500, 2048, true),
            ("xl-6", 16, 122, 500, 3072, true),
            ("7", 32, 244, 500, 2048, false),
            ("8", 64, 488, 500, 3072, false),
            ("9", 96, 768, 500, 4096, false),
            ("l-9", 96, 768, 500, 5120, true),
            ("xl-9", 96, 768, 500, 6144, true),

            // *-10: 128 vCPU / 1 TB confirmed; connections and disk unconfirmed, so the -9 figures.
            ("10", 128, 1024, 500, 4096, false),
        ];
        foreach (var tier in new[] { "standard", "premium", "private", "shield" })
        {
            var ha = tier != "standard";
            foreach (var s in sizes.Where(s => ha || !s.PremiumOnly))
            {
                plans.Add(new PostgresPlan(
                    $"{tier}-{s.Suffix}", tier, s.Vcpu, s.MemoryGiB, Burstable: s.Suffix == "0",
                    Math.Max(s.DiskGiB, MinimumStorageGiB), s.Connections, ha, RollbackDays: ha ? 7 : 4));
            }
        }

        return plans.ToFrozenDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
    }

    private static PostgresPlan Shared(string name, string tier, int connections, decimal memoryGiB, int diskGiB) =>
        new(name, tier, SharedVcpu, memoryGiB, Burstable: true, Math.Max(diskGiB, MinimumStorageGiB), connections,
            HighAvailability: false, RollbackDays: 0);
}
