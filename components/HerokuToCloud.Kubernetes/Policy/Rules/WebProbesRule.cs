namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>Web pods (app.kubernetes.io/component: web) have readiness and liveness probes, so traffic reaches only pods that answer.</summary>
public sealed class WebProbesRule : PodRule
{
    public override string Id => "K8S.webProbes";

    public override string Title => "Web pods have readiness and liveness probes";

    protected override IEnumerable<string> Check(PodTemplate pod, PolicyContext input)
    {
        if (pod.Label(Labels.ComponentKey) != Labels.WebComponent)
            yield break;
        foreach (var (kind, container) in pod.Containers().Where(c => c.Kind == "container"))
        {
            foreach (var probe in new[] { "readinessProbe", "livenessProbe" }.Where(p => container[p] is null))
                yield return $"{kind} {pod.Name(container)} of a web pod has no {probe}.";
        }
    }
}
