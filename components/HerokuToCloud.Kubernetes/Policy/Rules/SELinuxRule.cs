using HerokuToCloud.Graph;

namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>Baseline: no custom SELinux user or role, and only the container SELinux types.</summary>
public sealed class SELinuxRule : PodRule
{
    private static readonly string[] AllowedTypes = ["container_t", "container_init_t", "container_kvm_t", "container_engine_t"];

    public override string Id => "PSS.seLinux";

    public override string Title => "SELinux options set only a container type";

    protected override IEnumerable<string> Check(PodTemplate pod, PolicyContext input)
    {
        var contexts = new List<(string Where, Value? Options)> { ("the pod", pod.Spec.At("securityContext", "seLinuxOptions")) };
        contexts.AddRange(pod.Containers().Select(c => ($"{c.Kind} {pod.Name(c.Container)}", c.Container.At("securityContext", "seLinuxOptions"))));
        foreach (var (where, options) in contexts.Where(c => c.Options is not null))
        {
            if (options.At("type").Text() is { Length: > 0 } type && !AllowedTypes.Contains(type))
                yield return $"{where} sets SELinux type {type}.";
            foreach (var field in new[] { "user", "role" }.Where(f => options.At(f).Text() is { Length: > 0 }))
                yield return $"{where} sets a custom SELinux {field}.";
        }
    }
}
