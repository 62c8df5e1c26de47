using HerokuToCloud.Data.Catalog;

namespace HerokuToCloud.Data.Validation;

/// <summary>A relation that holds rows, as content comparison needs it.</summary>
/// <param name="Schema">Schema name, unquoted.</param>
/// <param name="Name">Relation name, unquoted.</param>
/// <param name="Kind">relkind: r (table, including partitions), p (partitioned), m (materialized view), f (foreign table).</param>
/// <param name="Columns">Live columns in attnum order.</param>
/// <param name="PrimaryKey">Primary key column names in key order; empty when the table has none.</param>
/// <param name="Pages">Heap pages now (pg_relation_size / block_size).</param>
/// <param name="EstimatedRows">reltuples (0 when never analysed).</param>
/// <param name="Populated">relispopulated: false for a materialized view made WITH NO DATA and not refreshed since, which cannot be read.</param>
/// <param name="Tree">Whether it is compared as part of a whole partition tree (<see cref="EnumHashPartitions"/>).</param>
internal sealed record CatalogTable(string Schema, string Name, char Kind, IReadOnlyList<CatalogColumn> Columns, IReadOnlyList<string> PrimaryKey, long Pages, long EstimatedRows, bool Populated = true, TreeRole Tree = TreeRole.None)
{
    public string DisplayName => Identifier.Display(Schema, Name);

    public string QualifiedName => Identifier.Qualify(Schema, Name);
}

/// <summary>A relation's part in a partition tree that is compared as a whole at its root.</summary>
internal enum TreeRole
{
    /// <summary>Compared on its own (FROM ONLY), as every table is by default.</summary>
    None,

    /// <summary>The tree's topmost table: compared with all its partitions' rows.</summary>
    Root,

    /// <summary>A partition inside such a tree: its rows are compared at the root.</summary>
    Member,
}
