using HerokuToCloud.Aws.Tests.Fixtures;
using HerokuToCloud.Graph;
using HerokuToCloud.Graph.Conformance;
using HerokuToCloud.Graph.PulumiYaml;

namespace HerokuToCloud.Aws.Tests.Conformance;

/// <summary>
/// Every shape of AWS program the components generate, written as Pulumi YAML and type-checked against
/// the pinned @pulumi/aws, random and command typings in ONE tsc run (loading the AWS typings is the cost).
/// </summary>
public sealed class AwsConformanceRun : IAsyncLifetime
{
    public const string Broken = "broken";

    public Dictionary<string, string> Programs { get; } = new(StringComparer.Ordinal);

    public ConformanceReport Report { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var zone = new AwsLandingOptions { HostedZoneId = "Z0123456789ABCDEFGHIJ", AlbAccessLogsBucket = "landing-logs" };
        var existing = new AwsLandingOptions
        {
            ExistingVpc = new ExistingVpc("vpc-0123abcd", ["subnet-0000000a", "subnet-0000000b"], ["subnet-0000000c", "subnet-0000000d"]),
        };
        foreach (var example in new[] { "emigrate", "shopfront" })
        {
            var plans = Examples.Plans(Examples.Read(example));
            Add(example, AwsLanding.Build(plans[0], stages: plans).Program);
            Add($"{example}-zone", AwsLanding.Build(plans[0], zone, plans).Program);
            Add($"{example}-existing-vpc", AwsLanding.Build(plans[0], existing, plans).Program);
        }

        Add("fixture", AwsLanding.Build(Plans.EmigratePlan(), zone).Program);
        Add("fixture-no-domains", AwsLanding.Build(Plans.EmigratePlan(domains: [])).Program);
        Add("worker-only", AwsLanding.Build(Plans.WorkerOnly(), existing).Program);

        // A control: a misspelt property must fail, or the check proves nothing.
        var broken = AwsLanding.Build(Plans.EmigratePlan()).Program;
        broken.Get("emigrate-db").Properties["publiclyAccesible"] = false;
        Add(Broken, broken);

        var runner = new ConformanceRunner(NodeModules())
        {
            WorkspaceDirectory = Environment.GetEnvironmentVariable("HEROKU2CLOUD_CONFORMANCE_WORKSPACE") is { Length: > 0 } kept ? kept : null,
        };
        Report = await runner.CheckAsync(Programs);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private void Add(string name, ResourceGraph graph) => Programs[name] = PulumiYamlWriter.Write(graph);

    private static string NodeModules()
    {
        var path = Path.Combine(Examples.Root, "tests", "conformance", "node_modules");
        if (!Directory.Exists(Path.Combine(path, "@pulumi", "aws")))
            throw new InvalidOperationException($"The pinned Pulumi typings are missing at {path}: run scripts/setup.sh first.");
        return path;
    }
}

public sealed class AwsConformanceTests(AwsConformanceRun run) : IClassFixture<AwsConformanceRun>
{
    public static TheoryData<string> Generated =>
        ["emigrate", "emigrate-zone", "emigrate-existing-vpc", "shopfront", "shopfront-zone", "shopfront-existing-vpc", "fixture", "fixture-no-domains", "worker-only"];

    [Theory]
    [MemberData(nameof(Generated))]
    public void Generated_programs_type_check_against_the_pinned_provider_typings(string program)
    {
        var diagnostics = run.Report.For(program);
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }

    [Fact]
    public void A_misspelt_property_fails_the_check()
    {
        var diagnostics = run.Report.For(AwsConformanceRun.Broken);
        Assert.Contains(diagnostics, d => d.ToString().Contains("publiclyAccesible", StringComparison.Ordinal));
    }
}
