namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>Every container states CPU and memory requests and limits (from the dyno size), so the scheduler places it and no pod can starve a node.</summary>
public sealed class ResourcesRule : PodRule
{
    public override string Id => "K8S.resources";

    public override string Title => "Every container sets CPU and memory requests and limits";

    protected override IEnumerable<string> Check(PodTemplate pod, PolicyContext input) =>
        from c in pod.Containers()
        from kind in new[] { "requests", "limits" }
        from resource in new[] { "cpu", "memory" }
        where c.Container.At("resources", kind, resource) is null
        select $"{c.Kind} {pod.Name(c.Container)} has no {resource} {kind[..^1]}.";
}
