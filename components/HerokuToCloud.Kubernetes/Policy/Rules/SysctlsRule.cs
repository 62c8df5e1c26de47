namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>Baseline: only the namespaced sysctls Kubernetes considers safe.</summary>
public sealed class SysctlsRule : PodRule
{
    private static readonly HashSet<string> Safe = new(StringComparer.Ordinal)
    {
        "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies",
        "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
        "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes",
    };

    public override string Id => "PSS.sysctls";

    public override string Title => "Pods set only safe sysctls";

    protected override IEnumerable<string> Check(PodTemplate pod, PolicyContext input) =>
        pod.Spec.At("securityContext", "sysctls").Maps()
            .Select(s => s["name"].Text() ?? "?")
            .Where(name => !Safe.Contains(name))
            .Select(name => $"the pod sets sysctl {name}.");
}
