namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>
/// One result of a Kubernetes policy rule: the rule, the resource (and the place inside it) and what
/// is wrong. A waived finding is a control the inventory or plan deliberately turned off; it is
/// reported but does not fail the check.
/// </summary>
public sealed record PolicyFinding(string Rule, string Resource, string Message, bool Waived = false)
{
    public override string ToString() => $"{(Waived ? "waived" : "violation")} {Rule} {Resource}: {Message}";
}
