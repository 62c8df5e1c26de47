using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// The Ingress that replaces Heroku's router for an app's web process: one rule per hostname in the
/// app's hostname list (stack config), TLS for all of them with a certificate cert-manager issues from
/// the configured ClusterIssuer, and the ingress class from stack config.
/// Stages of a pipeline have different numbers of custom domains (staging one, production two), yet
/// every stack must share one Pulumi.yaml, and Pulumi YAML has no loops. So the Ingress is a literal
/// object in a ConfigGroup whose JSON text joins the hostname list with the text between two rules:
/// N hostnames in a stack give N rules, with no change to the program. An app whose Heroku app had no
/// custom domain (it answered on *.herokuapp.com only) gets &lt;app&gt;.&lt;apps domain&gt;, the same
/// idea on the team's own wildcard domain; a host-less catch-all rule would collide with every other
/// app on the same ingress controller.
/// The Ingress comes after the app's Service, and so after its Deployment is ready (itself after the
/// data copy and the release phase): with external-dns in the cluster an Ingress publishes its hosts,
/// so created at once it moved the traffic to a router with nothing behind it for the whole copy, and
/// kept it there if the copy failed.
/// </summary>
internal static class WebIngress
{
    public const string IssuerAnnotation = "cert-manager.io/cluster-issuer";

    public static Value Domains(LandingContext context, AppLanding app)
    {
        var key = ConfigKeys.Of(app.Name, "domains");
        var description = $"Hostnames routed to {app.Name}'s web process, one Ingress rule each; cert-manager issues their TLS certificate.";
        if (app.Domains.Count > 0)
            return context.Setting(key, ConfigType.StringList, Value.List(app.Domains.Select(d => (Value)d)), description);
        return context.TeamSetting(key, ConfigType.StringList, Value.List(DefaultHost(context, app)), description);
    }

    /// <summary>The hostname an app without custom domains gets: &lt;app&gt;.&lt;apps domain&gt;, like Heroku's &lt;app&gt;.herokuapp.com.</summary>
    public static string DefaultHost(LandingContext context, AppLanding app) => $"{app.Name}.{context.Options.AppsDomain.Trim('.')}";

    public static Resource Build(LandingContext context, AppRuntime runtime, Service web, Resource service)
    {
        var app = runtime.App;
        var name = AppDeployment.WorkloadName(app, web);
        var labels = runtime.Labels(name, Labels.WebComponent);
        var ingressClass = context.Setting("ingressClass", ConfigType.String, "nginx",
            "IngressClass of the cluster's ingress controller (kubectl get ingressclass).");
        var issuer = context.Setting("clusterIssuer", ConfigType.String, "letsencrypt",
            "cert-manager ClusterIssuer that issues the Ingress certificates (kubectl get clusterissuer).");
        var domains = Domains(context, app);
        if (app.Domains.Count == 0)
        {
            var lead = $"had no custom domain on Heroku (only *.herokuapp.com); it answers on {DefaultHost(context, app)} in this stack. Point DNS there, or pick another hostname";
            var key = ConfigKeys.Of(app.Name, "domains");
            context.Warn($"{app.Name}/web", $"{lead}: pulumi config set --path '{key}[0]' HOST", new ConfigRequest(lead, [key], Example: "HOST"));
        }

        var http = new MapValue
        {
            ["paths"] = Value.List(new MapValue
            {
                ["path"] = "/",
                ["pathType"] = "Prefix",
                ["backend"] = new MapValue
                {
                    ["service"] = new MapValue { ["name"] = name, ["port"] = new MapValue { ["name"] = "http" } },
                },
            }),
        };
        // Text between two rules: the end of one rule and the start of the next.
        var between = $"\",\"http\":{JsonTemplate.Literal(http)}}},{{\"host\":\"";

        var ingress = new MapValue
        {
            ["apiVersion"] = "networking.k8s.io/v1",
            ["kind"] = "Ingress",
            ["metadata"] = new MapValue
            {
                ["name"] = name,
                ["namespace"] = context.NamespaceName,
                ["labels"] = labels.All(),
                ["annotations"] = new MapValue { [IssuerAnnotation] = issuer },
            },
            ["spec"] = new MapValue
            {
                ["ingressClassName"] = ingressClass,
                ["tls"] = Value.List(new MapValue
                {
                    ["hosts"] = new JsonValue(domains),
                    ["secretName"] = KubernetesNames.Join(KubernetesNames.MaxLabel, name, "tls"),
                }),
                ["rules"] = Value.List(new MapValue
                {
                    ["host"] = new JoinValue(between, domains),
                    ["http"] = http,
                }),
            },
        };

        return context.Add(new Resource($"{name}-ingress", KubernetesTypes.ConfigGroup)
        {
            Properties = new MapValue { ["yaml"] = JsonTemplate.Document(ingress) },
            Options = new ResourceOptions { DependsOn = [context.NamespaceResource, service.Name] },
        });
    }
}
