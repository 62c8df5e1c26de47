using HerokuToCloud.Graph;

namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>Baseline: AppArmor may not be turned off (profile Unconfined, field or legacy annotation).</summary>
public sealed class AppArmorRule : PodRule
{
    private const string AnnotationPrefix = "container.apparmor.security.beta.kubernetes.io/";

    public override string Id => "PSS.appArmor";

    public override string Title => "AppArmor is never Unconfined";

    protected override IEnumerable<string> Check(PodTemplate pod, PolicyContext input)
    {
        if (pod.Spec.At("securityContext", "appArmorProfile", "type").Text() == "Unconfined")
            yield return "the pod's AppArmor profile is Unconfined.";
        foreach (var (kind, container) in pod.Containers())
        {
            if (container.At("securityContext", "appArmorProfile", "type").Text() == "Unconfined")
                yield return $"{kind} {pod.Name(container)} has AppArmor profile Unconfined.";
        }

        foreach (var (key, value) in pod.Metadata.MapAt("annotations") ?? [])
        {
            if (key.StartsWith(AnnotationPrefix, StringComparison.Ordinal) && value.Text() is { } profile
                && profile != "runtime/default" && !profile.StartsWith("localhost/", StringComparison.Ordinal))
                yield return $"annotation {key} sets AppArmor profile {profile}.";
        }
    }
}
