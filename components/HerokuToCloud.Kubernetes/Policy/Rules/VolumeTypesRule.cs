namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>Restricted: only volume types that cannot reach the node (no hostPath and friends).</summary>
public sealed class VolumeTypesRule : PodRule
{
    public static readonly IReadOnlySet<string> Allowed = new HashSet<string>(StringComparer.Ordinal)
    {
        "configMap", "downwardAPI", "emptyDir", "projected", "secret", "csi", "persistentVolumeClaim", "ephemeral", "image",
    };

    public override string Id => "PSS.volumeTypes";

    public override string Title => "Pods use only volume types that cannot reach the node";

    protected override IEnumerable<string> Check(PodTemplate pod, PolicyContext input) =>
        from volume in pod.Spec["volumes"].Maps()
        from source in volume.Entries.Select(e => e.Key).Where(k => k != "name")
        where !Allowed.Contains(source)
        select $"volume {volume["name"].Text() ?? "?"} is of type {source}.";
}
