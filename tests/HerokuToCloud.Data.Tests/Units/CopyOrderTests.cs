using HerokuToCloud.Data.Catalog;
using HerokuToCloud.Data.Copy;

namespace HerokuToCloud.Data.Tests.Units;

public class CopyOrderTests
{
    private const long MB = 1024 * 1024;

    private static TableInfo Table(string name, long bytes, long indexBytes) =>
        new() { Schema = "public", Name = name, Columns = ["id"], Bytes = bytes, IndexBytes = indexBytes };

    [Fact]
    public void Tables_whose_index_builds_outlast_their_copy_go_first_shortest_copy_first_then_the_longest_builds()
    {
        // The bench's shapes: events has 160 MB of indexes on 252 MB of rows, accounts 129 MB on 768 MB.
        var tables = new[]
        {
            Table("documents", 234 * MB, 8 * MB),
            Table("accounts", 768 * MB, 129 * MB),
            Table("log_lines", 100 * MB, 0),
            Table("events", 252 * MB, 160 * MB),
            Table("small", 32 * 1024, 64 * 1024),
        };

        Assert.Equal(["small", "events", "accounts", "documents", "log_lines"], CopyOrder.Of(tables).Select(t => t.Name));
    }

    [Fact]
    public void Tables_without_indexes_go_last_the_largest_first_and_names_break_ties()
    {
        var tables = new[] { Table("b", 10 * MB, 0), Table("a", 10 * MB, 0), Table("c", 50 * MB, 0), Table("keyed", MB, MB) };

        Assert.Equal(["keyed", "c", "a", "b"], CopyOrder.Of(tables).Select(t => t.Name));
    }
}
