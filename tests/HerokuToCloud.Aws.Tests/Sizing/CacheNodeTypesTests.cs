using HerokuToCloud.Aws.Tests.Fixtures;

namespace HerokuToCloud.Aws.Tests.Sizing;

public class CacheNodeTypesTests
{
    [Theory]
    // Table 8c, "with headroom" column.
    [InlineData("mini", 25, "cache.t4g.micro")]
    [InlineData("premium-0", 50, "cache.t4g.micro")]
    [InlineData("premium-2", 250, "cache.t4g.micro")]
    [InlineData("premium-3", 500, "cache.t4g.small")]
    [InlineData("premium-4", 750, "cache.t4g.small")]
    [InlineData("premium-5", 1024, "cache.t4g.medium")]
    [InlineData("premium-7", 7168, "cache.r7g.large")]
    [InlineData("premium-9", 10240, "cache.r7g.xlarge")]
    [InlineData("premium-10", 25600, "cache.r7g.2xlarge")]
    [InlineData("premium-12", 51200, "cache.r7g.4xlarge")]
    [InlineData("premium-14", 102400, "cache.r7g.8xlarge")]
    public void Reproduces_the_mapping_table(string plan, int memoryMiB, string expected)
    {
        var cache = Plans.Cache() with { HerokuPlan = plan, MemoryMiB = memoryMiB };
        Assert.Equal(expected, CacheNodeTypes.Pick(cache).Name);
    }

    [Fact]
    public void A_cache_larger_than_every_node_is_a_clear_error()
    {
        var error = Assert.Throws<AwsLandingException>(() => CacheNodeTypes.Pick(Plans.Cache() with { MemoryMiB = 400 * 1024 }));
        Assert.Contains("emigrate-cache", error.Message);
        Assert.Contains("cache.r7g.16xlarge", error.Message);
    }
}
