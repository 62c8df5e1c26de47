using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// Where an app's pods (web, workers, release and scheduler runs) may connect: the internet, because
/// Heroku apps call third-party APIs freely and the inventory cannot list them, but not private
/// ranges, link-local (the cloud metadata endpoint) or carrier-grade NAT, so the rest of the cluster
/// and the node's credentials stay out of reach; plus the datastores the app uses, on their port
/// (pods in the namespace, or any address for an external datastore, whose address the program does not know).
/// </summary>
internal static class AppEgressPolicy
{
    public static Resource Build(LandingContext context, AppLanding app, IEnumerable<DatastoreEndpoint> datastores)
    {
        var rules = new List<Value> { new MapValue { ["to"] = NetworkRules.Anywhere(publicOnly: true) } };
        foreach (var store in datastores.DistinctBy(d => d.Datastore).OrderBy(d => d.Datastore, StringComparer.Ordinal))
        {
            rules.Add(new MapValue
            {
                ["to"] = store.PodSelector is { } selector ? Value.List(NetworkRules.Pods(selector)) : NetworkRules.Anywhere(publicOnly: false),
                ["ports"] = NetworkRules.Ports(store.Port),
            });
        }

        var labels = new Labels(app.Name, KubernetesNames.Join(KubernetesNames.MaxLabel, app.Name, "egress"), "network-policy", context.Plan.System);
        return NetworkRules.Policy(context, $"{app.Name}-egress-policy", KubernetesNames.Join(KubernetesNames.MaxLabel, app.Name, "egress"),
            labels.All(),
            new MapValue { ["matchLabels"] = new MapValue { [Labels.NameKey] = app.Name, [Labels.PartOfKey] = context.Plan.System } },
            ingressRules: null,
            egressRules: Value.List(rules));
    }
}
