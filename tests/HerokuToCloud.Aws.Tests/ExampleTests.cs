using HerokuToCloud.Aws.Policy;
using HerokuToCloud.Aws.Tests.Fixtures;
using HerokuToCloud.Graph.Policy;
using HerokuToCloud.Graph.Policy.Generic;

namespace HerokuToCloud.Aws.Tests;

/// <summary>The worked examples, through the real inventory reader and planner.</summary>
public class ExampleTests
{
    public static TheoryData<string> Names => ["emigrate", "shopfront"];

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_stack_of_an_example_gets_the_same_program_which_passes_the_pack(string example)
    {
        var plans = Examples.Plans(Examples.Read(example));
        var results = plans.Select(p => AwsLanding.Build(p, stages: plans)).ToList();
        var program = results[0].Program.Dump();
        Assert.All(results, r => Assert.Equal(program, r.Program.Dump()));

        var report = new PolicyEngine([GenericPolicyPack.Create(), AwsPolicyPack.Create()]).Check(results[0].Program, results.Select(r => r.Stack));
        Assert.True(report.Passed, string.Join("\n", report.Violations.Select(v => $"{v.RuleId} {v.Resource}: {v.Message}")));
    }

    [Fact]
    public void The_shopfront_pipeline_lands_staging_and_production_with_their_own_values()
    {
        var plans = Examples.Plans(Examples.Read("shopfront"));
        Assert.Equal(["prod", "staging"], plans.Select(p => p.Stack));
        var prod = AwsLanding.Build(plans[0], stages: plans);
        var staging = AwsLanding.Build(plans[1], stages: plans);
        Assert.Equal(prod.Stack.Values.Keys.Where(k => k != "shopfrontDomains"), staging.Stack.Values.Keys.Where(k => k != "shopfrontDomains"));
        Assert.NotEqual(GraphQuery.Show(prod.Stack.Values["shopfrontWebCpu"]), GraphQuery.Show(staging.Stack.Values["shopfrontWebCpu"]));
        Assert.Contains(prod.Program.Resources, r => r.Type == AwsTypes.ScalingTarget);
    }
}
