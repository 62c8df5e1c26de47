namespace HerokuToCloud.Aws.Tests;

public class OptionsTests
{
    [Fact]
    public void A_new_VPC_is_split_into_two_private_quarters_and_two_public_sixteenths()
    {
        var layout = VpcLayout.Parse("10.0.0.0/16");
        Assert.Equal(["10.0.128.0/20", "10.0.144.0/20"], layout.PublicSubnets);
        Assert.Equal(["10.0.0.0/18", "10.0.64.0/18"], layout.PrivateSubnets);
        var small = VpcLayout.Parse("172.16.4.0/24");
        Assert.Equal(["172.16.4.128/28", "172.16.4.144/28"], small.PublicSubnets);
        Assert.Equal(["172.16.4.0/26", "172.16.4.64/26"], small.PrivateSubnets);
    }

    [Theory]
    [InlineData("10.0.0.0/8", "/16 to /24")]
    [InlineData("10.0.0.1/16", "host bits")]
    [InlineData("banana", "IPv4 CIDR")]
    public void Bad_VPC_ranges_are_explained(string cidr, string expected)
    {
        var error = Assert.Throws<AwsLandingException>(() => new AwsLandingOptions { VpcCidr = cidr }.Validate());
        Assert.Contains(expected, error.Message);
        Assert.Contains("--vpc-cidr", error.Message);
    }

    [Fact]
    public void Options_AWS_would_reject_name_the_option()
    {
        Assert.Contains("--region", Assert.Throws<AwsLandingException>(() => new AwsLandingOptions { Region = "Virginia" }.Validate()).Message);
        Assert.Contains("--log-retention-days", Assert.Throws<AwsLandingException>(() => new AwsLandingOptions { LogRetentionDays = 100 }.Validate()).Message);
        Assert.Contains("--hosted-zone-id", Assert.Throws<AwsLandingException>(() => new AwsLandingOptions { HostedZoneId = "example.com" }.Validate()).Message);
        Assert.Contains("two private subnets", Assert.Throws<AwsLandingException>(() => new AwsLandingOptions
        {
            ExistingVpc = new ExistingVpc("vpc-0123abcd", ["subnet-0000000a", "subnet-0000000b"], ["subnet-0000000c"]),
        }.Validate()).Message);
        new AwsLandingOptions { Region = "eu-central-1", LogRetentionDays = 731, HostedZoneId = "Z0123456789ABCDEFGHIJ" }.Validate();
    }
}
