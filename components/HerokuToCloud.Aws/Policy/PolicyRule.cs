using HerokuToCloud.Graph;
using HerokuToCloud.Graph.Policy;

namespace HerokuToCloud.Aws.Policy;

/// <summary>
/// A rule that checks every resource of one type: <see cref="Check"/> returns what is wrong with a
/// resource in the program (null values of stack config count as unknown), <see cref="CheckStack"/>
/// what is wrong with it given one stack's config values. Opt-outs are the policy engine's waivers:
/// tags <c>heroku2cloud:waive:&lt;rule&gt;</c> with a reason, which the AWS components write themselves
/// where the plan asks for an exception.
/// </summary>
public abstract class ResourceRule(string id, string title, string type) : IPolicyRule
{
    public string Id { get; } = id;

    public string Title { get; } = title;

    public IEnumerable<PolicyViolation> Evaluate(ResourceGraph graph)
    {
        var context = new PolicyContext(graph);
        return context.OfType(type).SelectMany(r => Check(context, r).Select(problem => new PolicyViolation(Id, r.Name, problem)));
    }

    public IEnumerable<PolicyViolation> EvaluateStack(ResourceGraph graph, StackConfig stack)
    {
        var context = new PolicyContext(graph, stack);
        return context.OfType(type).SelectMany(r => CheckStack(context, r).Select(problem => new PolicyViolation(Id, r.Name, problem)));
    }

    protected abstract IEnumerable<string> Check(PolicyContext context, Resource resource);

    /// <summary>Problems that depend on a stack's config values (retention days, counts); none by default.</summary>
    protected virtual IEnumerable<string> CheckStack(PolicyContext context, Resource resource) => [];
}

/// <summary>A rule that looks at the program as a whole (relations between resources).</summary>
public abstract class ProgramRule(string id, string title) : IPolicyRule
{
    public string Id { get; } = id;

    public string Title { get; } = title;

    public IEnumerable<PolicyViolation> Evaluate(ResourceGraph graph) => Check(new PolicyContext(graph));

    protected abstract IEnumerable<PolicyViolation> Check(PolicyContext context);

    protected PolicyViolation Violation(string resource, string message) => new(Id, resource, message);
}
