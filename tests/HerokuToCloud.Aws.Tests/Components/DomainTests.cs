using System.Text.Json;
using HerokuToCloud.Aws.Tests.Fixtures;
using HerokuToCloud.Graph;

namespace HerokuToCloud.Aws.Tests.Components;

public class DomainTests
{
    /// <summary>What fn::join makes of the template for a given host list.</summary>
    private static JsonDocument Render(Value template, IReadOnlyList<string> hosts)
    {
        string Text(Value value) => value switch
        {
            StringValue s => s.Text,
            JoinValue { Items: ConfigValue } join => string.Join(join.Delimiter, hosts),
            JoinValue { Items: ListValue list } join => string.Join(join.Delimiter, list.Items.Select(Text)),
            _ => throw new Xunit.Sdk.XunitException($"unexpected part {GraphQuery.Show(value)}"),
        };
        return JsonDocument.Parse(Text(template));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void With_a_hosted_zone_any_number_of_hosts_gets_validation_and_alias_records(int count)
    {
        var result = AwsLanding.Build(Plans.EmigratePlan(), new AwsLandingOptions { HostedZoneId = "Z0123456789ABCDEFGHIJ" });
        var stack = result.Program.Get("emigrate-certificate");
        Assert.Equal(AwsTypes.CloudFormationStack, stack.Type);
        Assert.Equal(new ConfigValue("hostedZoneId"), stack.At("parameters.HostedZoneId"));
        Assert.Equal(new ReferenceValue("emigrate-alb", "dnsName"), stack.At("parameters.LoadBalancerDnsName"));
        Assert.Equal(new ReferenceValue("emigrate-alb", "zoneId"), stack.At("parameters.LoadBalancerZoneId"));
        GraphQuery.Same(new JoinValue(",", new ConfigValue("emigrateDomains")), stack.At("parameters.Domains"));

        var hosts = Enumerable.Range(1, count).Select(i => $"host{i}.example.com").ToList();
        using var template = Render(stack.Properties["templateBody"]!, hosts);
        var resources = template.RootElement.GetProperty("Resources");
        var certificate = resources.GetProperty("Certificate").GetProperty("Properties");
        Assert.Equal("DNS", certificate.GetProperty("ValidationMethod").GetString());
        var options = certificate.GetProperty("DomainValidationOptions").EnumerateArray().ToList();
        Assert.Equal(hosts, options.Select(o => o.GetProperty("DomainName").GetString()));
        Assert.All(options, o => Assert.Equal("HostedZoneId", o.GetProperty("HostedZoneId").GetProperty("Ref").GetString()));
        var records = resources.GetProperty("Records").GetProperty("Properties").GetProperty("RecordSets").EnumerateArray().ToList();
        Assert.Equal(hosts, records.Select(r => r.GetProperty("Name").GetString()));
        Assert.All(records, r => Assert.Equal("LoadBalancerDnsName", r.GetProperty("AliasTarget").GetProperty("DNSName").GetProperty("Ref").GetString()));
        Assert.Equal("Certificate", template.RootElement.GetProperty("Outputs").GetProperty("CertificateArn").GetProperty("Value").GetProperty("Ref").GetString());

        Assert.Equal(new ReferenceValue("emigrate-certificate", "outputs.CertificateArn"), result.Program.Get("emigrate-https").At("certificateArn"));
        GraphQuery.Same(Value.List("emigrate.example.com", "www.emigrate.example.com"), result.Stack.Values["emigrateDomains"]);
        Assert.Equal(new StringValue("Z0123456789ABCDEFGHIJ"), result.Stack.Values["hostedZoneId"]);
        Assert.DoesNotContain(result.Program.Outputs, o => o.Name == "emigrateDnsTarget");
    }

    [Fact]
    public void With_a_hosted_zone_generate_says_to_remove_the_hosts_heroku_records_first()
    {
        var result = AwsLanding.Build(Plans.EmigratePlan(), new AwsLandingOptions { HostedZoneId = "Z0123456789ABCDEFGHIJ" });

        var cutover = Assert.Single(result.Findings, f => f.Message.Contains("delete each host's existing record in the zone first", StringComparison.Ordinal));
        Assert.Contains("emigrate.example.com, www.emigrate.example.com", cutover.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.Message.Contains("share one ACM validation record", StringComparison.Ordinal));
        Assert.DoesNotContain(AwsLanding.Build(Plans.EmigratePlan()).Findings, f => f.Message.Contains("existing record", StringComparison.Ordinal));
    }

    [Fact]
    public void With_a_hosted_zone_the_dns_records_wait_for_the_data_migration_and_release_like_the_services()
    {
        // The same CloudFormation stack points the hosts at the load balancer: created early, a long or failed
        // data copy would leave the hosts on a load balancer with nothing behind it.
        var zoned = AwsLanding.Build(Plans.EmigratePlan(), new AwsLandingOptions { HostedZoneId = "Z0123456789ABCDEFGHIJ" }).Program;
        Assert.Contains("emigrate-release", zoned.Get("emigrate-certificate").Options.DependsOn);

        var plan = Plans.EmigratePlan();
        plan = plan with { Apps = [plan.Apps[0] with { Release = null }] };
        var withoutRelease = AwsLanding.Build(plan, new AwsLandingOptions { HostedZoneId = "Z0123456789ABCDEFGHIJ" }).Program;
        Assert.Contains("emigrate-db-migration", withoutRelease.Get("emigrate-certificate").Options.DependsOn);

        // Without a zone nothing moves traffic, and the certificate's validation (by the team's CNAMEs) starts at once.
        Assert.Empty(AwsLanding.Build(Plans.EmigratePlan()).Program.Get("emigrate-certificate").Options.DependsOn);
    }

    [Fact]
    public void A_wildcard_with_its_base_name_in_a_hosted_zone_is_flagged_because_cloudformation_validates_them_twice()
    {
        var plan = Plans.EmigratePlan(domains: ["*.emigrate.example.com", "emigrate.example.com", "*.other.example.com"]);

        var result = AwsLanding.Build(plan, new AwsLandingOptions { HostedZoneId = "Z0123456789ABCDEFGHIJ" });

        var pair = Assert.Single(result.Findings, f => f.Message.Contains("share one ACM validation record", StringComparison.Ordinal));
        Assert.StartsWith("*.emigrate.example.com and emigrate.example.com share", pair.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("other.example.com", pair.Message, StringComparison.Ordinal);
        Assert.Contains("emigrateDomains", pair.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10, null)]
    [InlineData(11, "ACM allows 10 names per certificate unless the account's quota was raised")]
    [InlineData(101, "one ACM certificate holds at most 100 names")]
    public void More_hosts_than_acm_puts_on_one_certificate_are_flagged(int count, string? expected)
    {
        var plan = Plans.EmigratePlan(domains: [.. Enumerable.Range(1, count).Select(i => $"host{i:000}.example.com")]);

        var findings = AwsLanding.Build(plan).Findings.Where(f => f.Message.Contains("names per certificate", StringComparison.Ordinal)
            || f.Message.Contains("holds at most", StringComparison.Ordinal)).ToList();

        if (expected is null)
            Assert.Empty(findings);
        else
            Assert.Contains(expected, Assert.Single(findings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_first_host_longer_than_a_common_name_may_be_is_flagged()
    {
        var longHost = new string('a', 52) + ".example.com";
        Assert.Equal(64, longHost.Length);
        Assert.DoesNotContain(AwsLanding.Build(Plans.EmigratePlan(domains: [longHost])).Findings, f => f.Message.Contains("common name", StringComparison.Ordinal));

        var tooLong = "b" + longHost;
        var finding = Assert.Single(AwsLanding.Build(Plans.EmigratePlan(domains: [tooLong])).Findings, f => f.Message.Contains("common name", StringComparison.Ordinal));
        Assert.Contains($"the first host in emigrateDomains, {tooLong}", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_hosted_zone_the_certificate_waits_and_the_load_balancer_name_is_an_output()
    {
        var result = AwsLanding.Build(Plans.EmigratePlan());
        Assert.DoesNotContain(result.Program.Resources, r => r.Type.StartsWith("aws:route53", StringComparison.Ordinal));
        var stack = result.Program.Get("emigrate-certificate");
        Assert.Null(stack.At("parameters.HostedZoneId"));
        using var template = Render(stack.Properties["templateBody"]!, ["a.example.com", "b.example.com"]);
        var resources = template.RootElement.GetProperty("Resources");
        Assert.False(resources.TryGetProperty("Records", out _));
        Assert.False(resources.GetProperty("Certificate").GetProperty("Properties").TryGetProperty("DomainValidationOptions", out _));
        Assert.Equal(new ReferenceValue("emigrate-alb", "dnsName"), result.Program.Outputs.Single(o => o.Name == "emigrateDnsTarget").Value);
        Assert.Contains(result.Findings, f => f.Message.Contains("no Route 53 hosted zone"));
        GraphQuery.Same(new JoinValue("", Value.List("https://", new SelectValue(0, new ConfigValue("emigrateDomains")))),
            result.Program.Outputs.Single(o => o.Name == "emigrateUrl").Value);
    }

    [Fact]
    public void Stages_with_different_numbers_of_domains_share_one_program()
    {
        var prod = Plans.EmigratePlan("prod");
        var staging = Plans.EmigratePlan("staging", domains: ["staging.emigrate.example.com"]);
        var options = new AwsLandingOptions { HostedZoneId = "Z0123456789ABCDEFGHIJ" };
        var prodResult = AwsLanding.Build(prod, options, [prod, staging]);
        var stagingResult = AwsLanding.Build(staging, options, [prod, staging]);
        Assert.Equal(prodResult.Program.Dump(), stagingResult.Program.Dump());
        GraphQuery.Same(Value.List("staging.emigrate.example.com"), stagingResult.Stack.Values["emigrateDomains"]);
    }

    [Fact]
    public void A_stage_without_domains_still_serves_https_and_asks_for_host_names()
    {
        var prod = Plans.EmigratePlan("prod");
        var bare = Plans.EmigratePlan("staging", domains: []);
        var result = AwsLanding.Build(bare, stages: [prod, bare]);
        Assert.Equal(AwsLanding.Build(prod, stages: [prod, bare]).Program.Dump(), result.Program.Dump());
        Assert.False(result.Stack.Values.ContainsKey("emigrateDomains"));
        Assert.Contains("emigrateDomains", result.RequiredConfigKeys);
        Assert.Contains(result.Findings, f => f.Message.Contains("pulumi config set --path 'emigrateDomains[0]'"));

        var alone = AwsLanding.Build(bare);
        Assert.Null(alone.Program.Find("emigrate-certificate"));
    }

    [Fact]
    public void A_domain_that_is_not_a_host_name_is_a_clear_error()
    {
        var error = Assert.Throws<AwsLandingException>(() => AwsLanding.Build(Plans.EmigratePlan(domains: ["shop.example.com\",\"x"])));
        Assert.Contains("not a host name", error.Message);
    }

    [Fact]
    public void Stack_outputs_name_the_urls_endpoints_cluster_and_services()
    {
        var outputs = AwsLanding.Build(Plans.EmigratePlan()).Program.Outputs.Select(o => o.Name).ToList();
        Assert.Equal(
            ["clusterName", "emigrateDbEndpoint", "toolRepositoryUrl", "emigrateCacheEndpoint", "emigrateRepositoryUrl", "emigrateDnsTarget",
             "emigrateUrl", "emigrateLoadBalancerDnsName", "emigrateWebServiceName", "emigrateWorkerServiceName", "emigrateClockServiceName"],
            outputs);
    }
}
