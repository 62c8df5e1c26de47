using HerokuToCloud.Data.Catalog;
using HerokuToCloud.Data.Progress;

namespace HerokuToCloud.Data.Copy;

/// <summary>
/// The smallest piece of data the engine copies and records as done: a whole table, one key range or
/// ctid block range of a large table, or a range of large objects. A unit's rows and its "done" mark are
/// committed in one target transaction, so after a crash a unit is either fully there or not at all.
/// </summary>
public sealed record CopyUnit
{
    public required int Id { get; init; }

    public required CopyUnitKind Kind { get; init; }

    /// <summary>For table units: the table's schema and name (for large objects: empty).</summary>
    public string Schema { get; init; } = "";

    public string Table { get; init; } = "";

    /// <summary>SQL predicate selecting the unit's rows (a key range, a ctid range, an OID range), or null for everything.</summary>
    public string? Condition { get; init; }

    public long EstimatedRows { get; init; }

    public long EstimatedBytes { get; init; }

    public string DisplayName => Kind == CopyUnitKind.LargeObjects ? IDataProgress.LargeObjects : Identifier.Display(Schema, Table);
}

public enum CopyUnitKind
{
    Table,
    LargeObjects,
}
