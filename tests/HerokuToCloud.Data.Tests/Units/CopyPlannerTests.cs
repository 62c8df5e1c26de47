using HerokuToCloud.Data.Copy;

namespace HerokuToCloud.Data.Tests.Units;

public class CopyPlannerTests
{
    [Fact]
    public void Key_ranges_cover_every_key_once_with_open_ends()
    {
        var ranges = CopyPlanner.KeyRanges("\"id\"", 1, 100, 4);

        Assert.Equal(["\"id\" < 26", "\"id\" >= 26 AND \"id\" < 51", "\"id\" >= 51 AND \"id\" < 76", "\"id\" >= 76"], ranges.Select(r => r.Condition));
        Assert.Equal(1.0, ranges.Sum(r => r.Share), 6);
    }

    [Fact]
    public void Key_ranges_never_outnumber_the_keys_and_survive_extreme_bounds()
    {
        Assert.Equal(3, CopyPlanner.KeyRanges("k", 5, 7, 50).Count);
        var extreme = CopyPlanner.KeyRanges("k", long.MinValue, long.MaxValue, 3);
        Assert.Equal(3, extreme.Count);
        Assert.StartsWith("k < -", extreme[0].Condition, StringComparison.Ordinal);
        Assert.Single(CopyPlanner.KeyRanges("k", 9, 9, 8));
    }

    [Fact]
    public void Block_ranges_end_open_so_pages_added_later_are_copied()
    {
        var ranges = CopyPlanner.BlockRanges(10, 3);

        Assert.Equal(["ctid < '(4,0)'::tid", "ctid >= '(4,0)'::tid AND ctid < '(8,0)'::tid", "ctid >= '(8,0)'::tid"], ranges.Select(r => r.Condition));
        Assert.Equal([(null as string, 1.0)], CopyPlanner.BlockRanges(0, 5));
    }
}
