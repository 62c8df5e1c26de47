using HerokuToCloud.Graph;

namespace HerokuToCloud.Aws.Tests.Fixtures;

/// <summary>Changes a generated program the way a careless edit would, to prove a policy rule notices.</summary>
internal static class Mutations
{
    /// <summary>Sets a property by path (map keys, [index] steps, through fn::toJSON and fn::secret), creating the last key.</summary>
    public static ResourceGraph Set(this ResourceGraph graph, string resource, string path, Value value)
    {
        var steps = path.Split('.');
        Value current = graph.Get(resource).Properties;
        for (var i = 0; i < steps.Length; i++)
        {
            var (key, index) = Parse(steps[i]);
            var last = i == steps.Length - 1;
            current = Unwrap(current);
            var map = (MapValue)current;
            if (index is null)
            {
                if (last)
                {
                    map[key] = value;
                    return graph;
                }

                current = map[key] ?? (map[key] = new MapValue());
            }
            else
            {
                var items = (Value[])((ListValue)Unwrap(map[key]!)).Items;
                if (last)
                {
                    items[index.Value] = value;
                    return graph;
                }

                current = items[index.Value];
            }
        }

        return graph;
    }

    /// <summary>A copy of the program with resources replaced (or dropped when the map returns null).</summary>
    public static ResourceGraph Rebuild(this ResourceGraph graph, Func<Resource, Resource?> map)
    {
        var copy = new ResourceGraph(graph.Project, graph.Description);
        foreach (var (package, version) in graph.Packages)
            copy.Pin(package, version);
        foreach (var config in graph.Config)
            copy.Declare(config);
        foreach (var variable in graph.Variables)
            copy.AddVariable(variable.Name, variable.Value);
        foreach (var resource in graph.Resources)
        {
            if (map(resource) is { } kept)
                copy.Add(kept);
        }

        foreach (var output in graph.Outputs)
            copy.AddOutput(output.Name, output.Value);
        return copy;
    }

    public static ResourceGraph Without(this ResourceGraph graph, params string[] names) => graph.Rebuild(r => names.Contains(r.Name) ? null : r);

    public static ResourceGraph WithoutProperty(this ResourceGraph graph, string resource, string property) =>
        graph.Rebuild(r => r.Name == resource ? r with { Properties = new MapValue(r.Properties.Where(e => e.Key != property)) } : r);

    public static ResourceGraph WithOptions(this ResourceGraph graph, string resource, Func<ResourceOptions, ResourceOptions> change) =>
        graph.Rebuild(r => r.Name == resource ? r with { Options = change(r.Options) } : r);

    /// <summary>Drops a key from a container definition of a task definition.</summary>
    public static ResourceGraph WithoutContainerKey(this ResourceGraph graph, string taskDefinition, string key)
    {
        var containers = (Value[])((ListValue)((JsonValue)graph.Get(taskDefinition).Properties["containerDefinitions"]!).Inner).Items;
        containers[0] = new MapValue(((MapValue)containers[0]).Where(e => e.Key != key));
        return graph;
    }

    private static Value Unwrap(Value value) => value switch
    {
        JsonValue json => Unwrap(json.Inner),
        SecretValue secret => Unwrap(secret.Inner),
        _ => value,
    };

    private static (string Key, int? Index) Parse(string step)
    {
        var bracket = step.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? (step, null) : (step[..bracket], int.Parse(step[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
