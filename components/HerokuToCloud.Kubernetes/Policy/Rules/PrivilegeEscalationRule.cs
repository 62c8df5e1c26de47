namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>Restricted: allowPrivilegeEscalation must be set to false on every container.</summary>
public sealed class PrivilegeEscalationRule : PodRule
{
    public override string Id => "K8S-PSS-PRIVILEGE-ESCALATION";

    public override string Description => "Every container must set securityContext.allowPrivilegeEscalation: false.";

    protected override IEnumerable<string> Check(PodTemplate pod, PolicyInput input) =>
        pod.Containers().Where(c => !c.Container.At("securityContext", "allowPrivilegeEscalation").IsFalse())
            .Select(c => $"{c.Kind} {pod.Name(c.Container)} does not set allowPrivilegeEscalation: false.");
}
