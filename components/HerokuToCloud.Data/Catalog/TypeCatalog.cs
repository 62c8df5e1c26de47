namespace HerokuToCloud.Data.Catalog;

/// <summary>
/// Decides whether a column's values can travel in binary COPY between two different servers.
/// Binary COPY is exact for built-in types, enums (sent as labels) and domains over them, but array and
/// composite values embed the type OIDs of their elements and fields; user-defined OIDs differ between
/// servers, so the target would reject them ("wrong element type"). Those tables travel as text COPY.
/// </summary>
public sealed class TypeCatalog
{
    /// <summary>OIDs below this are assigned at initdb and identical on every server of any version.</summary>
    public const uint FirstNormalObjectId = 16384;

    private readonly IReadOnlyDictionary<uint, PgType> types;

    public TypeCatalog(IReadOnlyDictionary<uint, PgType> types)
    {
        this.types = types;
    }

    /// <summary>A row of pg_type with what the decision needs.</summary>
    public sealed record PgType(uint Oid, string Name, char Kind, uint BaseType, uint Element, char Category, bool HasBinaryIo);

    /// <summary>Why <paramref name="typeOid"/> cannot travel in binary, or null when it can.</summary>
    public string? TextFormatReason(uint typeOid) => Reason(typeOid, depth: 0);

    private string? Reason(uint oid, int depth)
    {
        if (depth > 32 || !types.TryGetValue(oid, out var type))
            return oid < FirstNormalObjectId ? null : $"type {oid} is unknown";
        if (type.Kind == 'd')
            return Reason(type.BaseType, depth + 1);
        if (!type.HasBinaryIo)
            return $"type {type.Name} has no binary send/receive functions";
        if (type.Kind == 'c')
            return $"composite type {type.Name} embeds field type OIDs in binary form";
        if (type.Category == 'A' && type.Element != 0)
        {
            if (type.Element >= FirstNormalObjectId)
                return $"array type {type.Name} embeds the OID of its user-defined element type in binary form";
            return Reason(type.Element, depth + 1);
        }

        return null;
    }
}
