namespace HerokuToCloud.Landing;

/// <summary>
/// Collects the findings of one planning run and hands them back de-duplicated in a fixed order
/// (warnings first, then by subject and message, ordinal), so the same inventory always reports the
/// same list whatever order its entries came in.
/// </summary>
internal sealed class FindingLog
{
    private readonly HashSet<PlanFinding> findings = [];

    public void Info(string subject, string message, ConfigRequest? config = null) =>
        findings.Add(new PlanFinding(FindingSeverity.Info, subject, message) { Config = config });

    public void Warning(string subject, string message) => findings.Add(new PlanFinding(FindingSeverity.Warning, subject, message));

    public IReadOnlyList<PlanFinding> Ordered() =>
        findings
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.Subject, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToList();
}
