namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>Baseline: the default /proc mask.</summary>
public sealed class ProcMountRule : PodRule
{
    public override string Id => "PSS.procMount";

    public override string Title => "Containers keep the default /proc mount";

    protected override IEnumerable<string> Check(PodTemplate pod, PolicyContext input) =>
        pod.Containers()
            .Select(c => (c.Kind, c.Container, Mount: c.Container.At("securityContext", "procMount").Text()))
            .Where(c => c.Mount is not null and not "Default")
            .Select(c => $"{c.Kind} {pod.Name(c.Container)} sets procMount: {c.Mount}.");
}
