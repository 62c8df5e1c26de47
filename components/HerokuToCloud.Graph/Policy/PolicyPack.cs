namespace HerokuToCloud.Graph.Policy;

/// <summary>
/// The rules for one provider package ("aws", "kubernetes") and how that provider's resources carry
/// waivers. A pack applies to a program that uses its package; a pack without a package applies to every
/// program. The CLI registers its packs in one list (PolicyPackCatalog).
/// </summary>
public sealed class PolicyPack(string name, string? package, IEnumerable<IPolicyRule> rules, IEnumerable<IWaiverConvention>? waivers = null)
{
    public string Name { get; } = name;

    /// <summary>The provider package the pack is for, or null for provider-neutral rules.</summary>
    public string? Package { get; } = package;

    public IReadOnlyList<IPolicyRule> Rules { get; } = rules.ToList();

    public IReadOnlyList<IWaiverConvention> Waivers { get; } = (waivers ?? []).ToList();

    public bool AppliesTo(ResourceGraph graph) =>
        Package is null || graph.Packages.ContainsKey(Package) || graph.Resources.Any(r => r.Package == Package);
}
