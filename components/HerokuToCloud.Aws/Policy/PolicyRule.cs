namespace HerokuToCloud.Aws.Policy;

/// <summary>
/// A rule that checks every resource of one type: <see cref="Check"/> returns what is wrong with a
/// resource (null when it complies). A resource whose opt-out tag names the control is reported as
/// an opt-out instead of a violation, when the control allows opting out.
/// </summary>
public abstract class ResourceRule(string id, string title, string type, bool allowsOptOut = false) : IPolicyRule
{
    public string Id { get; } = id;

    public string Title { get; } = title;

    public IEnumerable<PolicyFinding> Evaluate(PolicyInput input)
    {
        var context = new PolicyContext(input);
        foreach (var resource in context.OfType(type))
        {
            foreach (var problem in Check(context, resource))
            {
                var optedOut = allowsOptOut && PolicyContext.OptedOut(resource, Id);
                yield return new PolicyFinding(Id, resource.Name, optedOut ? $"opted out: {problem}" : problem,
                    optedOut ? PolicyOutcome.OptOut : PolicyOutcome.Violation);
            }
        }
    }

    protected abstract IEnumerable<string> Check(PolicyContext context, Graph.Resource resource);
}

/// <summary>A rule that looks at the program as a whole (relations between resources).</summary>
public abstract class ProgramRule(string id, string title) : IPolicyRule
{
    public string Id { get; } = id;

    public string Title { get; } = title;

    public IEnumerable<PolicyFinding> Evaluate(PolicyInput input) => Check(new PolicyContext(input));

    protected abstract IEnumerable<PolicyFinding> Check(PolicyContext context);

    protected PolicyFinding Violation(string resource, string message) => new(Id, resource, message);

    protected PolicyFinding OptOut(string resource, string message) => new(Id, resource, message, PolicyOutcome.OptOut);
}
