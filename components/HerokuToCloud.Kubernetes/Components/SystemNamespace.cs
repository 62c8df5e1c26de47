using HerokuToCloud.Graph;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// One namespace per system and stack, enforcing the Pod Security Standards "restricted" profile
/// (and warning and auditing at the same level, so a violation is visible before it is refused).
/// Its name is stack config: stages of one pipeline can share a cluster without colliding.
/// </summary>
internal static class SystemNamespace
{
    public const string EnforceLabel = "pod-security.kubernetes.io/enforce";
    public const string EnforceVersionLabel = "pod-security.kubernetes.io/enforce-version";
    public const string Restricted = "restricted";

    public static void Build(LandingContext context)
    {
        var system = context.Plan.System;
        var name = context.Setting("namespace", ConfigType.String, KubernetesNames.Join(KubernetesNames.MaxLabel, system, context.Plan.Stack),
            "Kubernetes namespace the system runs in (created by this program).");

        var labels = Labels.System(system, "namespace");
        labels[EnforceLabel] = Restricted;
        labels[EnforceVersionLabel] = ProviderVersions.PodSecurityVersion;
        labels["pod-security.kubernetes.io/warn"] = Restricted;
        labels["pod-security.kubernetes.io/warn-version"] = ProviderVersions.PodSecurityVersion;
        labels["pod-security.kubernetes.io/audit"] = Restricted;
        labels["pod-security.kubernetes.io/audit-version"] = ProviderVersions.PodSecurityVersion;

        var resource = context.Add(new Resource($"{system}-namespace", KubernetesTypes.Namespace)
        {
            Properties = new MapValue
            {
                ["metadata"] = new MapValue { ["name"] = name, ["labels"] = labels },
            },
        });
        context.Namespace = resource.Ref("metadata.name");
        context.NamespaceName = name;
        context.NamespaceResource = resource.Name;
    }
}
