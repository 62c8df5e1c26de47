namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>Restricted: runAsNonRoot true at pod level (or on every container), and never false.</summary>
public sealed class RunAsNonRootRule : PodRule
{
    public override string Id => "K8S-PSS-RUN-AS-NON-ROOT";

    public override string Description => "Pods must set runAsNonRoot: true (pod level or every container) and no container may set it false.";

    protected override IEnumerable<string> Check(PodTemplate pod, PolicyInput input)
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
