namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>Restricted: runAsNonRoot true at pod level (or on every container), and never false.</summary>
public sealed class RunAsNonRootRule : PodRule
{
    public override string Id => "PSS.runAsNonRoot";

    public override string Title => "Pods set runAsNonRoot: true and no container sets it false";

    protected override IEnumerable<string> Check(PodTemplate pod, PolicyContext input)
    {
        var podLevel = pod.Spec.At("securityContext", "runAsNonRoot");
        foreach (var (kind, container) in pod.Containers())
        {
            var own = container.At("securityContext", "runAsNonRoot");
            if (own.IsFalse())
                yield return $"{kind} {pod.Name(container)} sets runAsNonRoot: false.";
            else if (!own.IsTrue() && !podLevel.IsTrue())
                yield return $"{kind} {pod.Name(container)} may run as root: neither it nor the pod sets runAsNonRoot: true.";
        }
    }
}
