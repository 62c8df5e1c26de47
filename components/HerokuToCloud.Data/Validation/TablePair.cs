namespace HerokuToCloud.Data.Validation;

/// <summary>
/// A table present on both sides and how its rows are compared: the columns both sides have (in the
/// source's order), the row hash over them, and the key rows are identified by — the source's primary
/// key, or, for a table without one, the row hash itself (rows are then a multiset compared by content).
/// The SQL built here is byte-identical for both sides except for the table's own type names in casts.
/// </summary>
internal sealed class TablePair
{
    private TablePair(CatalogTable source, CatalogTable target, IReadOnlyList<HashedColumn> columns, IReadOnlyList<KeyColumn> key, string? reason, bool wholeTree)
    {
        Relation = (wholeTree ? "" : "ONLY ") + source.QualifiedName;
        Source = source;
        Target = target;
        Columns = columns;
        Key = key;
        Reason = reason;
        RowHashSql = RowHash.Expression(columns, RowHash.RowSeed);
        KeyHashSql = key.Count == 0 ? RowHashSql : RowHash.Expression(key.Select(k => k.Hashed).ToList(), RowHash.KeySeed);
    }

    public CatalogTable Source { get; }

    public CatalogTable Target { get; }

    public string DisplayName => Source.DisplayName;

    public string QualifiedName => Source.QualifiedName;

    /// <summary>
    /// What queries read the rows from: <c>ONLY</c> the table (a partition or inheritance child is compared as
    /// its own table), or, for the root of a tree compared as a whole, the root with all its partitions.
    /// </summary>
    public string Relation { get; }

    public IReadOnlyList<HashedColumn> Columns { get; }

    public IReadOnlyList<KeyColumn> Key { get; }

    public bool HasKey => Key.Count > 0;

    /// <summary>Columns left out because only one side has them (already a schema difference).</summary>
    public string? Reason { get; }

    /// <summary>The 64-bit hash of a row over <see cref="Columns"/>.</summary>
    public string RowHashSql { get; }

    /// <summary>The 64-bit hash chunks are cut by: of the key columns, or of the whole row without a key.</summary>
    public string KeyHashSql { get; }

    public static TablePair Create(CatalogTable source, CatalogTable target, bool wholeTree = false)
    {
        var targetColumns = target.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var common = source.Columns.Where(c => targetColumns.ContainsKey(c.Name)).ToList();
        var hashed = common
            .Select(c => RowHash.Column(c.Name, c.BaseTypeOid, targetColumns[c.Name].BaseTypeOid, nullable: !c.NotNull || !targetColumns[c.Name].NotNull))
            .ToList();

        var key = new List<KeyColumn>();
        if (source.PrimaryKey.Count > 0 && source.PrimaryKey.All(targetColumns.ContainsKey))
        {
            foreach (var name in source.PrimaryKey)
            {
                var s = source.Columns.First(c => c.Name == name);
                var t = targetColumns[name];
                key.Add(new KeyColumn(name, s.TypeName, t.TypeName, RowHash.Column(name, s.BaseTypeOid, t.BaseTypeOid, nullable: !s.NotNull || !t.NotNull)));
            }
        }

        var onlySource = source.Columns.Where(c => !targetColumns.ContainsKey(c.Name)).Select(c => c.Name).ToList();
        var sourceNames = source.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var onlyTarget = target.Columns.Where(c => !sourceNames.Contains(c.Name)).Select(c => c.Name).ToList();
        var reasons = new List<string>();
        if (onlySource.Count > 0)
            reasons.Add("columns only on the source are not compared: " + string.Join(", ", onlySource));
        if (onlyTarget.Count > 0)
            reasons.Add("columns only on the target are not compared: " + string.Join(", ", onlyTarget));
        if (source.PrimaryKey.Count > 0 && key.Count == 0)
            reasons.Add("the target lacks a primary-key column, so rows are compared by content");

        if (wholeTree)
            reasons.Add("compared as a whole with its partitions: it is hash-partitioned on an enum, whose values each database hashes differently, so a row's partition may differ between the sides");
        return new TablePair(source, target, hashed, key, reasons.Count == 0 ? null : string.Join("; ", reasons), wholeTree);
    }

    public string TypeName(KeyColumn column, Side side) => side == Side.Source ? column.SourceType : column.TargetType;
}

/// <summary>A primary-key column: its name, its type on each side (for casting key text back), and how it is hashed.</summary>
internal sealed record KeyColumn(string Name, string SourceType, string TargetType, HashedColumn Hashed);
