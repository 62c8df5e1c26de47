namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>Restricted: a RuntimeDefault or Localhost seccomp profile at pod level or on every container; never Unconfined.</summary>
public sealed class SeccompRule : PodRule
{
    private static readonly string[] Allowed = ["RuntimeDefault", "Localhost"];

    public override string Id => "PSS.seccompProfile";

    public override string Title => "Pods use the RuntimeDefault or a Localhost seccomp profile";

    protected override IEnumerable<string> Check(PodTemplate pod, PolicyContext input)
    {
        var podProfile = pod.Spec.At("securityContext", "seccompProfile", "type").Text();
        if (podProfile is not null && !Allowed.Contains(podProfile))
            yield return $"the pod's seccomp profile is {podProfile}.";
        foreach (var (kind, container) in pod.Containers())
        {
            var own = container.At("securityContext", "seccompProfile", "type").Text();
            if (own is not null && !Allowed.Contains(own))
                yield return $"{kind} {pod.Name(container)} uses seccomp profile {own}.";
            else if (own is null && podProfile is null)
                yield return $"{kind} {pod.Name(container)} has no seccomp profile (set RuntimeDefault).";
        }
    }
}
