using HerokuToCloud.Graph.Conformance;
using Xunit.Abstractions;

namespace HerokuToCloud.Graph.Tests.Conformance;

/// <summary>The conformance check catches what <c>pulumi preview</c> would, and nothing else.</summary>
[Collection(ConformanceCollection.Name)]
public class ConformanceTests(ConformanceRun run, ITestOutputHelper output)
{
    [Theory]
    [InlineData("aws")]
    [InlineData("kubernetes")]
    public void Realistic_programs_pass(string program)
    {
        Assert.True(run.Report.For(program).Count == 0, string.Join("\n", run.Report.For(program)));
    }

    [Theory]
    [InlineData("unknown-type", ConformanceCodes.UnknownType, "svc", null)]
    [InlineData("unknown-type", "TS2551", "svc", null)]
    [InlineData("misspelled-token", ConformanceCodes.UnknownType, "cluster", null)]
    [InlineData("unknown-property", "TS2353", "cluster", "nmae")]
    [InlineData("unknown-nested-property", "TS2353", "web", "loadBalancers[0].healthCheckPath")]
    [InlineData("string-for-number", "TS2322", "web", "desiredCount")]
    [InlineData("number-for-boolean", "TS2322", "images", "forceDelete")]
    [InlineData("unknown-function", ConformanceCodes.UnknownFunction, "zones", null)]
    [InlineData("unknown-function", "TS2551", "zones", null)]
    [InlineData("unknown-function-argument", "TS2561", "zones", "stat")]
    [InlineData("unknown-function-result", "TS2551", "zones", null)]
    [InlineData("wrong-enum", "TS2820", "alb", "loadBalancerType")]
    [InlineData("wrong-api-version", "TS2322", "ns", "apiVersion")]
    [InlineData("unknown-output", "TS2339", "clusterName", null)]
    [InlineData("missing-required-property", "TS2345", "task", null)]
    [InlineData("wrong-pin", ConformanceCodes.Version, null, null)]
    [InlineData("unsupported-in-yaml", ConformanceCodes.UnsupportedInYaml, "db", null)]
    [InlineData("unreadable", ConformanceCodes.Read, null, null)]
    public void Mistakes_are_reported_against_program_element_and_property(string program, string code, string? element, string? property)
    {
        var diagnostics = run.Report.For(program);

        Assert.True(
            diagnostics.Any(d => d.Code == code && d.Element == element && d.Owner?.Property == property),
            $"expected {code} on {element} {property}; got:\n{string.Join("\n", diagnostics)}");
    }

    [Fact]
    public void Every_broken_program_fails_and_only_for_its_mistake()
    {
        foreach (var (name, _) in BrokenPrograms.All())
        {
            var diagnostics = run.Report.For(name);
            Assert.NotEmpty(diagnostics);
            Assert.All(diagnostics, d => Assert.NotEqual(ConformanceCodes.Translation, d.Code));
        }

        Assert.Contains("unreadable/Pulumi.yaml:7:15", run.Report.For("unreadable").Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_compiler_run_checks_sixty_programs()
    {
        var timing = run.Programs.Keys.Where(p => p.StartsWith("timing-", StringComparison.Ordinal)).ToList();

        Assert.Equal(ConformanceRun.TimingPrograms, timing.Count);
        Assert.All(timing, p => Assert.Empty(run.Report.For(p)));
        Assert.DoesNotContain(run.Report.Diagnostics, d => d.Program == "(tsc)");
        Assert.True(run.Report.CompilerTime > TimeSpan.Zero);
        output.WriteLine($"tsc checked {run.Report.Programs.Count} programs ({timing.Count} of them realistic landings) in {run.Report.CompilerTime.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task Missing_typings_say_how_to_install_them()
    {
        var runner = new ConformanceRunner(Path.Combine(Path.GetTempPath(), "no-such-node-modules"));

        var error = await Assert.ThrowsAsync<ConformanceException>(() => runner.CheckAsync(new Dictionary<string, string> { ["x"] = "name: x\nruntime: yaml\n" }));

        Assert.Contains("scripts/setup.sh", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_node_says_what_to_install()
    {
        var runner = new ConformanceRunner(run.Runner.NodeModulesDirectory, "/nonexistent/node");

        var error = await Assert.ThrowsAsync<ConformanceException>(() =>
            runner.CheckAsync(new Dictionary<string, string> { ["x"] = "name: x\nruntime: yaml\n" }));

        Assert.Contains("install Node.js", error.Message, StringComparison.Ordinal);
    }
}
