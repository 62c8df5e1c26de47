namespace HerokuToCloud.Graph.Policy;

/// <summary>
/// One check of a program against the security baseline. Rules read the resource graph only (never the
/// cloud), so <c>heroku2cloud check</c> runs on a generated directory before anything is deployed.
/// </summary>
public interface IPolicyRule
{
    /// <summary>A short, stable id users can waive: "ECS.2", "PSS.runAsNonRoot", "SECRETS.1".</summary>
    string Id { get; }

    /// <summary>What the rule requires, in one line.</summary>
    string Title { get; }

    /// <summary>The violations in a program; each names the resource and says what to change.</summary>
    IEnumerable<PolicyViolation> Evaluate(ResourceGraph graph);

    /// <summary>Violations in one stack's config; most rules only look at the program.</summary>
    IEnumerable<PolicyViolation> EvaluateStack(ResourceGraph graph, StackConfig stack) => [];
}
