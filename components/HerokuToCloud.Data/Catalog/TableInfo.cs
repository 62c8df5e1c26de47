namespace HerokuToCloud.Data.Catalog;

/// <summary>
/// One table whose rows the engine copies: a plain table, a leaf partition (never a partitioned parent,
/// whose rows live in its leaves) or an extension configuration table.
/// </summary>
public sealed record TableInfo
{
    public required string Schema { get; init; }

    public required string Name { get; init; }

    /// <summary>Columns COPY carries, in order: every live column except generated ones (the target computes those).</summary>
    public required IReadOnlyList<string> Columns { get; init; }

    /// <summary>The single-column integer primary key used to split the table into key ranges, or null.</summary>
    public string? IntegerKey { get; init; }

    /// <summary>Why the table must travel as text COPY instead of binary, or null when binary is exact.</summary>
    public string? TextFormatReason { get; init; }

    /// <summary>Size of the table's main fork in bytes (what the splitter divides).</summary>
    public long Bytes { get; init; }

    /// <summary>Size of the table's indexes on the source: the index builds its load releases.</summary>
    public long IndexBytes { get; init; }

    public long EstimatedRows { get; init; }

    /// <summary>For an extension configuration table: the rows pg_dump would dump (the extension creates the rest).</summary>
    public string? ExtensionCondition { get; init; }

    /// <summary>Whether an extension owns the table (a configuration table: the extension's script may have written rows of its own).</summary>
    public bool ExtensionConfiguration { get; init; }

    /// <summary>
    /// The table the target loads this one's rows through, when it is not the table itself: the root of a
    /// partition tree whose rows the target may place in other partitions (<see cref="EnumHashPartitions"/>).
    /// </summary>
    public string? LoadThrough { get; init; }

    public string QualifiedName => Identifier.Qualify(Schema, Name);

    public string DisplayName => Identifier.Display(Schema, Name);

    public string ColumnList => string.Join(", ", Columns.Select(Identifier.Quote));
}
