using HerokuToCloud.Graph.PulumiYaml;
using HerokuToCloud.Graph.Tests.Samples;

namespace HerokuToCloud.Graph.Tests.PulumiYaml;

public class RoundTripTests
{
    public static TheoryData<string> Samples() => ["kitchen", "aws", "kubernetes"];

    private static ResourceGraph Sample(string name) => name switch
    {
        "kitchen" => SampleGraphs.KitchenSink(),
        "aws" => AwsSample.Create(),
        _ => KubernetesSample.Create(),
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Writing_what_was_read_gives_the_same_bytes(string sample)
    {
        var written = PulumiYamlWriter.Write(Sample(sample));

        var rewritten = PulumiYamlWriter.Write(PulumiYamlReader.Read(written));

        Assert.Equal(written, rewritten);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Reading_gives_back_the_graph(string sample)
    {
        var graph = Sample(sample);

        var read = PulumiYamlReader.Read(PulumiYamlWriter.Write(graph));

        Assert.Equal(graph.Project, read.Project);
        Assert.Equal(graph.Config, read.Config);
        Assert.Equal(graph.Variables, read.Variables);
        Assert.Equal(graph.Packages, read.Packages);
        Assert.Equal(graph.Outputs, read.Outputs);
        Assert.Equal(graph.Resources.Count, read.Resources.Count);
        foreach (var (expected, actual) in graph.Resources.Zip(read.Resources))
        {
            Assert.Equal((expected.Name, expected.Type), (actual.Name, actual.Type));
            Assert.Equal(expected.Properties, actual.Properties);
            Assert.Equal(expected.Options.DependsOn, actual.Options.DependsOn);
            Assert.Equal(expected.Options with { DependsOn = [], IgnoreChanges = [], AdditionalSecretOutputs = [], ReplaceOnChanges = [] },
                actual.Options with { DependsOn = [], IgnoreChanges = [], AdditionalSecretOutputs = [], ReplaceOnChanges = [] });
        }
    }

    [Fact]
    public void Stack_files_round_trip()
    {
        var graph = SampleGraphs.KitchenSink();
        var written = PulumiYamlWriter.WriteStack(graph, SampleGraphs.KitchenSinkStack());

        var read = PulumiYamlReader.ReadStack(written, graph.Project, "prod", "Pulumi.prod.yaml");

        Assert.Equal(written, PulumiYamlWriter.WriteStack(graph, read));
        Assert.Equal(SampleGraphs.KitchenSinkStack().Values, read.Values);
    }

    [Fact]
    public void Program_files_hold_the_program_and_one_file_per_stack()
    {
        var graph = AwsSample.Create();
        var staging = new StackConfig("staging");
        staging.Set("imageTag", "v41");

        var files = ProgramFiles.Create(graph, AwsSample.Stack(), staging);

        Assert.Equal(["Pulumi.prod.yaml", "Pulumi.staging.yaml", "Pulumi.yaml"], files.Files.Keys);
        Assert.Equal(PulumiYamlWriter.Write(graph), files.Files["Pulumi.yaml"]);
        Assert.Equal("config:\n  shop:imageTag: v41\n", files.Files["Pulumi.staging.yaml"]);
        Assert.Contains("  aws:region: eu-west-1\n", files.Files["Pulumi.prod.yaml"], StringComparison.Ordinal);
    }

    [Fact]
    public void Program_files_refuse_a_stack_given_twice_or_badly_named()
    {
        var graph = AwsSample.Create();

        Assert.Throws<ResourceGraphException>(() => ProgramFiles.Create(graph, AwsSample.Stack(), AwsSample.Stack()));
        var bad = new StackConfig("../prod");
        bad.Set("imageTag", "v1");
        var error = Assert.Throws<ResourceGraphException>(() => ProgramFiles.Create(graph, bad));
        Assert.Contains("stack name \"../prod\" may only contain", error.Message, StringComparison.Ordinal);
    }
}
