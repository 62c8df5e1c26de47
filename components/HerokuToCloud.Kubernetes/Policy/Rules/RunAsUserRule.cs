using HerokuToCloud.Graph;
using HerokuToCloud.Graph.Policy;

namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>
/// Restricted forbids UID 0; this baseline also requires a numeric UID, because the kubelet cannot
/// verify runAsNonRoot for an image whose USER is a name (buildpack images). A UID from stack config
/// must be an integer key, and each stack's value is checked to be non-zero.
/// </summary>
public sealed class RunAsUserRule : PodRule
{
    public override string Id => "PSS.runAsUser";

    public override string Title => "Pods run as a numeric, non-zero UID";

    protected override IEnumerable<string> Check(PodTemplate pod, PolicyContext input)
    {
        var podLevel = pod.Spec.At("securityContext", "runAsUser");
        if (podLevel.Number(input) == 0)
            yield return "the pod sets runAsUser: 0 (root).";
        foreach (var (kind, container) in pod.Containers())
        {
            var own = container.At("securityContext", "runAsUser");
            if (own.Number(input) == 0)
                yield return $"{kind} {pod.Name(container)} sets runAsUser: 0 (root).";
            else if (!own.IsNumeric(input) && !podLevel.IsNumeric(input))
                yield return $"{kind} {pod.Name(container)} has no numeric runAsUser; set securityContext.runAsUser to the image's non-root UID.";
        }
    }

    public override IEnumerable<PolicyViolation> EvaluateStack(ResourceGraph graph, StackConfig stack)
    {
        var context = new PolicyContext(graph, stack);
        foreach (var pod in PodTemplate.In(graph))
        {
            var uids = new[] { pod.Spec.At("securityContext", "runAsUser") }
                .Concat(pod.Containers().Select(c => c.Container.At("securityContext", "runAsUser")))
                .OfType<ConfigValue>();
            foreach (var uid in uids.Where(u => u.Number(context) == 0))
                yield return new PolicyViolation(Id, pod.Resource, $"{pod.Where}: stack {stack.Stack} sets {uid.Key} to 0, which runs the pod as root; use the image's non-root UID.");
        }
    }
}
