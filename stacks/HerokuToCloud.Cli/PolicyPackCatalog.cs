using HerokuToCloud.Aws.Policy;
using HerokuToCloud.Graph.Policy;
using HerokuToCloud.Graph.Policy.Generic;
using HerokuToCloud.Kubernetes.Manifests;
using HerokuToCloud.Kubernetes.Policy;

namespace HerokuToCloud.Cli;

/// <summary>
/// Every policy pack `heroku2cloud check` knows, in one place: a pack applies to a program only when the
/// program uses the pack's provider package, so listing a pack here is all it takes to enable it.
/// </summary>
internal static class PolicyPackCatalog
{
    public static IReadOnlyList<PolicyPack> All() =>
    [
        GenericPolicyPack.Create(),
        AwsPolicyPack.Create(),
        KubernetesPolicyPack.Create(),
    ];

    /// <summary>
    /// The packs for plain Kubernetes manifests: the Kubernetes pack and the plaintext-secret rule, which in
    /// manifests also flags every Secret written with values (base64 is not encryption).
    /// SECRETS.2 (secret config) and PROGRAM.1 (pinned providers) are about Pulumi programs; manifests have neither.
    /// </summary>
    public static IReadOnlyList<PolicyPack> ForManifests() =>
    [
        new PolicyPack("generic", package: null, [new ManifestPlaintextSecretRule()]),
        KubernetesPolicyPack.Create(),
    ];
}
