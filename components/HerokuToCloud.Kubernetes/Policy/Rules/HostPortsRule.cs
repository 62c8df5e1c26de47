namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>Baseline: no host ports.</summary>
public sealed class HostPortsRule : PodRule
{
    public override string Id => "K8S-PSS-HOST-PORTS";

    public override string Description => "Containers must not bind host ports (hostPort unset or 0).";

    protected override IEnumerable<string> Check(PodTemplate pod, PolicyInput input) =>
        from c in pod.Containers()
        from port in c.Container["ports"].Maps()
        let hostPort = port["hostPort"]
        where hostPort is not null && hostPort.Number(input) != 0
        select $"{c.Kind} {pod.Name(c.Container)} binds hostPort {hostPort.Number(input)?.ToString() ?? "(from config)"}.";
}
