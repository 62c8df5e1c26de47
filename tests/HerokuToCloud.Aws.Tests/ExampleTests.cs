using HerokuToCloud.Aws.Policy;
using HerokuToCloud.Aws.Tests.Fixtures;

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

        var findings = AwsPolicyPack.Evaluate(new PolicyInput(results[0].Program, [.. results.Select(r => r.Stack)]));
        var violations = findings.Where(f => f.Outcome == PolicyOutcome.Violation).ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations.Select(v => $"{v.RuleId} {v.Resource}: {v.Message}")));
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
