using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// The CPU architecture the app pods (and the data migration) run on, and what it asks of the images.
/// Heroku dynos are x86-64. heroku/builder:24 and the .NET images are multi-architecture, so pack or
/// docker on an arm64 machine (an Apple Silicon Mac) builds an arm64 image unless told otherwise, and
/// its containers never start on an x86-64 node (exec format error, CrashLoopBackOff). A cluster may
/// also mix node pools of both architectures (Graviton, Ampere), where the scheduler places a pod on
/// any node whatever its image holds. So every such pod selects nodes of one architecture, stack
/// config that defaults to Heroku's, and generate says how to build for it before the first push.
/// </summary>
internal static class NodeArchitecture
{
    /// <summary>The well-known node label the kubelet sets to the node's GOARCH.</summary>
    public const string NodeLabel = "kubernetes.io/arch";

    public const string Default = "amd64";

    /// <summary>
    /// The architectures a pod may select. The label takes any GOARCH (arm, ppc64le, s390x …), but the
    /// images are not built for those: heroku/builder:24 builds amd64 and arm64 only. A value outside
    /// them, or a mistyped one (x86_64, aarch64, AMD64), matches no node and every pod stays Pending.
    /// </summary>
    public static IReadOnlyList<string> Choices { get; } = [Default, "arm64"];

    public const string Key = "nodeArchitecture";

    public const string Subject = "images";

    /// <summary>The architecture as stack config.</summary>
    public static ConfigValue Setting(LandingContext context) => context.Setting(Key, ConfigType.String, Default,
        $"CPU architecture of the nodes the app pods run on (node label {NodeLabel}): amd64 or arm64, spelled so. amd64 as Heroku's dynos; arm64 for an arm-only cluster, with every image built for it.");

    /// <summary>A pod spec's <c>nodeSelector</c> for that architecture.</summary>
    public static MapValue Selector(Value architecture) => new() { [NodeLabel] = architecture };

    /// <summary>Reports how to build the images the pods run.</summary>
    /// <param name="toolImage">Whether the program runs the heroku2cloud image (a data migration), which the team builds too.</param>
    public static void Advise(LandingContext context, bool toolImage)
    {
        var platform = $"linux/{Default}";
        var tool = toolImage ? $", and the heroku2cloud image with docker build --platform {platform}" : "";
        var lead = $"every app pod runs on {Default} nodes (nodeSelector {NodeLabel}), as Heroku dynos run on x86-64: build the images for it " +
            $"(pack build ... --platform {platform}, docker build --platform {platform}{tool}). Built on an arm64 machine such as an Apple Silicon Mac without it, " +
            "an image is arm64 and its pods never start (exec format error, CrashLoopBackOff). For an arm-only cluster, build for linux/arm64 and select arm64 nodes";
        context.Warn(Subject, $"{lead}: pulumi config set {Key} arm64.", new ConfigRequest(lead, [Key], Example: "arm64"));
    }
}
