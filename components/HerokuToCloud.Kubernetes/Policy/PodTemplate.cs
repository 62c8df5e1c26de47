using HerokuToCloud.Graph;

namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>
/// A pod specification somewhere in a program: a Deployment's, StatefulSet's, DaemonSet's or Job's
/// template, a CronJob's job template, a bare Pod, or any of those written as a literal object inside
/// a ConfigGroup. The rules check every one, so a workload kind added later is covered too.
/// </summary>
public sealed record PodTemplate(string Resource, string Where, MapValue? Metadata, MapValue Spec)
{
    public string Location => $"{Resource} ({Where})";

    public IEnumerable<(string Kind, MapValue Container)> Containers() =>
        Spec["containers"].Maps().Select(c => ("container", c))
            .Concat(Spec["initContainers"].Maps().Select(c => ("initContainer", c)))
            .Concat(Spec["ephemeralContainers"].Maps().Select(c => ("ephemeralContainer", c)));

    public string Name(MapValue container) => container["name"].Text() ?? "?";

    public string? Label(string key) => Metadata.At("labels", key).Text();

    public string? Annotation(string key) => Metadata.At("annotations", key).Text();

    public static IEnumerable<PodTemplate> In(ResourceGraph graph)
    {
        foreach (var resource in graph.Resources)
        {
            if (resource.Type == KubernetesTypes.ConfigGroup)
            {
                var index = 0;
                foreach (var obj in resource.Properties["objs"].Maps())
                {
                    var kind = obj["kind"].Text();
                    foreach (var template in Of(resource.Name, $"objs[{index}] {kind}", kind, obj))
                        yield return template;
                    index++;
                }

                continue;
            }

            if (KubernetesTypes.ApiVersionAndKind(resource.Type) is var (_, kindOfType))
            {
                foreach (var template in Of(resource.Name, kindOfType, kindOfType, resource.Properties))
                    yield return template;
            }
        }
    }

    private static IEnumerable<PodTemplate> Of(string resource, string where, string? kind, MapValue body)
    {
        (MapValue? metadata, MapValue? spec) = kind switch
        {
            "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" or "Job" =>
                (body.MapAt("spec", "template", "metadata"), body.MapAt("spec", "template", "spec")),
            "CronJob" => (body.MapAt("spec", "jobTemplate", "spec", "template", "metadata"), body.MapAt("spec", "jobTemplate", "spec", "template", "spec")),
            "Pod" => (body.MapAt("metadata"), body.MapAt("spec")),
            _ => (null, null),
        };
        if (spec is not null)
            yield return new PodTemplate(resource, where, metadata, spec);
    }
}
