namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>Baseline: no sharing of the node's network, PID or IPC namespaces.</summary>
public sealed class HostNamespacesRule : PodRule
{
    public override string Id => "PSS.hostNamespaces";

    public override string Title => "Pods do not share the node's network, PID or IPC namespaces";

    protected override IEnumerable<string> Check(PodTemplate pod, PolicyContext input) =>
        new[] { "hostNetwork", "hostPID", "hostIPC" }.Where(field => pod.Spec[field].IsTrue())
            .Select(field => $"spec.{field} is true.");
}
