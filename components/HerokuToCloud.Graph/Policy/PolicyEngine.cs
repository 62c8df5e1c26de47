namespace HerokuToCloud.Graph.Policy;

/// <summary>
/// Runs the packs that apply to a program and sorts their findings into violations and waivers. A
/// violation on a resource is waived when one of the applicable packs' conventions finds a waiver for
/// that rule on that resource with a non-blank reason; a waiver without a reason does not count.
/// </summary>
public sealed class PolicyEngine(IEnumerable<PolicyPack> packs)
{
    private readonly IReadOnlyList<PolicyPack> packs = packs.ToList();

    public PolicyReport Check(ResourceGraph graph, IEnumerable<StackConfig>? stacks = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var applicable = packs.Where(p => p.AppliesTo(graph)).ToList();
        var duplicate = applicable.SelectMany(p => p.Rules).GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Policy rule id {duplicate.Key} is defined twice; rule ids must be unique.");

        var stackList = (stacks ?? []).ToList();
        var findings = applicable.SelectMany(p => p.Rules)
            .SelectMany(rule => rule.Evaluate(graph).Concat(stackList.SelectMany(stack => rule.EvaluateStack(graph, stack))))
            .ToList();

        var conventions = applicable.SelectMany(p => p.Waivers).ToList();
        var waivers = graph.Resources.ToDictionary(
            r => r.Name,
            r => conventions.SelectMany(c => c.Read(r)).ToList(),
            StringComparer.Ordinal);

        var violations = new List<PolicyViolation>();
        var waived = new List<PolicyWaiver>();
        var used = new HashSet<(string Resource, string Rule)>();
        foreach (var finding in findings)
        {
            var entries = waivers.TryGetValue(finding.Resource, out var found) ? found.Where(w => w.RuleId == finding.RuleId).ToList() : [];
            var reason = entries.Select(w => w.Reason).FirstOrDefault(r => r.Length > 0);
            if (reason is not null)
            {
                waived.Add(new PolicyWaiver(finding, reason));
                used.Add((finding.Resource, finding.RuleId));
            }
            else
            {
                violations.Add(entries.Count > 0
                    ? finding with { Message = finding.Message + " (its waiver gives no reason, so it does not count)" }
                    : finding);
                if (entries.Count > 0)
                    used.Add((finding.Resource, finding.RuleId));
            }
        }

        var unused = waivers
            .SelectMany(w => w.Value.Select(entry => new UnusedWaiver(w.Key, entry.RuleId, entry.Reason)))
            .Where(w => !used.Contains((w.Resource, w.RuleId)))
            .ToList();
        return new PolicyReport(applicable, violations, waived, unused);
    }
}
