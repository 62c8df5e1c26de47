using HerokuToCloud.Graph.PulumiYaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HerokuToCloud.Graph.Tests.PulumiYaml;

/// <summary>Strings that YAML would otherwise read as something else, or could not hold at all.</summary>
public class QuotingTests
{
    public static TheoryData<string> Tricky() =>
    [
        "", " ", "8080", "-1", "+1", "1.5", ".5", "1e3", "1_000", "0x1F", "0o17", "0755", "0b101", "190:20:30", ".inf", "-.Inf", ".NaN",
        "true", "False", "TRUE", "yes", "No", "on", "OFF", "y", "n", "null", "Null", "~", "=", "<<", "2024-05-01", "2024-5-1 10:00",
        "- item", "-", "---", "--verbose", "-x", "? q", "?", ":colon", "key: value", "ends:", "a #comment", "#comment", "a#b",
        "&anchor", "*alias", "!tag", "|pipe", ">fold", "%directive", "@at", "`tick", "'single'", "\"double\"", "[x", "]x", "{x", "}x", ",x",
        " leading", "trailing ", "tab\there", "multi\nline", "ends with newline\n", "two\n\n", "  indented\nfirst", "trailing \nspaces",
        "\u0001control", "caf\u00e9 \u2603", "line\u2028separator", "\ufeffbom", "7.48.0", "v4.5.0", "${x}", "$${x}", "$", "$$", "a$", "C:\\path\\",
        "quote's", "both ' and \"",
    ];

    [Theory]
    [MemberData(nameof(Tricky))]
    public void A_string_property_reads_back_as_the_same_string(string text)
    {
        var graph = new ResourceGraph("quoting", "");
        graph.Pin("aws", "7.48.0");
        graph.Add(new Resource("r", "aws:s3:Bucket") { Properties = new MapValue { ["p"] = text, [text.Length == 0 ? "empty" : text] = "key" } });

        var yaml = PulumiYamlWriter.Write(graph);
        var read = PulumiYamlReader.Read(yaml).Resources[0].Properties;

        Assert.Equal(new StringValue(text), read["p"]);
        Assert.True(read.ContainsKey(text.Length == 0 ? "empty" : text));
        Assert.DoesNotContain(yaml.Split('\n'), line => line.EndsWith(' '));
    }

    [Theory]
    [MemberData(nameof(Tricky))]
    public void A_string_in_a_stack_file_reads_back_as_the_same_string(string text)
    {
        var graph = new ResourceGraph("quoting", "");
        graph.Declare(new ConfigDeclaration("p", ConfigType.String));
        var stack = new StackConfig("dev");
        stack.Set("p", text);

        var read = PulumiYamlReader.ReadStack(PulumiYamlWriter.WriteStack(graph, stack), "quoting", "dev", "Pulumi.dev.yaml");

        Assert.Equal(new StringValue(text), read.Values["p"]);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("Off")]
    [InlineData("y")]
    [InlineData("0755")]
    [InlineData("1_000")]
    [InlineData("190:20:30")]
    [InlineData("2024-05-01")]
    [InlineData("=")]
    public void Strings_that_only_YAML_1_1_would_misread_are_still_quoted(string text)
    {
        var graph = new ResourceGraph("quoting", "");
        graph.Pin("aws", "7.48.0");
        graph.Add(new Resource("r", "aws:s3:Bucket") { Properties = new MapValue { ["p"] = text } });

        var stream = new YamlStream();
        stream.Load(new StringReader(PulumiYamlWriter.Write(graph)));
        var resources = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode).Children["resources"];
        var properties = (YamlMappingNode)((YamlMappingNode)resources.Children["r"]).Children["properties"];
        var scalar = (YamlScalarNode)properties.Children["p"];

        Assert.Equal(text, scalar.Value);
        Assert.NotEqual(ScalarStyle.Plain, scalar.Style);
    }

    [Theory]
    [InlineData("7.48.0")]
    [InlineData("--verbose")]
    [InlineData("app.kubernetes.io/name")]
    [InlineData("arn:aws:iam::aws:policy/ReadOnlyAccess")]
    [InlineData("0 3 * * *")]
    [InlineData("https://example.com/a?b=c#frag")]
    public void Ordinary_strings_stay_plain(string text)
    {
        var graph = new ResourceGraph("quoting", "");
        graph.Pin("aws", "7.48.0");
        graph.Add(new Resource("r", "aws:s3:Bucket") { Properties = new MapValue { ["p"] = text } });

        Assert.Contains($"      p: {text}\n", PulumiYamlWriter.Write(graph), StringComparison.Ordinal);
    }
}
