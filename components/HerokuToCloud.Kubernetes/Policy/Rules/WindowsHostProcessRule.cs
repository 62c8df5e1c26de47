namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>Baseline: no Windows host-process containers.</summary>
public sealed class WindowsHostProcessRule : PodRule
{
    public override string Id => "PSS.hostProcess";

    public override string Title => "Pods run no Windows HostProcess containers";

    protected override IEnumerable<string> Check(PodTemplate pod, PolicyContext input)
    {
        if (pod.Spec.At("securityContext", "windowsOptions", "hostProcess").IsTrue())
            yield return "the pod sets windowsOptions.hostProcess: true.";
        foreach (var (kind, container) in pod.Containers().Where(c => c.Container.At("securityContext", "windowsOptions", "hostProcess").IsTrue()))
            yield return $"{kind} {pod.Name(container)} sets windowsOptions.hostProcess: true.";
    }
}
