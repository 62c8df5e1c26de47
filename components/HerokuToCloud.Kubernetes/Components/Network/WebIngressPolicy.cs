using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes;

/// <summary>Lets the ingress controller's pods (in the namespace from stack config) reach an app's web pods on the container port, and nothing else reach them.</summary>
internal static class WebIngressPolicy
{
    public static Resource Build(LandingContext context, AppRuntime runtime, Service web)
    {
        var name = AppDeployment.WorkloadName(runtime.App, web);
        var labels = runtime.Labels(name, Labels.WebComponent);
        return NetworkRules.Policy(context, $"{name}-from-ingress-policy", KubernetesNames.Join(KubernetesNames.MaxLabel, name, "from-ingress"),
            labels.All(), new MapValue { ["matchLabels"] = labels.Selector() },
            ingressRules: Value.List(new MapValue
            {
                ["from"] = Value.List(NetworkRules.InNamespace(SharedSettings.IngressNamespace(context))),
                ["ports"] = NetworkRules.Ports(web.Port),
            }),
            egressRules: null);
    }
}
