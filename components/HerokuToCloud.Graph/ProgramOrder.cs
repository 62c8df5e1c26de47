namespace HerokuToCloud.Graph;

/// <summary>
/// The order in which a program's variables and resources can be evaluated: each after everything it
/// references or depends on. Pulumi YAML sorts a program the same way and rejects cycles; a TypeScript
/// program needs the order spelled out because a <c>const</c> cannot be used before it is declared.
/// </summary>
internal static class ProgramOrder
{
    /// <summary>Variables and resources in dependency order, keeping the graph's order wherever dependencies allow.</summary>
    public static IReadOnlyList<ProgramElement> Sort(ResourceGraph graph)
    {
        var elements = graph.Variables.Select(v => new ProgramElement(v.Name, null, v))
            .Concat(graph.Resources.Select(r => new ProgramElement(r.Name, r, null)))
            .ToList();
        var names = elements.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var dependencies = elements.ToDictionary(
            e => e.Name,
            e => e.Dependencies().Where(d => names.Contains(d) && d != e.Name).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);

        var selfReferencing = elements.FirstOrDefault(e => e.Dependencies().Contains(e.Name));
        if (selfReferencing is not null)
            throw new ResourceGraphException($"{selfReferencing.Name} references itself.");

        var sorted = new List<ProgramElement>(elements.Count);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var remaining = new List<ProgramElement>(elements);
        while (remaining.Count > 0)
        {
            var next = remaining.FindIndex(e => dependencies[e.Name].All(done.Contains));
            if (next < 0)
                throw new ResourceGraphException($"The program has a dependency cycle: {DescribeCycle(remaining, dependencies)}.");
            sorted.Add(remaining[next]);
            done.Add(remaining[next].Name);
            remaining.RemoveAt(next);
        }

        return sorted;
    }

    private static string DescribeCycle(List<ProgramElement> remaining, Dictionary<string, HashSet<string>> dependencies)
    {
        var pending = remaining.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var path = new List<string> { remaining[0].Name };
        while (true)
        {
            var next = dependencies[path[^1]].Where(pending.Contains).Order(StringComparer.Ordinal).First();
            var seen = path.IndexOf(next);
            if (seen >= 0)
                return string.Join(" → ", path.Skip(seen).Append(next));
            path.Add(next);
        }
    }

    /// <summary>Every name a value references (resources, variables, config keys, the built-in <c>pulumi</c>).</summary>
    public static IEnumerable<string> References(Value value) =>
        PropertyPath.Walk(value).Select(p => p.Value).SelectMany(v => v switch
        {
            ReferenceValue reference => [reference.Name],
            ConfigValue config => [config.Key],
            _ => Array.Empty<string>(),
        });
}

/// <summary>A variable or a resource, the two kinds of program element that can depend on each other.</summary>
internal sealed record ProgramElement(string Name, Resource? Resource, NamedValue? Variable)
{
    public IEnumerable<string> Dependencies() => Resource is { } resource
        ? ProgramOrder.References(resource.Properties).Concat(resource.Options.DependsOn)
            .Concat(resource.Options.Provider is { } provider ? [provider] : [])
        : ProgramOrder.References(Variable!.Value);
}
