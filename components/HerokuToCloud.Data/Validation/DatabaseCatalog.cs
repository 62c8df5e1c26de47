namespace HerokuToCloud.Data.Validation;

/// <summary>What one side's catalog says, read once inside that side's snapshot.</summary>
internal sealed record DatabaseCatalog(
    IReadOnlyList<SchemaObject> Objects,
    IReadOnlyList<CatalogTable> Tables,
    IReadOnlyList<CatalogSequence> Sequences,
    long LargeObjects);
