namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>
/// The Kubernetes security baseline as rules: every Pod Security Standards "restricted" control
/// (and the baseline controls it includes) on every pod template, read-only root filesystems,
/// resource requests and limits, probes on web pods, config from Secrets, the namespace's
/// enforce label and a default-deny NetworkPolicy.
/// </summary>
public static class KubernetesPolicy
{
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

    /// <summary>True when the program contains Kubernetes resources, i.e. these rules apply to it.</summary>
    public static bool AppliesTo(HerokuToCloud.Graph.ResourceGraph graph) => graph.Resources.Any(r => r.Package == "kubernetes");

    public static IReadOnlyList<PolicyFinding> Evaluate(PolicyInput input) =>
        Rules.SelectMany(rule => rule.Evaluate(input)).ToList();
}
