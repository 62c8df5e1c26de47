using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// A PodDisruptionBudget for an app's web pods: node drains may take at most one web pod at a time.
/// It is written for every web process because the replica count is stack config: with more than
/// one replica it keeps the app serving through a drain, and with one replica maxUnavailable: 1
/// allows the eviction, so it never blocks a drain (unlike minAvailable: 1 would). Pods that are
/// running but not ready (a crash loop, a bad release) may always be evicted: under the default
/// policy (IfHealthyBudget) two broken web pods would hold every node drain, and a cluster upgrade
/// with it, until someone fixed the app; evicting them disrupts nothing that was serving.
/// </summary>
internal static class DisruptionBudget
{
    public static Resource Build(LandingContext context, AppRuntime runtime, Service web)
    {
        var name = AppDeployment.WorkloadName(runtime.App, web);
        var labels = runtime.Labels(name, Labels.WebComponent);
        return context.Add(new Resource($"{name}-disruption-budget", KubernetesTypes.PodDisruptionBudget)
        {
            Properties = new MapValue
            {
                ["metadata"] = context.Metadata(name, labels.All()),
                ["spec"] = new MapValue
                {
                    ["maxUnavailable"] = 1,
                    ["selector"] = new MapValue { ["matchLabels"] = labels.Selector() },
                    ["unhealthyPodEvictionPolicy"] = "AlwaysAllow",
                },
            },
        });
    }
}
