namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>Baseline: no host ports.</summary>
public sealed class HostPortsRule : PodRule
{
    public override string Id => "PSS.hostPorts";

    public override string Title => "Containers bind no host ports";

    protected override IEnumerable<string> Check(PodTemplate pod, PolicyContext input) =>
        from c in pod.Containers()
        from port in c.Container["ports"].Maps()
        let hostPort = port["hostPort"]
        where hostPort is not null && hostPort.Number(input) != 0
        select $"{c.Kind} {pod.Name(c.Container)} binds hostPort {hostPort.Number(input)?.ToString() ?? "(from config)"}.";
}
