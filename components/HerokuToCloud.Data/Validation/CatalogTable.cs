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
internal sealed record CatalogTable(string Schema, string Name, char Kind, IReadOnlyList<CatalogColumn> Columns, IReadOnlyList<string> PrimaryKey, long Pages, long EstimatedRows, bool Populated = true)
{
    public string DisplayName => Identifier.Display(Schema, Name);

    public string QualifiedName => Identifier.Qualify(Schema, Name);
}
