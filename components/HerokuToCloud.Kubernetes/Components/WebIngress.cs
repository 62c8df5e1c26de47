using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// The Ingress that replaces Heroku's router for an app's web process: one rule per custom domain
/// (hostnames from stack config), TLS with a certificate cert-manager issues from the configured
/// ClusterIssuer, and the ingress class from stack config. An app without custom domains gets a
/// host-less rule and no TLS, and a finding says so: Heroku's *.herokuapp.com name has no equivalent.
/// </summary>
internal static class WebIngress
{
    public const string IssuerAnnotation = "cert-manager.io/cluster-issuer";

    public static Value Domains(LandingContext context, AppLanding app) =>
        context.Setting(ConfigKeys.Of(app.Name, "domains"), ConfigType.StringList, Value.List(app.Domains.Select(d => (Value)d)),
            $"Hostnames routed to {app.Name}'s web process (one Ingress rule each, same count in every stack); cert-manager issues their TLS certificate.");

    public static Resource Build(LandingContext context, AppRuntime runtime, Service web)
    {
        var app = runtime.App;
        var name = AppDeployment.WorkloadName(app, web);
        var labels = runtime.Labels(name, Labels.WebComponent);
        var ingressClass = context.Setting("ingressClass", ConfigType.String, "nginx",
            "IngressClass of the cluster's ingress controller (kubectl get ingressclass).");

        var backend = new MapValue
        {
            ["service"] = new MapValue
            {
                ["name"] = name,
                ["port"] = new MapValue { ["name"] = "http" },
            },
        };
        MapValue Http() => new()
        {
            ["paths"] = Value.List(new MapValue { ["path"] = "/", ["pathType"] = "Prefix", ["backend"] = backend }),
        };

        var spec = new MapValue { ["ingressClassName"] = ingressClass };
        MapValue? annotations = null;
        if (app.Domains.Count == 0)
        {
            spec["rules"] = Value.List(new MapValue { ["http"] = Http() });
            context.Warn($"{app.Name}/web", "has no custom domain, so its Ingress answers any host over plain HTTP and no certificate is issued; add the app's domains to the inventory (or the Heroku app) and generate again.");
        }
        else
        {
            var domains = Domains(context, app);
            var issuer = context.Setting("clusterIssuer", ConfigType.String, "letsencrypt",
                "cert-manager ClusterIssuer that issues the Ingress certificates (kubectl get clusterissuer).");
            annotations = new MapValue { [IssuerAnnotation] = issuer };
            spec["tls"] = Value.List(new MapValue
            {
                ["hosts"] = domains,
                ["secretName"] = KubernetesNames.Join(KubernetesNames.MaxLabel, name, "tls"),
            });
            spec["rules"] = Value.List(Enumerable.Range(0, app.Domains.Count)
                .Select(i => (Value)new MapValue { ["host"] = new SelectValue(i, domains), ["http"] = Http() }));
        }

        return context.Add(new Resource($"{name}-ingress", KubernetesTypes.Ingress)
        {
            Properties = new MapValue
            {
                ["metadata"] = context.Metadata(name, labels.All(), annotations),
                ["spec"] = spec,
            },
        });
    }
}
