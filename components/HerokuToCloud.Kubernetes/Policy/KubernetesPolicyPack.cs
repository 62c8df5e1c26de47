using HerokuToCloud.Graph.Policy;

namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>
/// The Kubernetes security baseline as a policy pack: every Pod Security Standards "restricted"
/// control (and the baseline controls it includes) on every pod template, read-only root
/// filesystems, resource requests and limits, probes on web pods, config from Secrets, the
/// namespace's enforce label and a default-deny NetworkPolicy. A finding is waived by an annotation
/// <c>waive.heroku2cloud.io/&lt;rule id&gt;: "&lt;reason&gt;"</c> on the resource's own metadata.
/// </summary>
public static class KubernetesPolicyPack
{
    public const string WaiverPrefix = "waive.heroku2cloud.io/";

    public static PropertyMapWaivers Waivers { get; } = new("metadata.annotations", WaiverPrefix);

    public static IReadOnlyList<IPolicyRule> Rules { get; } =
    [
        new PrivilegedRule(),
        new HostNamespacesRule(),
        new HostPortsRule(),
        new VolumeTypesRule(),
        new PrivilegeEscalationRule(),
        new CapabilitiesRule(),
        new RunAsNonRootRule(),
        new RunAsUserRule(),
        new SeccompRule(),
        new ProcMountRule(),
        new SELinuxRule(),
        new AppArmorRule(),
        new SysctlsRule(),
        new WindowsHostProcessRule(),
        new ProbeHostRule(),
        new ReadOnlyRootFilesystemRule(),
        new ResourcesRule(),
        new WebProbesRule(),
        new ConfigFromSecretsRule(),
        new NamespaceLabelRule(),
        new DefaultDenyRule(),
    ];

    public static PolicyPack Create() => new("kubernetes", "kubernetes", Rules, [Waivers]);
}
