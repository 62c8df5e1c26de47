using HerokuToCloud.Data.Validation;

namespace HerokuToCloud.Data.Tests.Validation;

/// <summary>The pure parts of content comparison: heap parts, hash chunks, hashing decisions, listing order.</summary>
public class ChunkPlanningTests
{
    [Fact]
    public void Heap_parts_cover_every_page_once_with_open_ends()
    {
        var parts = HeapPart.Plan(pages: 100_000, pagesPerPart: 16_384, serverVersion: 150004);

        Assert.Equal(7, parts.Count);
        Assert.Null(parts[0].FromPage);
        Assert.Null(parts[^1].ToPage);
        for (var i = 1; i < parts.Count; i++)
            Assert.Equal(parts[i - 1].ToPage, parts[i].FromPage);
        Assert.Equal(" WHERE ctid >= '(14286,0)'::tid AND ctid < '(28572,0)'::tid", parts[1].Predicate());
    }

    [Theory]
    [InlineData(100_000, 130014)] // PostgreSQL 13 has no TID range scan: a ctid predicate would scan the whole table per part
    [InlineData(20_000, 150004)]  // small enough for one pass
    public void One_part_when_splitting_would_not_help(long pages, int version)
    {
        var part = Assert.Single(HeapPart.Plan(pages, 16_384, version));
        Assert.Equal("", part.Predicate());
    }

    [Fact]
    public void Chunk_masks_select_the_low_bits()
    {
        Assert.Equal(0, HashChunk.Whole.Mask);
        Assert.Equal(0xFFF, new HashChunk(12, 5).Mask);
        Assert.Equal(long.MaxValue, new HashChunk(63, 0).Mask);
    }

    [Fact]
    public void A_column_whose_type_differs_between_sides_is_hashed_by_its_text()
    {
        Assert.Equal(HashKind.Int4, RowHash.Column("id", 23, 23, nullable: false).Kind);
        Assert.Equal(HashKind.TextOutput, RowHash.Column("id", 23, 20, nullable: false).Kind);
        Assert.Equal(HashKind.Numeric, RowHash.Column("amount", 1700, 1700, nullable: true).Kind);
        Assert.Equal(HashKind.Timestamptz, RowHash.Column("at", 1184, 1184, nullable: true).Kind);
        Assert.Equal(HashKind.TextOutput, RowHash.Column("at", 1184, 1114, nullable: true).Kind);
        Assert.Equal(HashKind.TextOutput, RowHash.Column("payload", 3802, 3802, nullable: true).Kind);
    }

    [Fact]
    public void The_row_hash_is_one_expression_chained_over_the_columns_in_order()
    {
        var sql = RowHash.Expression([new HashedColumn("a", HashKind.Int4, false), new HashedColumn("Mixed \"b\"", HashKind.Text, true)], 7);

        Assert.StartsWith("hashtextextended(coalesce(\"Mixed \"\"b\"\"\"::text, '') COLLATE \"C\", (hashint4extended(\"a\", 7)) # CASE WHEN \"Mixed \"\"b\"\"\" IS NULL THEN ", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_list_numerically_then_ordinally_and_ctids_by_page_then_item()
    {
        Assert.True(KeyOrder.Compare(["9"], ["10"]) < 0);
        Assert.True(KeyOrder.Compare(["b", "2"], ["b", "10"]) < 0);
        Assert.True(KeyOrder.Compare(["apple"], ["banana"]) < 0);
        Assert.True(KeyOrder.CompareCtid("(2,10)", "(10,1)") < 0);
        Assert.True(KeyOrder.CompareCtid("(2,9)", "(2,10)") < 0);
    }
}
