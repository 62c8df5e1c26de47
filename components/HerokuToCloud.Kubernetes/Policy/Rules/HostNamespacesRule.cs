namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>Baseline: no sharing of the node's network, PID or IPC namespaces.</summary>
public sealed class HostNamespacesRule : PodRule
{
    public override string Id => "K8S-PSS-HOST-NAMESPACES";

    public override string Description => "Pods must not use hostNetwork, hostPID or hostIPC.";

    protected override IEnumerable<string> Check(PodTemplate pod, PolicyInput input) =>
        new[] { "hostNetwork", "hostPID", "hostIPC" }.Where(field => pod.Spec[field].IsTrue())
            .Select(field => $"spec.{field} is true.");
}
