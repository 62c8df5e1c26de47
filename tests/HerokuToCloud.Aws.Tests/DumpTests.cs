using HerokuToCloud.Aws.Policy;
using HerokuToCloud.Aws.Tests.Fixtures;

namespace HerokuToCloud.Aws.Tests;

public class DumpTests
{
    [Fact]
    public void Dump()
    {
        var result = AwsLanding.Build(Plans.EmigratePlan(), new AwsLandingOptions { HostedZoneId = "Z0123456789ABCDEFGHIJ" });
        File.WriteAllText("/tmp/aws/dump.txt", result.Program.Dump());
        var findings = AwsPolicyPack.Evaluate(new PolicyInput(result.Program, [result.Stack]));
        File.WriteAllLines("/tmp/aws/findings.txt", findings.Select(f => $"{f.Outcome} {f.RuleId} {f.Resource}: {f.Message}"));
        var worker = AwsLanding.Build(Plans.WorkerOnly(), new AwsLandingOptions { ExistingVpc = new("vpc-0123abcd", ["subnet-0000000a", "subnet-0000000b"], ["subnet-0000000c", "subnet-0000000d"]) });
        File.AppendAllLines("/tmp/aws/findings.txt", AwsPolicyPack.Evaluate(new PolicyInput(worker.Program, [worker.Stack])).Select(f => $"W {f.Outcome} {f.RuleId} {f.Resource}: {f.Message}"));
        Assert.NotEmpty(result.Program.Resources);
    }
}
