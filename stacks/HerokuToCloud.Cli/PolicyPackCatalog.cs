using HerokuToCloud.Aws.Policy;
using HerokuToCloud.Graph.Policy;
using HerokuToCloud.Graph.Policy.Generic;
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
}
