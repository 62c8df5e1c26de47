using HerokuToCloud.Inventory;

namespace HerokuToCloud.Landing;

/// <summary>
/// Builds each datastore's values for one stack from the add-on of the stack's stage. A datastore
/// whose add-ons serve other stages only still exists (the program is the same for every stack),
/// sized like the add-on of the nearest stage.
/// </summary>
internal static class DatastorePlanning
{
    public static Datastore Build(DatastoreGroup group, PipelineStage? stage, FindingLog findings)
    {
        Validate(group);
        var member = Choose(group, stage, findings);
        var addon = member.Addon;
        var key = InventoryKeys.Addon(addon.Name);
        return group.Kind switch
        {
            AddonKind.Postgres => Postgres(group, addon, key, findings),
            AddonKind.Redis => Redis(group, addon, key, findings),
            _ => throw new InvalidOperationException($"{group.Kind} add-ons do not become datastores."),
        };
    }

    /// <summary>Checks every stage's add-on, not only the stack's, so that each stack fails or succeeds alike.</summary>
    private static void Validate(DatastoreGroup group)
    {
        foreach (var addon in group.Members.Select(m => m.Addon))
        {
            var key = InventoryKeys.Addon(addon.Name);
            if (group.Kind == AddonKind.Postgres)
            {
                PostgresPlans.Find(addon.Plan, $"{key}.plan");
                DatastoreVersions.Postgres(addon.Options, key, out _);
            }
            else
            {
                if (!AddonMapping.IsThirdPartyRedis(addon.Service))
                    RedisPlans.Find(addon.Plan, $"{key}.plan");
                DatastoreVersions.Redis(addon.Options, key);
            }
        }
    }

    private static DatastoreMember Choose(DatastoreGroup group, PipelineStage? stage, FindingLog findings)
    {
        if (group.IsStageless || stage is null)
            return group.Members[0];
        if (group.Members.FirstOrDefault(m => m.Stage == stage) is { } present)
            return present;
        var nearest = PipelineStages.Nearest(group.Members.Select(m => m.Stage!.Value), stage.Value);
        var chosen = group.Members.First(m => m.Stage == nearest);
        var stages = string.Join(", ", group.Members.Select(m => PipelineStages.Spell(m.Stage!.Value)).Order(StringComparer.Ordinal));
        findings.Info($"datastores[{group.Name}]",
            $"only the {stages} stage has this {group.Service} add-on; it exists in the {PipelineStages.Spell(stage.Value)} stack too " +
            $"(every stack has the same resources), sized like {chosen.Addon.Name} ({PipelineStages.Spell(nearest)}).");
        return chosen;
    }

    private static PostgresDatastore Postgres(DatastoreGroup group, Addon addon, string key, FindingLog findings)
    {
        var plan = PostgresPlans.Find(addon.Plan, $"{key}.plan");
        if (PostgresPlans.IsDefault(addon.Plan))
            findings.Info(key, $"no plan given: sized as Heroku's default heroku-postgresql plan, {plan.Name}.");
        if (plan.Ephemeral)
            findings.Info(key, "in-dyno is Heroku CI's throw-away database: landed as the smallest database, with no data to migrate.");
        if (plan.Name.EndsWith("-10", StringComparison.Ordinal))
        {
            findings.Warning(key,
                $"{plan.Name}: Heroku publishes no connection limit or disk size for *-10 plans; sized like *-9 ({plan.ConnectionLimit} connections, {plan.StorageGiB} GiB): check the database's size before deploying.");
        }

        var version = DatastoreVersions.Postgres(addon.Options, key, out var warning);
        if (warning is not null)
            findings.Warning(key, warning);

        return new PostgresDatastore
        {
            Name = group.Name,
            HerokuService = group.Service,
            HerokuPlan = plan.Name,
            Apps = group.Apps,
            Version = version,
            HighAvailability = plan.HighAvailability,
            Vcpu = plan.Vcpu,
            MemoryGiB = plan.MemoryGiB,
            Burstable = plan.Burstable,
            StorageGiB = plan.StorageGiB,
            MaxStorageGiB = plan.MaxStorageGiB,
            ConnectionLimit = plan.ConnectionLimit,
            BackupRetentionDays = plan.BackupRetentionDays,
            MigrateData = group.Members.Any(m => PostgresPlans.TryFind(m.Addon.Plan, out var p) && !p.Ephemeral),
        };
    }

    private static RedisDatastore Redis(DatastoreGroup group, Addon addon, string key, FindingLog findings)
    {
        RedisPlan plan;
        if (AddonMapping.IsThirdPartyRedis(addon.Service))
        {
            plan = RedisPlans.ThirdParty(addon.Plan);
            findings.Info(key,
                $"{group.Service} is plain Redis behind one URL: replaced by a new Redis/Valkey cache whose URL is rebuilt into the same config vars; cancel the {group.Service} subscription after the move.");
            if (!plan.SizeKnown)
            {
                findings.Warning(key,
                    $"{group.Service} plan '{addon.Plan}' does not say its size: sized at {plan.MemoryMiB} MiB on {plan.Nodes} node; set the memory the cache really needs in stack config.");
            }
        }
        else
        {
            plan = RedisPlans.Find(addon.Plan, $"{key}.plan");
            if (PostgresPlans.IsDefault(addon.Plan))
                findings.Info(key, $"no plan given: sized as Heroku's default heroku-redis plan, {plan.Name}.");
        }

        return new RedisDatastore
        {
            Name = group.Name,
            HerokuService = group.Service,
            HerokuPlan = plan.Name,
            Apps = group.Apps,
            Version = DatastoreVersions.Redis(addon.Options, key),
            HighAvailability = plan.HighAvailability,
            MemoryMiB = plan.MemoryMiB,
            Nodes = plan.Nodes,
        };
    }
}
