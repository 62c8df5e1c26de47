namespace HerokuToCloud.Landing;

/// <summary>A datastore that replaces a Heroku data add-on, with the apps that use it.</summary>
public abstract record Datastore
{
    /// <summary>Resource-safe name.</summary>
    public required string Name { get; init; }

    /// <summary>The Heroku add-on it replaces ("heroku-postgresql:standard-0" as service and plan).</summary>
    public required string HerokuService { get; init; }

    public required string HerokuPlan { get; init; }

    /// <summary>Apps allowed to reach it (network rules) and the vars rebuilt for them.</summary>
    public IReadOnlyList<string> Apps { get; init; } = [];

    /// <summary>Engine major version ("16"); stack config on the target.</summary>
    public required string Version { get; init; }

    /// <summary>Standby in another zone / extra replicas (Heroku premium, private and shield plans).</summary>
    public bool HighAvailability { get; init; }
}

/// <summary>A PostgreSQL database sized from a Heroku Postgres plan.</summary>
public sealed record PostgresDatastore : Datastore
{
    public required decimal Vcpu { get; init; }

    public required decimal MemoryGiB { get; init; }

    /// <summary>The plan's CPU is burstable/shared (essential, mini, *-0).</summary>
    public bool Burstable { get; init; }

    public required int StorageGiB { get; init; }

    /// <summary>Upper bound for storage autoscaling.</summary>
    public required int MaxStorageGiB { get; init; }

    public required int ConnectionLimit { get; init; }

    public int BackupRetentionDays { get; init; } = 7;

    /// <summary>Copy the Heroku data into it after creation (the data-migration step).</summary>
    public bool MigrateData { get; init; } = true;
}

/// <summary>A Redis/Valkey cache sized from a Heroku Key-Value Store (heroku-redis) plan.</summary>
public sealed record RedisDatastore : Datastore
{
    public required int MemoryMiB { get; init; }

    /// <summary>Total nodes (1 primary + replicas).</summary>
    public int Nodes { get; init; } = 1;
}
