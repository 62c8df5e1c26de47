namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>Baseline (1.34): probes and lifecycle hooks may not aim at another host.</summary>
public sealed class ProbeHostRule : PodRule
{
    private static readonly string[] Handlers = ["livenessProbe", "readinessProbe", "startupProbe"];

    public override string Id => "PSS.probeHost";

    public override string Title => "Probes and lifecycle handlers target the pod itself";

    protected override IEnumerable<string> Check(PodTemplate pod, PolicyContext input)
    {
        foreach (var (kind, container) in pod.Containers())
        {
            var handlers = Handlers.Select(h => (h, container[h]))
                .Concat(new[] { "postStart", "preStop" }.Select(h => ($"lifecycle.{h}", container.At("lifecycle", h))));
            foreach (var (name, handler) in handlers.Where(h => h.Item2 is not null))
            {
                if (handler.At("httpGet", "host") is not null || handler.At("tcpSocket", "host") is not null)
                    yield return $"{kind} {pod.Name(container)} {name} sets a host.";
            }
        }
    }
}
