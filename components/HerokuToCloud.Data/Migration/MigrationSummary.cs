namespace HerokuToCloud.Data.Migration;

/// <summary>What a migration did, for the human report and the <c>--json</c> summary.</summary>
public sealed record MigrationSummary
{
    /// <summary>"live" (copied from a running database) or "backup" (restored from a pg_dump file).</summary>
    public required string Mode { get; init; }

    public required string Source { get; init; }

    public required string Target { get; init; }

    public required int Jobs { get; init; }

    /// <summary>True when this run continued an interrupted one.</summary>
    public bool Resumed { get; init; }

    /// <summary>
    /// When the target already held a complete copy of this source made by an earlier run (see
    /// <see cref="State.CompletedCopy"/>), the time that copy finished: this run copied nothing.
    /// </summary>
    public string? CopiedEarlier { get; init; }

    /// <summary>Copy units an earlier run had already committed (skipped by this one).</summary>
    public int ResumedUnits { get; init; }

    public int Units { get; init; }

    public required IReadOnlyList<TableSummary> Tables { get; init; }

    public required IReadOnlyList<PhaseSummary> Phases { get; init; }

    public long Rows => Tables.Sum(t => t.Rows);

    public long Bytes => Tables.Sum(t => t.Bytes);

    /// <summary>
    /// Rows this run itself moved. A resumed run skips the units the interrupted one committed, which
    /// <see cref="Rows"/> counts: a rate of Rows over <see cref="Seconds"/> would credit this run with work it
    /// did not do.
    /// </summary>
    public long RowsThisRun { get; init; }

    /// <summary>Bytes this run itself moved: what its throughput is measured by (see <see cref="RowsThisRun"/>).</summary>
    public long BytesThisRun { get; init; }

    public int Sequences { get; init; }

    public int LargeObjects { get; init; }

    public int PostDataItems { get; init; }

    public double Seconds { get; init; }

    /// <summary>True when row counts come from the statistics after ANALYZE (backup restores), not from the copy itself.</summary>
    public bool RowCountsEstimated { get; init; }

    public MigrationValidationResult? Validation { get; init; }

    /// <summary>The notes the run made as it went, in order (its validation's included).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

public sealed record TableSummary(string Name, long Rows, long Bytes, double Seconds, int Units, int ResumedUnits, string Format);

public sealed record PhaseSummary(string Name, double Seconds);
