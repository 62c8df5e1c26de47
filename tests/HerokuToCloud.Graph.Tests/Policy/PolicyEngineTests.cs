using HerokuToCloud.Graph.Policy;

namespace HerokuToCloud.Graph.Tests.Policy;

public class PolicyEngineTests
{
    /// <summary>A test rule: every resource of the given type violates it.</summary>
    private sealed class TypeRule(string id, string type) : IPolicyRule
    {
        public string Id => id;

        public string Title => $"No {type}";

        public IEnumerable<PolicyViolation> Evaluate(ResourceGraph graph) =>
            graph.Resources.Where(r => r.Type == type).Select(r => new PolicyViolation(Id, r.Name, $"{r.Name} is a {type}; remove it."));
    }

    private sealed class StackRule : IPolicyRule
    {
        public string Id => "STACK.1";

        public string Title => "Stacks set a region";

        public IEnumerable<PolicyViolation> Evaluate(ResourceGraph graph) => [];

        public IEnumerable<PolicyViolation> EvaluateStack(ResourceGraph graph, StackConfig stack) =>
            stack.Values.ContainsKey("aws:region") ? [] : [new PolicyViolation(Id, $"Pulumi.{stack.Stack}.yaml", "set aws:region.")];
    }

    private static readonly PropertyMapWaivers Tags = new("tags", "heroku2cloud:waive:");

    private static PolicyPack Aws(params IPolicyRule[] rules) => new("aws", "aws", rules, [Tags]);

    private static ResourceGraph Graph(params Resource[] resources)
    {
        var graph = new ResourceGraph("demo", "");
        graph.Pin("aws", "7.48.0");
        foreach (var resource in resources)
            graph.Add(resource);
        return graph;
    }

    private static Resource Bucket(string name, MapValue? tags = null) =>
        new(name, "aws:s3:Bucket") { Properties = tags is null ? [] : new MapValue { ["tags"] = tags } };

    [Fact]
    public void Violations_name_rule_resource_and_fix()
    {
        var report = new PolicyEngine([Aws(new TypeRule("S3.9", "aws:s3:Bucket"))]).Check(Graph(Bucket("assets"), new Resource("db", "aws:rds:Instance")));

        Assert.False(report.Passed);
        Assert.Equal([new PolicyViolation("S3.9", "assets", "assets is a aws:s3:Bucket; remove it.")], report.Violations);
        Assert.Equal("No aws:s3:Bucket", report.Rule("S3.9")!.Title);
    }

    [Fact]
    public void A_reasoned_waiver_turns_a_violation_into_a_waived_finding()
    {
        var graph = Graph(Bucket("assets", new MapValue { [Tags.Key("S3.9")] = "public website, reviewed by security" }), Bucket("other"));

        var report = new PolicyEngine([Aws(new TypeRule("S3.9", "aws:s3:Bucket"))]).Check(graph);

        Assert.Equal(["other"], report.Violations.Select(v => v.Resource));
        var waiver = Assert.Single(report.Waived);
        Assert.Equal(("assets", "S3.9", "public website, reviewed by security"), (waiver.Violation.Resource, waiver.Violation.RuleId, waiver.Reason));
        Assert.Empty(report.UnusedWaivers);
    }

    [Fact]
    public void A_waiver_without_a_reason_does_not_count()
    {
        var graph = Graph(Bucket("assets", new MapValue { [Tags.Key("S3.9")] = "  " }));

        var report = new PolicyEngine([Aws(new TypeRule("S3.9", "aws:s3:Bucket"))]).Check(graph);

        var violation = Assert.Single(report.Violations);
        Assert.Contains("its waiver gives no reason", violation.Message, StringComparison.Ordinal);
        Assert.Empty(report.Waived);
    }

    [Fact]
    public void Waivers_that_waive_nothing_are_reported_as_unused()
    {
        var graph = Graph(Bucket("assets", new MapValue { [Tags.Key("ECS.2")] = "not an ECS service" }));

        var report = new PolicyEngine([Aws(new TypeRule("S3.9", "aws:rds:Instance"))]).Check(graph);

        Assert.True(report.Passed);
        Assert.Equal([new UnusedWaiver("assets", "ECS.2", "not an ECS service")], report.UnusedWaivers);
    }

    [Fact]
    public void Packs_apply_only_to_programs_using_their_package_and_neutral_packs_to_all()
    {
        var kubernetes = new PolicyPack("kubernetes", "kubernetes", [new TypeRule("PSS.1", "aws:s3:Bucket")]);
        var neutral = new PolicyPack("generic", null, [new TypeRule("GEN.9", "aws:s3:Bucket")]);

        var report = new PolicyEngine([Aws(new TypeRule("S3.9", "aws:s3:Bucket")), kubernetes, neutral]).Check(Graph(Bucket("assets")));

        Assert.Equal(["aws", "generic"], report.Packs.Select(p => p.Name));
        Assert.Equal(["S3.9", "GEN.9"], report.Violations.Select(v => v.RuleId));
        Assert.Equal(2, report.RuleCount);
    }

    [Fact]
    public void A_generic_rule_is_waived_through_the_provider_pack_convention()
    {
        var neutral = new PolicyPack("generic", null, [new TypeRule("GEN.9", "aws:s3:Bucket")]);
        var graph = Graph(Bucket("assets", new MapValue { [Tags.Key("GEN.9")] = "kept on purpose" }));

        var report = new PolicyEngine([Aws(), neutral]).Check(graph);

        Assert.True(report.Passed);
        Assert.Single(report.Waived);
    }

    [Fact]
    public void Stack_rules_see_every_stack()
    {
        var prod = new StackConfig("prod");
        prod.Set("aws:region", "eu-west-1");
        var dev = new StackConfig("dev");

        var report = new PolicyEngine([Aws(new StackRule())]).Check(Graph(), [prod, dev]);

        Assert.Equal([new PolicyViolation("STACK.1", "Pulumi.dev.yaml", "set aws:region.")], report.Violations);
    }

    [Fact]
    public void Rule_ids_must_be_unique_across_packs()
    {
        var engine = new PolicyEngine([Aws(new TypeRule("X.1", "a")), new PolicyPack("generic", null, [new TypeRule("X.1", "b")])]);

        var error = Assert.Throws<InvalidOperationException>(() => engine.Check(Graph()));

        Assert.Contains("X.1 is defined twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Annotation_waivers_are_read_from_a_nested_map()
    {
        var convention = new PropertyMapWaivers("metadata.annotations", "waive.heroku2cloud.io/");
        var deployment = new Resource("web", "kubernetes:apps/v1:Deployment")
        {
            Properties = new MapValue { ["metadata"] = new MapValue { ["annotations"] = new MapValue { ["waive.heroku2cloud.io/PSS.runAsNonRoot"] = "vendor image runs as root", ["other"] = "x" } } },
        };

        Assert.Equal([new WaiverEntry("PSS.runAsNonRoot", "vendor image runs as root")], convention.Read(deployment));
        Assert.Empty(convention.Read(new Resource("bare", "kubernetes:apps/v1:Deployment")));
    }
}
