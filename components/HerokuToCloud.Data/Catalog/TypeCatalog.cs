namespace HerokuToCloud.Data.Catalog;

/// <summary>
/// Decides whether a column's values can travel in binary COPY between two different servers.
/// Binary COPY is exact for built-in types, enums (sent as labels) and domains over them, but array and
/// composite values embed the type OIDs of their elements and fields; user-defined OIDs differ between
/// servers, so the target would reject them ("wrong element type"). The object reference types (regclass,
/// regtype …) are built in, but their binary form is the bare OID of the object they name, and the target's
/// restored objects have other OIDs: the values would point at the wrong object or at none. Their text form
/// names the object, as pg_dump copies them. Those tables travel as text COPY.
/// </summary>
public sealed class TypeCatalog
{
    /// <summary>OIDs below this are assigned at initdb and identical on every server of any version.</summary>
    public const uint FirstNormalObjectId = 16384;

    /// <summary>
    /// The reg* types, whose values are OIDs of catalog objects. (A plain oid column is a number to the
    /// database, and its text form is the same number, so it travels in binary; so does oidvector.)
    /// </summary>
    private static readonly IReadOnlyDictionary<uint, string> ObjectReferenceTypes = new Dictionary<uint, string>
    {
        [24] = "regproc",
        [2202] = "regprocedure",
        [2203] = "regoper",
        [2204] = "regoperator",
        [2205] = "regclass",
        [2206] = "regtype",
        [3734] = "regconfig",
        [3769] = "regdictionary",
        [4089] = "regnamespace",
        [4096] = "regrole",
        [4191] = "regcollation",
    };

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
        if (ObjectReferenceTypes.TryGetValue(oid, out var reference))
            return $"type {reference} is sent in binary as the bare OID of the object it names, which differs on the target";
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
