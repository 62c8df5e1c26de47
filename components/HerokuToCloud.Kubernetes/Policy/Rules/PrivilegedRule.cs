namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>Baseline: no privileged containers.</summary>
public sealed class PrivilegedRule : PodRule
{
    public override string Id => "PSS.privileged";

    public override string Title => "Containers do not run privileged";

    protected override IEnumerable<string> Check(PodTemplate pod, PolicyContext input) =>
        pod.Containers().Where(c => c.Container.At("securityContext", "privileged").IsTrue())
            .Select(c => $"{c.Kind} {pod.Name(c.Container)} sets securityContext.privileged: true.");
}
