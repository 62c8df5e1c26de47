namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>
/// Every container runs with a read-only root filesystem (writable paths only through volumes).
/// Heroku apps assume a writable disk, so the landing plan can keep it writable for a process; the
/// components then record a waiver annotation on that workload and the check reports it as waived.
/// </summary>
public sealed class ReadOnlyRootFilesystemRule : PodRule
{
    public override string Id => "K8S.readOnlyRootFilesystem";

    public override string Title => "Containers have a read-only root filesystem (writable paths are volumes)";

    protected override IEnumerable<string> Check(PodTemplate pod, PolicyContext input) =>
        pod.Containers().Where(c => !c.Container.At("securityContext", "readOnlyRootFilesystem").IsTrue())
            .Select(c => $"{c.Kind} {pod.Name(c.Container)} has a writable root filesystem; set readOnlyRootFilesystem: true and mount an emptyDir where it writes.");
}
