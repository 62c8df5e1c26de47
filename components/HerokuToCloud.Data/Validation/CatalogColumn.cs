namespace HerokuToCloud.Data.Validation;

/// <summary>A column of a table as content comparison needs it.</summary>
/// <param name="Name">The column name, unquoted.</param>
/// <param name="TypeName">format_type of the column (schema-qualified for user types), usable in a cast.</param>
/// <param name="BaseTypeOid">The type under any domains: decides how the column is hashed.</param>
/// <param name="NotNull">attnotnull.</param>
internal sealed record CatalogColumn(string Name, string TypeName, uint BaseTypeOid, bool NotNull);
