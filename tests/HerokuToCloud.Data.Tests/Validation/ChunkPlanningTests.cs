using HerokuToCloud.Data.Validation;

namespace HerokuToCloud.Data.Tests.Validation;

/// <summary>The pure parts of content comparison: parallel scan shares, hash chunks, hashing decisions, listing order.</summary>
public class ChunkPlanningTests
{
    [Theory]
    [InlineData(98_000, 165_000, 2, 2)]   // 60% of the data on two sessions: both, one of them a parallel worker
    [InlineData(98_000, 165_000, 8, 5)]   // the same table on eight: five, leaving three for the rest
    [InlineData(10_000, 165_000, 8, 1)]   // a small share: one session
    [InlineData(500, 500, 8, 1)]          // below PostgreSQL's min_parallel_table_scan_size: never parallel
    [InlineData(98_000, 165_000, 1, 1)]   // --jobs 1: one session whatever the size
    [InlineData(200_000, 165_000, 4, 4)]  // grew since the sizes were read: capped at the side's sessions
    [InlineData(5_000, 0, 4, 1)]          // no sizes known: one session
    public void A_table_takes_sessions_in_proportion_to_its_share_of_the_data(long pages, long totalPages, int sessions, int expected)
    {
        Assert.Equal(expected, ParallelScan.Sessions(pages, totalPages, sessions));
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

        // A row without NULLs takes the chain without NULL handling; the other rows the full one.
        Assert.StartsWith("CASE WHEN \"Mixed \"\"b\"\"\" IS NOT NULL THEN hashtextextended(\"Mixed \"\"b\"\"\"::text COLLATE \"C\", hashint4extended(\"a\", 7)) ELSE ", sql, StringComparison.Ordinal);
        Assert.Contains(" ELSE hashtextextended(coalesce(\"Mixed \"\"b\"\"\"::text, '') COLLATE \"C\", (hashint4extended(\"a\", 7)) # CASE WHEN \"Mixed \"\"b\"\"\" IS NULL THEN ", sql, StringComparison.Ordinal);
        Assert.EndsWith("::int8 ELSE 0::int8 END) END", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_hash_without_nullable_columns_is_the_bare_chain()
    {
        var sql = RowHash.Expression([new HashedColumn("a", HashKind.Int4, false), new HashedColumn("b", HashKind.Bytea, false)], 7);

        Assert.Equal("hash_array_extended(ARRAY[\"b\"], hashint4extended(\"a\", 7))", sql);
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
