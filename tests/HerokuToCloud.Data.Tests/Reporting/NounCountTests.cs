using HerokuToCloud.Data.Reporting;

namespace HerokuToCloud.Data.Tests.Reporting;

public class NounCountTests
{
    [Theory]
    [InlineData(0, "0 tables")]
    [InlineData(1, "1 table")]
    [InlineData(2, "2 tables")]
    [InlineData(1234567, "1,234,567 tables")]
    public void One_is_singular_and_every_other_count_plural(long n, string expected)
    {
        Assert.Equal(expected, NounCount.Of(n, "table"));
    }

    [Fact]
    public void A_noun_that_does_not_just_take_an_s_gives_its_plural()
    {
        Assert.Equal("1 process", NounCount.Of(1, "process", "processes"));
        Assert.Equal("3 processes", NounCount.Of(3, "process", "processes"));
    }
}
