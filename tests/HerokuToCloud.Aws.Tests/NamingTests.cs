namespace HerokuToCloud.Aws.Tests;

public class NamingTests
{
    [Theory]
    [InlineData(new[] { "shop-web", "worker_2" }, "shop-web-worker-2")]
    [InlineData(new[] { "Emigrate", "web", "" }, "emigrate-web")]
    [InlineData(new[] { "a--b", "-c-" }, "a-b-c")]
    public void Logical_names_are_lower_case_with_single_dashes(string[] parts, string expected) =>
        Assert.Equal(expected, AwsNames.Logical(parts));

    [Fact]
    public void A_name_without_room_for_the_suffix_names_the_app_and_the_limit()
    {
        var error = Assert.Throws<AwsLandingException>(() =>
            AwsNames.EnsureAutonamable("a-very-long-application-name-alb", AwsNames.LoadBalancerMax, "load balancer", "app a-very-long-application-name"));
        Assert.Contains("app a-very-long-application-name", error.Message);
        Assert.Contains("at most 32", error.Message);
        Assert.Contains("by at least 8 characters", error.Message);
        AwsNames.EnsureAutonamable("emigrate-frontend-alb", AwsNames.LoadBalancerMax, "load balancer", "app emigrate-frontend");
    }

    [Fact]
    public void Fit_keeps_short_names_and_shortens_long_ones_with_a_stable_hash()
    {
        Assert.Equal("emigrate-alb", AwsNames.Fit("emigrate-alb", 32));
        var first = AwsNames.Fit("shopfront-storefront-api-alb", 32);
        var second = AwsNames.Fit("shopfront-storefront-api-tg", 32);
        Assert.Equal(24, first.Length);
        Assert.Equal(24, second.Length);
        Assert.NotEqual(first, second);
        Assert.Equal(first, AwsNames.Fit("shopfront-storefront-api-alb", 32));
        Assert.Matches("^shopfront-storefron-[a-z0-9]{4}$", first);
    }
}
