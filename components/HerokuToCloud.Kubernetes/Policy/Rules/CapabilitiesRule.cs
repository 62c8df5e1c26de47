namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>Restricted: drop ALL capabilities; add back at most NET_BIND_SERVICE.</summary>
public sealed class CapabilitiesRule : PodRule
{
    public override string Id => "PSS.capabilities";

    public override string Title => "Every container drops ALL capabilities and adds none but NET_BIND_SERVICE";

    protected override IEnumerable<string> Check(PodTemplate pod, PolicyContext input)
    {
        foreach (var (kind, container) in pod.Containers())
        {
            var capabilities = container.At("securityContext", "capabilities");
            if (!capabilities.At("drop").Strings().Contains("ALL"))
                yield return $"{kind} {pod.Name(container)} does not drop ALL capabilities.";
            foreach (var added in capabilities.At("add").Strings().Where(a => a != "NET_BIND_SERVICE"))
                yield return $"{kind} {pod.Name(container)} adds capability {added}.";
        }
    }
}
