namespace HerokuToCloud.Graph.Tests;

public class ModelTests
{
    [Fact]
    public void Lists_and_interpolations_compare_by_content()
    {
        Assert.Equal(Value.List("a", 1), Value.List("a", 1));
        Assert.NotEqual(Value.List("a", 1), Value.List("a", 2));
        Assert.Equal(InterpolationValue.Of("x-", new ConfigValue("k")), InterpolationValue.Of("x-", new ConfigValue("k")));
    }

    [Fact]
    public void Declaring_a_list_config_key_twice_with_the_same_default_is_allowed()
    {
        var graph = new ResourceGraph("p", "");
        graph.Declare(new ConfigDeclaration("hosts", ConfigType.StringList, Default: Value.List("a")));

        var again = graph.Declare(new ConfigDeclaration("hosts", ConfigType.StringList, Default: Value.List("a")));

        Assert.Equal(new ConfigValue("hosts"), again);
        Assert.Single(graph.Config);
    }

    [Fact]
    public void Property_paths_parse_find_and_print()
    {
        var path = PropertyPath.Parse("spec.containers[0][\"odd.key\"]");
        var value = new MapValue { ["spec"] = new MapValue { ["containers"] = Value.List(new MapValue { ["odd.key"] = "found" }) } };

        Assert.Equal("spec.containers[0][\"odd.key\"]", path.ToString());
        Assert.Equal(new StringValue("found"), path.Find(value));
        Assert.Null(PropertyPath.Parse("spec.missing[3]").Find(value));
        Assert.Throws<FormatException>(() => PropertyPath.Parse("spec..x"));
        Assert.Throws<FormatException>(() => PropertyPath.Parse("a[x]"));
    }

    [Fact]
    public void Walking_a_value_visits_function_arguments_and_interpolation_parts()
    {
        var value = new MapValue
        {
            ["a"] = new JsonValue(new MapValue { ["password"] = "x" }),
            ["b"] = InterpolationValue.Of("p-", new ConfigValue("k")),
        };

        var visited = PropertyPath.Walk(value).Select(p => (p.Path.ToString(), p.Value)).ToList();

        Assert.Contains(("a.password", (Value)new StringValue("x")), visited);
        Assert.Contains(("b", (Value)new ConfigValue("k")), visited);
    }
}
