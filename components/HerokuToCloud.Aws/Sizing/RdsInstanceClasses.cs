using HerokuToCloud.Landing;

namespace HerokuToCloud.Aws;

/// <summary>An RDS DB instance class with its vCPUs and memory.</summary>
public sealed record DbInstanceClass(string Name, int Vcpu, decimal MemoryGiB);

/// <summary>
/// Picks the RDS for PostgreSQL instance class for a database of the plan (heroku-facts 7a/7c):
/// burstable plans (essential, mini, *-0) get the smallest Graviton t4g class that holds them;
/// memory-heavy plans (more than 4 GiB per vCPU, Heroku's *-3 and up) the smallest r7g; the rest the
/// smallest m7g. A family that cannot hold the plan falls through to the next larger one, and the
/// largest plans (96 and 128 vCPU) land on r7i, the only classes that size.
/// </summary>
public static class RdsInstanceClasses
{
    public static IReadOnlyList<DbInstanceClass> Burstable { get; } =
    [
        new("db.t4g.micro", 2, 1), new("db.t4g.small", 2, 2), new("db.t4g.medium", 2, 4),
        new("db.t4g.large", 2, 8), new("db.t4g.xlarge", 4, 16), new("db.t4g.2xlarge", 8, 32),
    ];

    public static IReadOnlyList<DbInstanceClass> General { get; } =
    [
        new("db.m7g.large", 2, 8), new("db.m7g.xlarge", 4, 16), new("db.m7g.2xlarge", 8, 32), new("db.m7g.4xlarge", 16, 64),
        new("db.m7g.8xlarge", 32, 128), new("db.m7g.12xlarge", 48, 192), new("db.m7g.16xlarge", 64, 256),
    ];

    public static IReadOnlyList<DbInstanceClass> MemoryOptimized { get; } =
    [
        new("db.r7g.large", 2, 16), new("db.r7g.xlarge", 4, 32), new("db.r7g.2xlarge", 8, 64), new("db.r7g.4xlarge", 16, 128),
        new("db.r7g.8xlarge", 32, 256), new("db.r7g.12xlarge", 48, 384), new("db.r7g.16xlarge", 64, 512),
        new("db.r7i.24xlarge", 96, 768), new("db.r7i.48xlarge", 192, 1536),
    ];

    public static DbInstanceClass Pick(PostgresDatastore database)
    {
        var families = database.Burstable ? [Burstable, General, MemoryOptimized]
            : database.MemoryGiB > 4 * database.Vcpu ? new[] { MemoryOptimized }
            : [General, MemoryOptimized];
        foreach (var family in families)
        {
            var fit = family.FirstOrDefault(c => c.Vcpu >= database.Vcpu && c.MemoryGiB >= database.MemoryGiB);
            if (fit is not null)
                return fit;
        }

        throw new AwsLandingException(
            $"Database {database.Name} ({database.HerokuService}:{database.HerokuPlan}) needs {database.Vcpu} vCPU and {database.MemoryGiB} GiB; " +
            $"no RDS class this tool knows is that large (the largest is {MemoryOptimized[^1].Name}). Set the instance class in stack config by hand after generating with a smaller plan.");
    }
}
