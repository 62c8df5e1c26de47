namespace HerokuToCloud.Data.Validation;

/// <summary>
/// One database object as schema parity compares it: a kind ("table", "column", "index", …), a name that
/// identifies it on both servers (schema-qualified, never an OID; a part that is not plain lower case is
/// quoted by <see cref="Catalog.Identifier.Display"/>, so no two objects share a name), and its normalised
/// description as attribute → text (type, default, definition, …). Two objects with the same kind and name are equal when
/// every attribute is. <see cref="Notes"/> are compared too but only reported as notes (an extension's
/// version may legitimately be newer on the target).
/// </summary>
public sealed record SchemaObject(string Kind, string Name, IReadOnlyDictionary<string, string> Attributes)
{
    public IReadOnlyDictionary<string, string> Notes { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The identity two catalogs are matched on.</summary>
    public string Identity => Kind + " " + Name;
}
