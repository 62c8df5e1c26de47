using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// Lets a data-migration Job's pod reach PostgreSQL on any address (the Heroku source is on the
/// internet, an external target may be private) and the new cluster's pods in the namespace.
/// </summary>
internal static class MigrationEgressPolicy
{
    public static Resource Build(LandingContext context, PostgresDatastore postgres, DatastoreEndpoint target)
    {
        var rules = new List<Value>
        {
            new MapValue { ["to"] = NetworkRules.Anywhere(publicOnly: false), ["ports"] = NetworkRules.Ports(PostgresCluster.Port) },
        };
        if (target.PodSelector is { } selector)
            rules.Add(new MapValue { ["to"] = Value.List(NetworkRules.Pods(selector)), ["ports"] = NetworkRules.Ports(target.Port) });

        var name = KubernetesNames.Fit(postgres.Name, 50);
        var policyName = KubernetesNames.Join(KubernetesNames.MaxLabel, name, "data-migration-egress");
        var labels = new Labels(name, policyName, "network-policy", context.Plan.System);
        return NetworkRules.Policy(context, $"{name}-data-migration-egress-policy", policyName, labels.All(),
            new MapValue { ["matchLabels"] = DataMigrationJob.PodSelector(postgres.Name) },
            ingressRules: null,
            egressRules: Value.List(rules));
    }
}
