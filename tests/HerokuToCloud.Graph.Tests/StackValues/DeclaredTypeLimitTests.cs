using HerokuToCloud.Graph.PulumiYaml;

namespace HerokuToCloud.Graph.Tests.StackValues;

/// <summary>
/// Stack values held to the types the program declares, as Pulumi holds them before running the
/// program: what it refuses is reported, what it takes (quoted digits for an integer, "true" for a
/// boolean, a number for a string) is not.
/// </summary>
public class DeclaredTypeLimitTests
{
    private static ResourceGraph Program()
    {
        var graph = new ResourceGraph("shop", "A shop.");
        graph.Declare(new ConfigDeclaration("webEnablePdb", ConfigType.Boolean));
        graph.Declare(new ConfigDeclaration("webReplicas", ConfigType.Integer));
        graph.Declare(new ConfigDeclaration("imageTag", ConfigType.String));
        graph.Declare(new ConfigDeclaration("domains", ConfigType.StringList));
        graph.Declare(new ConfigDeclaration("apiToken", ConfigType.String, Secret: true));
        return graph;
    }

    /// <summary>The problems of a stack file holding <paramref name="config"/> lines, read as check DIR reads it.</summary>
    private static IReadOnlyList<StackValueProblem> Check(string config) =>
        StackValueLimits.DeclaredTypes(Program()).Check(PulumiYamlReader.ReadStack($"config:\n  {config}\n", "shop", "prod", "Pulumi.prod.yaml"));

    [Theory]
    [InlineData("shop:webEnablePdb: maybe", "webEnablePdb", "\"maybe\" is not a boolean; use true or false.")]
    [InlineData("shop:webEnablePdb: 'True'", "webEnablePdb", "\"True\" is not a boolean; use true or false.")]
    [InlineData("shop:webEnablePdb: yes", "webEnablePdb", "\"yes\" is not a boolean; use true or false.")]
    [InlineData("shop:webEnablePdb: 1", "webEnablePdb", "1 is not a boolean; use true or false.")]
    [InlineData("shop:webEnablePdb: True", "webEnablePdb", "True is not a boolean; use true or false.")]
    [InlineData("shop:webEnablePdb: FALSE", "webEnablePdb", "FALSE is not a boolean; use true or false.")]
    [InlineData("shop:webReplicas: 3.0", "webReplicas", "3.0 is not an integer; use a whole number such as 1.")]
    [InlineData("shop:webReplicas: 1e3", "webReplicas", "1e3 is not an integer; use a whole number such as 1.")]
    [InlineData("shop:webReplicas: 0x10", "webReplicas", "0x10 is not an integer; use a whole number such as 1.")]
    [InlineData("shop:webReplicas: two", "webReplicas", "\"two\" is not an integer; use a whole number such as 1.")]
    [InlineData("shop:webReplicas: 1.5", "webReplicas", "1.5 is not an integer; use a whole number such as 1.")]
    [InlineData("shop:webReplicas: ' 3'", "webReplicas", "\" 3\" is not an integer; use a whole number such as 1.")]
    [InlineData("shop:webReplicas: ''", "webReplicas", "\"\" is not an integer; use a whole number such as 1.")]
    [InlineData("shop:webReplicas: true", "webReplicas", "true is not an integer; use a whole number such as 1.")]
    [InlineData("shop:domains: shop.example.com", "domains", "\"shop.example.com\" is not a list of strings;")]
    [InlineData("shop:domains: [shop.example.com, 3]", "domains", "[\"shop.example.com\", 3] is not a list of strings;")]
    [InlineData("shop:imageTag: [v1]", "imageTag", "[\"v1\"] is a list, but the program reads one string;")]
    public void A_value_pulumi_refuses_for_its_declared_type_is_reported(string config, string key, string expected)
    {
        var problem = Assert.Single(Check(config));
        Assert.Equal(key, problem.Key);
        Assert.StartsWith(expected, problem.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shop:webEnablePdb: false")]
    [InlineData("shop:webEnablePdb: 'true'")]
    [InlineData("shop:webReplicas: 3")]
    [InlineData("shop:webReplicas: '3'")]
    [InlineData("shop:webReplicas: '-1'")]
    [InlineData("shop:webReplicas: +3")]
    [InlineData("shop:imageTag: 3.0")]
    [InlineData("shop:imageTag: True")]
    [InlineData("shop:imageTag: 17")]
    [InlineData("shop:imageTag: true")]
    [InlineData("shop:domains: []")]
    [InlineData("shop:domains: ['1', b.example.com]")]
    [InlineData("shop:undeclared: maybe")]
    [InlineData("aws:region: 3")]
    public void A_value_pulumi_takes_for_its_declared_type_is_not_reported(string config) =>
        Assert.Empty(Check(config));

    /// <summary>
    /// generate writes what it sets in Pulumi's spelling (true, 3), whatever a stack file it kept the value from
    /// said, so a value set in memory is judged by what it is.
    /// </summary>
    [Fact]
    public void A_value_set_by_generate_is_judged_by_its_value_as_generate_writes_it()
    {
        var stack = new StackConfig("prod");
        stack.Set("webReplicas", new NumberValue(3.0m));
        stack.Set("webEnablePdb", new BoolValue(true));
        Assert.Empty(StackValueLimits.DeclaredTypes(Program()).Check(stack));
    }

    [Fact]
    public void A_secret_key_is_not_checked_so_its_plaintext_value_is_never_repeated()
    {
        Assert.Empty(Check("shop:apiToken: [hunter2]"));
        Assert.DoesNotContain(DeclaredTypeLimit.Read(Program()), l => l.Key == "apiToken");
    }

    [Fact]
    public void The_declared_type_is_reported_instead_of_a_later_limit_on_the_same_key()
    {
        var limits = StackValueLimits.DeclaredTypes(Program()).Add(new CountLimit("webReplicas", "a replica count"));
        var stack = new StackConfig("prod");
        stack.Set("webReplicas", "two");
        var problem = Assert.Single(limits.Check(stack));
        Assert.Equal("\"two\" is not an integer; use a whole number such as 1.", problem.Problem);
    }
}
