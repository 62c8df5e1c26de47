using HerokuToCloud.Graph.Conformance;
using HerokuToCloud.Graph.Policy;
using HerokuToCloud.Graph.Policy.Generic;
using HerokuToCloud.Graph.PulumiYaml;
using HerokuToCloud.Kubernetes.Policy;

namespace HerokuToCloud.Kubernetes.Tests;

/// <summary>Runs tsc once over every example and sample program (the slow part), shared by the tests below.</summary>
public sealed class ConformanceFixture
{
    public ConformanceFixture()
    {
        Programs = ExamplePrograms.All().ToDictionary(p => p.Name, p => p.Program);
        Report = new ConformanceRunner(Repository.NodeModules).CheckAsync(Programs.ToDictionary(p => p.Key, p => p.Value.Graph)).GetAwaiter().GetResult();
    }

    public IReadOnlyDictionary<string, KubernetesProgram> Programs { get; }

    public ConformanceReport Report { get; }
}

public class ConformanceTests(ConformanceFixture fixture) : IClassFixture<ConformanceFixture>
{
    [Fact]
    public void Every_example_and_sample_program_type_checks_against_the_pinned_kubernetes_typings()
    {
        Assert.True(fixture.Report.Passed, fixture.Report.ToString());
        Assert.Equal(fixture.Programs.Count, fixture.Report.Programs.Count);
        Assert.True(fixture.Programs.Count >= 9);
    }

    [Fact]
    public void Every_example_and_sample_program_passes_the_policy_packs_read_back_from_its_files()
    {
        var engine = new PolicyEngine([GenericPolicyPack.Create(), KubernetesPolicyPack.Create()]);
        foreach (var (name, program) in fixture.Programs)
        {
            // Check what is written, as `heroku2cloud check` does: the files read back, not the graph in memory.
            var files = ProgramFiles.Create(program.Graph, program.Stack).Files;
            var graph = PulumiYamlReader.Read(files[PulumiYamlWriter.ProgramFileName]);
            var stack = PulumiYamlReader.ReadStack(files[PulumiYamlWriter.StackFileName(program.Stack.Stack)], graph.Project, program.Stack.Stack, "stack");
            var report = engine.Check(graph, [stack]);
            Assert.True(report.Passed, $"{name}:\n{string.Join("\n", report.Violations)}");
            Assert.Empty(report.UnusedWaivers);
            Assert.Contains(report.Packs, p => p.Name == "kubernetes");
        }
    }

    [Fact]
    public void The_pipeline_example_writes_one_pulumi_yaml_for_all_its_stacks()
    {
        var stacks = ExamplePrograms.Stacks("shopfront");
        Assert.True(stacks.Count >= 2, string.Join(",", stacks));
        var programs = stacks.Select(s => PulumiYamlWriter.Write(fixture.Programs[$"shopfront-{s}"].Graph)).Distinct().ToList();
        Assert.Single(programs);
        var stackFiles = stacks.Select(s => PulumiYamlWriter.WriteStack(fixture.Programs[$"shopfront-{s}"].Graph, fixture.Programs[$"shopfront-{s}"].Stack)).Distinct().ToList();
        Assert.Equal(stacks.Count, stackFiles.Count);
    }
}
