namespace HerokuToCloud.Data.Validation;

/// <summary>How hard <see cref="DataValidator"/> works and how much it lists.</summary>
public sealed record ValidationOptions
{
    /// <summary>Server processes per side: this many sessions share one snapshot, and a large table's parallel workers take some of them.</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary>Differing rows listed per table; the totals still count every one found.</summary>
    public int MaxListedRowsPerTable { get; init; } = 20;

    /// <summary>A differing chunk with at most this many rows on each side is compared row by row; a bigger one is split and hashed again.</summary>
    public int LeafRows { get; init; } = 4096;

    /// <summary>Rows per side and table that row-by-row comparison may fetch; beyond it the table's totals are lower bounds.</summary>
    public long MaxRowsNarrowed { get; init; } = 200_000;

    /// <summary>Show column values of changed rows (truncated); off when data must not appear in logs.</summary>
    public bool IncludeValues { get; init; } = true;

    internal void Check()
    {
        if (Jobs < 1)
            throw new DataMigrationException($"--jobs must be at least 1 (got {Jobs}).");
        if (MaxListedRowsPerTable < 0)
            throw new DataMigrationException($"the listing cap must not be negative (got {MaxListedRowsPerTable}).");
        if (LeafRows < 1 || MaxRowsNarrowed < 1)
            throw new DataMigrationException("validation chunk sizes must be positive.");
    }
}
