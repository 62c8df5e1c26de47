using HerokuToCloud.Data.Catalog;

namespace HerokuToCloud.Data.Tests.Units;

public class TypeCatalogTests
{
    private static readonly TypeCatalog Catalog = new(new Dictionary<uint, TypeCatalog.PgType>
    {
        [23] = new(23, "integer", 'b', 0, 0, 'N', true),
        [1007] = new(1007, "integer[]", 'b', 0, 23, 'A', true),
        [3802] = new(3802, "jsonb", 'b', 0, 0, 'U', true),
        [20000] = new(20000, "mood", 'e', 0, 0, 'E', true),
        [20001] = new(20001, "mood[]", 'b', 0, 20000, 'A', true),
        [20002] = new(20002, "positive_int", 'd', 23, 0, 'N', true),
        [20003] = new(20003, "money_pair", 'c', 0, 0, 'C', true),
        [20004] = new(20004, "hstore", 'b', 0, 0, 'U', true),
        [20005] = new(20005, "email", 'd', 20004, 0, 'U', true),
        [20006] = new(20006, "no_binary", 'b', 0, 0, 'U', false),
        [20007] = new(20007, "int_list", 'd', 1007, 0, 'A', true),
        [26] = new(26, "oid", 'b', 0, 0, 'N', true),
        [30] = new(30, "oidvector", 'b', 0, 26, 'A', true),
        [2205] = new(2205, "regclass", 'b', 0, 0, 'N', true),
        [2210] = new(2210, "regclass[]", 'b', 0, 2205, 'A', true),
        [4096] = new(4096, "regrole", 'b', 0, 0, 'N', true),
        [20008] = new(20008, "table_ref", 'd', 2205, 0, 'N', true),
    });

    [Theory]
    [InlineData(23u)]
    [InlineData(1007u)]
    [InlineData(3802u)]
    [InlineData(20000u)]
    [InlineData(20002u)]
    [InlineData(20004u)]
    [InlineData(20005u)]
    [InlineData(20007u)]
    [InlineData(26u)]
    [InlineData(30u)]
    public void Built_in_types_enums_extension_scalars_and_domains_over_them_travel_in_binary(uint oid) =>
        Assert.Null(Catalog.TextFormatReason(oid));

    [Theory]
    [InlineData(20001u, "user-defined element")]
    [InlineData(20003u, "composite")]
    [InlineData(20006u, "no binary")]
    [InlineData(99999u, "unknown")]
    [InlineData(2205u, "regclass is sent in binary as the bare OID")]
    [InlineData(2210u, "regclass is sent in binary as the bare OID")]
    [InlineData(4096u, "regrole is sent in binary as the bare OID")]
    [InlineData(20008u, "regclass is sent in binary as the bare OID")]
    public void Values_that_embed_server_specific_type_oids_travel_as_text(uint oid, string reason) =>
        Assert.Contains(reason, Catalog.TextFormatReason(oid), StringComparison.Ordinal);
}
