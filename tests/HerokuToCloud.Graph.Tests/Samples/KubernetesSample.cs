using HerokuToCloud.Graph;

namespace HerokuToCloud.Graph.Tests.Samples;

/// <summary>A small but realistic Kubernetes landing: namespace, secret, restricted web Deployment, Service, Ingress, CronJob.</summary>
internal static class KubernetesSample
{
    public static ResourceGraph Create(string project = "shop-k8s")
    {
        var graph = new ResourceGraph(project, "A web process and a scheduled job on Kubernetes.");
        graph.Pin("kubernetes", SampleGraphs.KubernetesVersion);
        var image = graph.Declare(new ConfigDeclaration("image", ConfigType.String));
        var replicas = graph.Declare(new ConfigDeclaration("replicas", ConfigType.Integer, Default: 2));
        var hosts = graph.Declare(new ConfigDeclaration("hosts", ConfigType.StringList, Default: Value.List("shop.example.com")));
        var databaseUrl = graph.Declare(new ConfigDeclaration("databaseUrl", ConfigType.String, Secret: true));

        var labels = new MapValue { ["app.kubernetes.io/name"] = "web", ["app.kubernetes.io/part-of"] = project };
        var restricted = graph.AddVariable("restricted", new MapValue
        {
            ["runAsNonRoot"] = true,
            ["allowPrivilegeEscalation"] = false,
            ["readOnlyRootFilesystem"] = true,
            ["capabilities"] = new MapValue { ["drop"] = Value.List("ALL") },
            ["seccompProfile"] = new MapValue { ["type"] = "RuntimeDefault" },
        });

        var ns = graph.Add(new Resource("namespace", "kubernetes:core/v1:Namespace")
        {
            Properties = new MapValue { ["metadata"] = new MapValue { ["name"] = project, ["labels"] = new MapValue { ["pod-security.kubernetes.io/enforce"] = "restricted" } } },
        });
        var secret = graph.Add(new Resource("web-config", "kubernetes:core/v1:Secret")
        {
            Properties = new MapValue
            {
                ["metadata"] = new MapValue { ["namespace"] = ns.Ref("metadata.name"), ["labels"] = labels },
                ["stringData"] = new MapValue { ["DATABASE_URL"] = databaseUrl },
            },
        });
        var container = new MapValue
        {
            ["name"] = "web",
            ["image"] = image,
            ["ports"] = Value.List(new MapValue { ["containerPort"] = 5000, ["name"] = "http" }),
            ["env"] = Value.List(new MapValue { ["name"] = "PORT", ["value"] = "5000" }),
            ["envFrom"] = Value.List(new MapValue { ["secretRef"] = new MapValue { ["name"] = secret.Ref("metadata.name") } }),
            ["resources"] = new MapValue
            {
                ["requests"] = new MapValue { ["cpu"] = "250m", ["memory"] = "512Mi" },
                ["limits"] = new MapValue { ["cpu"] = "1", ["memory"] = "512Mi" },
            },
            ["readinessProbe"] = new MapValue { ["httpGet"] = new MapValue { ["path"] = "/", ["port"] = "http" } },
            ["securityContext"] = restricted,
            ["volumeMounts"] = Value.List(new MapValue { ["name"] = "tmp", ["mountPath"] = "/tmp" }),
        };
        graph.Add(new Resource("web", "kubernetes:apps/v1:Deployment")
        {
            Properties = new MapValue
            {
                ["metadata"] = new MapValue { ["namespace"] = ns.Ref("metadata.name"), ["labels"] = labels },
                ["spec"] = new MapValue
                {
                    ["replicas"] = replicas,
                    ["selector"] = new MapValue { ["matchLabels"] = labels },
                    ["strategy"] = new MapValue { ["type"] = "RollingUpdate", ["rollingUpdate"] = new MapValue { ["maxUnavailable"] = 0, ["maxSurge"] = 1 } },
                    ["template"] = new MapValue
                    {
                        ["metadata"] = new MapValue { ["labels"] = labels },
                        ["spec"] = new MapValue
                        {
                            ["terminationGracePeriodSeconds"] = 30,
                            ["securityContext"] = new MapValue { ["runAsNonRoot"] = true, ["seccompProfile"] = new MapValue { ["type"] = "RuntimeDefault" } },
                            ["containers"] = Value.List(container),
                            ["volumes"] = Value.List(new MapValue { ["name"] = "tmp", ["emptyDir"] = new MapValue() }),
                        },
                    },
                },
            },
        });
        var service = graph.Add(new Resource("web-service", "kubernetes:core/v1:Service")
        {
            Properties = new MapValue
            {
                ["metadata"] = new MapValue { ["namespace"] = ns.Ref("metadata.name"), ["labels"] = labels },
                ["spec"] = new MapValue
                {
                    ["selector"] = labels,
                    ["ports"] = Value.List(new MapValue { ["port"] = 80, ["targetPort"] = "http" }),
                },
            },
        });
        graph.Add(new Resource("web-ingress", "kubernetes:networking.k8s.io/v1:Ingress")
        {
            Properties = new MapValue
            {
                ["metadata"] = new MapValue
                {
                    ["namespace"] = ns.Ref("metadata.name"),
                    ["annotations"] = new MapValue { ["cert-manager.io/cluster-issuer"] = "letsencrypt" },
                },
                ["spec"] = new MapValue
                {
                    ["ingressClassName"] = "nginx",
                    ["tls"] = Value.List(new MapValue { ["hosts"] = hosts, ["secretName"] = "web-tls" }),
                    ["rules"] = Value.List(new MapValue
                    {
                        ["host"] = new SelectValue(0, hosts),
                        ["http"] = new MapValue
                        {
                            ["paths"] = Value.List(new MapValue
                            {
                                ["path"] = "/",
                                ["pathType"] = "Prefix",
                                ["backend"] = new MapValue
                                {
                                    ["service"] = new MapValue { ["name"] = service.Ref("metadata.name"), ["port"] = new MapValue { ["number"] = 80 } },
                                },
                            }),
                        },
                    }),
                },
            },
        });
        graph.Add(new Resource("nightly-report", "kubernetes:batch/v1:CronJob")
        {
            Properties = new MapValue
            {
                ["metadata"] = new MapValue { ["namespace"] = ns.Ref("metadata.name") },
                ["spec"] = new MapValue
                {
                    ["schedule"] = "0 3 * * *",
                    ["timeZone"] = "Etc/UTC",
                    ["concurrencyPolicy"] = "Forbid",
                    ["successfulJobsHistoryLimit"] = 3,
                    ["jobTemplate"] = new MapValue
                    {
                        ["spec"] = new MapValue
                        {
                            ["template"] = new MapValue
                            {
                                ["spec"] = new MapValue
                                {
                                    ["restartPolicy"] = "Never",
                                    ["containers"] = Value.List(new MapValue
                                    {
                                        ["name"] = "report",
                                        ["image"] = image,
                                        ["command"] = Value.List("bundle", "exec", "rake", "report"),
                                        ["securityContext"] = restricted,
                                    }),
                                },
                            },
                        },
                    },
                },
            },
        });
        graph.AddOutput("namespace", ns.Ref("metadata.name"));
        graph.AddOutput("serviceName", service.Ref("metadata.name"));
        return graph;
    }
}
