namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>
/// Restricted forbids UID 0; the baseline here goes further and requires a numeric UID, because the
/// kubelet cannot verify runAsNonRoot for an image whose USER is a name (buildpack images).
/// </summary>
public sealed class RunAsUserRule : PodRule
{
    public override string Id => "K8S-PSS-RUN-AS-USER";

    public override string Description => "Pods must run as a numeric, non-zero runAsUser (pod level or every container).";

    protected override IEnumerable<string> Check(PodTemplate pod, PolicyInput input)
    {
        var podLevel = pod.Spec.At("securityContext", "runAsUser");
        if (podLevel is not null && podLevel.Number(input) == 0)
            yield return "the pod sets runAsUser: 0 (root).";
        foreach (var (kind, container) in pod.Containers())
        {
            var own = container.At("securityContext", "runAsUser");
            if (own is not null && own.Number(input) == 0)
                yield return $"{kind} {pod.Name(container)} sets runAsUser: 0 (root).";
            else if (!own.IsNumeric(input) && !podLevel.IsNumeric(input))
                yield return $"{kind} {pod.Name(container)} has no numeric runAsUser.";
        }
    }
}
