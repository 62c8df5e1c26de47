namespace HerokuToCloud.Graph.Policy;

/// <summary>What a policy check found: violations fail the check, waived violations and unused waivers are reported.</summary>
public sealed record PolicyReport(
    IReadOnlyList<PolicyPack> Packs,
    IReadOnlyList<PolicyViolation> Violations,
    IReadOnlyList<PolicyWaiver> Waived,
    IReadOnlyList<UnusedWaiver> UnusedWaivers)
{
    public bool Passed => Violations.Count == 0;

    public int RuleCount => Packs.Sum(p => p.Rules.Count);

    /// <summary>The rule with this id, for its title.</summary>
    public IPolicyRule? Rule(string id) => Packs.SelectMany(p => p.Rules).FirstOrDefault(r => r.Id == id);
}
