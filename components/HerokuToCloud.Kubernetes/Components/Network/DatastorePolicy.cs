using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// Who may reach a datastore running in the namespace: the pods of the apps that use it and its
/// data-migration Job, on its port. A CloudNativePG cluster also needs its operator (ports 8000 and
/// 5432, from the operator's namespace), its own instances talking to each other (replication and
/// status), and egress to the Kubernetes API server, which its instance manager reports to.
/// </summary>
internal static class DatastorePolicy
{
    public static Resource? Build(LandingContext context, Datastore datastore, DatastoreEndpoint endpoint, IReadOnlyCollection<string> apps, bool migrates)
    {
        if (endpoint.PodSelector is not { } selector)
            return null;

        var system = context.Plan.System;
        var clients = new List<Value>();
        if (apps.Count > 0)
            clients.Add(NetworkRules.AppPods(system, apps));
        if (migrates)
            clients.Add(NetworkRules.Pods(DataMigrationJob.PodSelector(datastore.Name)));

        var ingress = new List<Value>();
        if (clients.Count > 0)
            ingress.Add(new MapValue { ["from"] = Value.List(clients), ["ports"] = NetworkRules.Ports(endpoint.Port) });
        ListValue? egress = null;

        if (datastore is PostgresDatastore)
        {
            var operatorPods = NetworkRules.InNamespace(SharedSettings.CloudNativePgNamespace(context),
                new MapValue { [Labels.NameKey] = "cloudnative-pg" });
            ingress.Add(new MapValue { ["from"] = Value.List(operatorPods), ["ports"] = NetworkRules.Ports(8000, PostgresCluster.Port) });
            ingress.Add(new MapValue { ["from"] = Value.List(NetworkRules.Pods(selector)), ["ports"] = NetworkRules.Ports(8000, PostgresCluster.Port) });
            egress = Value.List(
                new MapValue { ["to"] = Value.List(NetworkRules.Pods(selector)), ["ports"] = NetworkRules.Ports(8000, PostgresCluster.Port) },
                // The API server's address is not a pod; its usual ports, to any address.
                new MapValue { ["ports"] = NetworkRules.Ports(443, 6443) });
        }

        var name = KubernetesNames.Fit(datastore.Name, 50);
        var labels = new Labels(name, KubernetesNames.Join(KubernetesNames.MaxLabel, name, "access"), "network-policy", system);
        return NetworkRules.Policy(context, $"{name}-access-policy", KubernetesNames.Join(KubernetesNames.MaxLabel, name, "access"),
            labels.All(), new MapValue { ["matchLabels"] = selector },
            ingressRules: Value.List(ingress),
            egressRules: egress);
    }
}
