namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>
/// Every container runs with a read-only root filesystem (writable paths only through volumes), unless
/// the pod template carries the waiver annotation the components write when the landing plan keeps a
/// process's disk writable; a waiver is reported, not failed.
/// </summary>
public sealed class ReadOnlyRootFilesystemRule : PodRule
{
    public override string Id => "K8S-READ-ONLY-ROOT";

    public override string Description => "Containers must set readOnlyRootFilesystem: true unless the plan waives it.";

    protected override IEnumerable<string> Check(PodTemplate pod, PolicyInput input) =>
        pod.Containers().Where(c => !c.Container.At("securityContext", "readOnlyRootFilesystem").IsTrue())
            .Select(c => $"{c.Kind} {pod.Name(c.Container)} has a writable root filesystem"
                + (pod.Annotation(PodSecurity.WritableRootWaiver) is { } reason ? $" (waived: {reason})." : "."));

    protected override PolicyFinding Finding(PodTemplate pod, string message) =>
        base.Finding(pod, message) with { Waived = pod.Annotation(PodSecurity.WritableRootWaiver) is not null };
}
