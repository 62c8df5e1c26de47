namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>Restricted: allowPrivilegeEscalation must be set to false on every container.</summary>
public sealed class PrivilegeEscalationRule : PodRule
{
    public override string Id => "PSS.allowPrivilegeEscalation";

    public override string Title => "Every container sets allowPrivilegeEscalation: false";

    protected override IEnumerable<string> Check(PodTemplate pod, PolicyContext input) =>
        pod.Containers().Where(c => !c.Container.At("securityContext", "allowPrivilegeEscalation").IsFalse())
            .Select(c => $"{c.Kind} {pod.Name(c.Container)} does not set allowPrivilegeEscalation: false.");
}
