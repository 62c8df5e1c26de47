namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>Baseline: no privileged containers.</summary>
public sealed class PrivilegedRule : PodRule
{
    public override string Id => "K8S-PSS-PRIVILEGED";

    public override string Description => "Containers must not run privileged.";

    protected override IEnumerable<string> Check(PodTemplate pod, PolicyInput input) =>
        pod.Containers().Where(c => c.Container.At("securityContext", "privileged").IsTrue())
            .Select(c => $"{c.Kind} {pod.Name(c.Container)} sets securityContext.privileged: true.");
}
