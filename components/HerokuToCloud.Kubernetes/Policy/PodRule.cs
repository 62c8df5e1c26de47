using HerokuToCloud.Graph;
using HerokuToCloud.Graph.Policy;

namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>
/// A rule checked on every pod template of a program. Findings name the resource that holds the
/// template (so a waiver annotation on that resource can excuse them) and say where in it the problem is.
/// </summary>
public abstract class PodRule : IPolicyRule
{
    public abstract string Id { get; }

    public abstract string Title { get; }

    public IEnumerable<PolicyViolation> Evaluate(ResourceGraph graph) =>
        PodTemplate.In(graph).SelectMany(pod => Check(pod, new PolicyContext(graph, null)).Select(message => Violation(pod, message)));

    /// <summary>Checks that need the stack's values (a UID given as config); by default the program checks cover everything.</summary>
    public virtual IEnumerable<PolicyViolation> EvaluateStack(ResourceGraph graph, StackConfig stack) => [];

    /// <summary>Problems found in one pod template, one message each.</summary>
    protected abstract IEnumerable<string> Check(PodTemplate pod, PolicyContext context);

    protected PolicyViolation Violation(PodTemplate pod, string message) => new(Id, pod.Resource, $"{pod.Where}: {message}");
}

/// <summary>The program a rule is checking and, for stack checks, the stack's values.</summary>
public sealed record PolicyContext(ResourceGraph Graph, StackConfig? Stack);
