using HerokuToCloud.Aws.Tests.Fixtures;
using HerokuToCloud.Graph;

namespace HerokuToCloud.Aws.Tests.Components;

public class DomainTests
{
    [Fact]
    public void With_a_hosted_zone_the_certificate_validates_itself_and_the_domains_point_at_the_load_balancer()
    {
        var result = AwsLanding.Build(Plans.EmigratePlan(), new AwsLandingOptions { HostedZoneId = "Z0123456789ABCDEFGHIJ" });
        var program = result.Program;
        var certificate = program.Get("emigrate-certificate");
        Assert.Equal("DNS", certificate.Text("validationMethod"));
        Assert.Equal(new SelectValue(0, new ConfigValue("emigrateDomains")), certificate.At("domainName"));
        GraphQuery.Same(Value.List(new SelectValue(1, new ConfigValue("emigrateDomains"))), certificate.At("subjectAlternativeNames"));
        Assert.Equal(new ReferenceValue("emigrate-certificate", "domainValidationOptions[1].resourceRecordName"), program.Get("emigrate-certificate-validation-2").At("name"));
        Assert.Equal(new ConfigValue("hostedZoneId"), program.Get("emigrate-domain-1").At("zoneId"));
        Assert.Equal(new ReferenceValue("emigrate-alb", "dnsName"), program.Get("emigrate-domain-2").At("aliases[0].name"));
        GraphQuery.Same(Value.List(new ReferenceValue("emigrate-certificate-validation-1", "fqdn"), new ReferenceValue("emigrate-certificate-validation-2", "fqdn")),
            program.Get("emigrate-certificate-validation").At("validationRecordFqdns"));
        GraphQuery.Same(Value.List("emigrate.example.com", "www.emigrate.example.com"), result.Stack.Values["emigrateDomains"]);
        Assert.Equal(new StringValue("Z0123456789ABCDEFGHIJ"), result.Stack.Values["hostedZoneId"]);
        Assert.DoesNotContain(program.Outputs, o => o.Name == "emigrateDnsTarget");
    }

    [Fact]
    public void Without_a_hosted_zone_the_records_to_create_become_outputs()
    {
        var result = AwsLanding.Build(Plans.EmigratePlan());
        Assert.Empty(result.Program.OfType(AwsTypes.DnsRecord));
        Assert.Null(result.Program.Get("emigrate-certificate-validation").At("validationRecordFqdns"));
        Assert.Equal(new ReferenceValue("emigrate-alb", "dnsName"), result.Program.Outputs.Single(o => o.Name == "emigrateDnsTarget").Value);
        Assert.Equal(new ReferenceValue("emigrate-certificate", "domainValidationOptions"),
            result.Program.Outputs.Single(o => o.Name == "emigrateCertificateValidationRecords").Value);
        Assert.Contains(result.Findings, f => f.Message.Contains("No Route 53 hosted zone"));
    }

    [Fact]
    public void Every_stage_gets_as_many_domain_slots_as_the_stage_with_the_most_domains()
    {
        var prod = Plans.EmigratePlan("prod");
        var staging = Plans.EmigratePlan("staging", domains: ["staging.emigrate.example.com"]);
        var stagingResult = AwsLanding.Build(staging, stages: [prod]);
        var prodResult = AwsLanding.Build(prod, stages: [staging]);
        Assert.Equal(prodResult.Program.Dump(), stagingResult.Program.Dump());
        Assert.NotNull(stagingResult.Program.Find("emigrate-https"));
        Assert.False(stagingResult.Stack.Values.ContainsKey("emigrateDomains"));
        Assert.Contains("emigrateDomains", stagingResult.RequiredConfigKeys);
        Assert.Contains(stagingResult.Findings, f => f.Message.Contains("needs 2 custom domain(s)") && f.Message.Contains("staging.emigrate.example.com"));
        Assert.True(prodResult.Stack.Values.ContainsKey("emigrateDomains"));

        var bare = AwsLanding.Build(Plans.EmigratePlan("staging", domains: []), stages: [prod]);
        Assert.Equal(prodResult.Program.Dump(), bare.Program.Dump());
        Assert.Contains(bare.Findings, f => f.Message.Contains("this stage has none"));
    }

    [Fact]
    public void Stack_outputs_name_the_urls_endpoints_cluster_and_services()
    {
        var outputs = AwsLanding.Build(Plans.EmigratePlan()).Program.Outputs.Select(o => o.Name).ToList();
        Assert.Equal(
            ["clusterName", "emigrateDbEndpoint", "emigrateCacheEndpoint", "emigrateCertificateValidationRecords", "emigrateDnsTarget",
             "emigrateUrl", "emigrateLoadBalancerDnsName", "emigrateWebServiceName", "emigrateWorkerServiceName", "emigrateClockServiceName"],
            outputs);
    }
}
