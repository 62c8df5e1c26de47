namespace HerokuToCloud.Graph.Policy.Generic;

/// <summary>
/// PROGRAM.1: every provider is pinned. A resource or function of a package the program does not pin runs
/// with whatever plugin version is installed, not the one the program was type-checked against.
/// </summary>
public sealed class PinnedProvidersRule : IPolicyRule
{
    public string Id => "PROGRAM.1";

    public string Title => "Every provider package is pinned to an exact version";

    public IEnumerable<PolicyViolation> Evaluate(ResourceGraph graph)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var resource in graph.Resources)
        {
            if (resource.Package != "pulumi" && !graph.Packages.ContainsKey(resource.Package) && resource.Options.Provider is null && reported.Add(resource.Package))
                yield return new PolicyViolation(Id, resource.Name, $"provider {resource.Package} has no pinned version; add `version:` to the resource options (or to its explicit provider).");
        }
    }
}
