using HerokuToCloud.Aws.Tests.Fixtures;

namespace HerokuToCloud.Aws.Tests.Sizing;

public class RdsInstanceClassesTests
{
    [Theory]
    // Table 7c: Heroku plan numbers → class.
    [InlineData("essential-0", 2, 1, true, "db.t4g.micro")]
    [InlineData("essential-2", 2, 2, true, "db.t4g.small")]
    [InlineData("standard-0", 2, 4, true, "db.t4g.medium")]
    [InlineData("premium-0", 2, 4, true, "db.t4g.medium")]
    [InlineData("standard-2", 2, 8, false, "db.m7g.large")]
    [InlineData("standard-3", 2, 15.25, false, "db.r7g.large")]
    [InlineData("standard-4", 4, 30.5, false, "db.r7g.xlarge")]
    [InlineData("standard-5", 8, 61, false, "db.r7g.2xlarge")]
    [InlineData("premium-6", 16, 122, false, "db.r7g.4xlarge")]
    [InlineData("premium-7", 32, 244, false, "db.r7g.8xlarge")]
    [InlineData("premium-8", 64, 488, false, "db.r7g.16xlarge")]
    [InlineData("premium-9", 96, 768, false, "db.r7i.24xlarge")]
    [InlineData("premium-10", 128, 1024, false, "db.r7i.48xlarge")]
    // Not in the table: general-purpose shapes stay on m7g, a burstable plan too big for t4g moves up.
    [InlineData("custom", 4, 16, false, "db.m7g.xlarge")]
    [InlineData("custom", 16, 48, true, "db.m7g.4xlarge")]
    public void Reproduces_the_mapping_table(string plan, int vcpu, double memory, bool burstable, string expected)
    {
        var database = Plans.Database(plan: plan) with { Vcpu = vcpu, MemoryGiB = (decimal)memory, Burstable = burstable };
        Assert.Equal(expected, RdsInstanceClasses.Pick(database).Name);
    }

    [Fact]
    public void A_database_larger_than_every_class_is_a_clear_error()
    {
        var database = Plans.Database(plan: "huge") with { Vcpu = 256, MemoryGiB = 4096, Burstable = false };
        var error = Assert.Throws<AwsLandingException>(() => RdsInstanceClasses.Pick(database));
        Assert.Contains("emigrate-db", error.Message);
        Assert.Contains("heroku-postgresql:huge", error.Message);
    }
}
