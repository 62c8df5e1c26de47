using HerokuToCloud.Data.Catalog;

namespace HerokuToCloud.Data.Validation;

/// <summary>A sequence and, when it has one, the column that owns it (serial, identity or OWNED BY).</summary>
internal sealed record CatalogSequence(string Schema, string Name, long Increment, string? OwnerSchema, string? OwnerTable, string? OwnerColumn, uint OwnerColumnBaseType)
{
    public string DisplayName => Identifier.Display(Schema, Name);

    public string QualifiedName => Identifier.Qualify(Schema, Name);

    public string? OwnerDisplayName => OwnerTable is null ? null : Identifier.Display(OwnerSchema!, OwnerTable, OwnerColumn!);
}
