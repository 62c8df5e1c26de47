namespace HerokuToCloud.Data.Validation;

/// <summary>The verdict on one table's content.</summary>
public enum TableStatus
{
    Identical,
    Different,

    /// <summary>Not compared: the table exists on one side only, or is not a plain table on both (see <see cref="TableValidation.Reason"/>).</summary>
    NotCompared,
}

/// <summary>
/// One table's content comparison: exact row counts on each side, how many rows are missing on the target,
/// extra on the target or changed, and a capped listing of them named by key.
/// </summary>
public sealed record TableValidation(string Table, TableStatus Status, long SourceRows, long TargetRows)
{
    /// <summary>The primary-key columns rows are identified by; empty for a table without one (rows are then identified by content and ctid).</summary>
    public IReadOnlyList<string> KeyColumns { get; init; } = [];

    public long MissingRows { get; init; }

    public long ExtraRows { get; init; }

    public long ChangedRows { get; init; }

    /// <summary>False when narrowing stopped at its budget: the three totals are then lower bounds.</summary>
    public bool TotalsExact { get; init; } = true;

    /// <summary>The first differing rows (at most the listing cap), ordered by key.</summary>
    public IReadOnlyList<RowDifference> Rows { get; init; } = [];

    /// <summary>Why the table was not compared, or what was left out of the comparison (columns on one side only).</summary>
    public string? Reason { get; init; }

    public long DifferingRows => MissingRows + ExtraRows + ChangedRows;
}
