using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// One Deployment per long-running process type. Replicas are stack config (a formation of 0 stays
/// 0); a process with autoscaling leaves replicas to its HorizontalPodAutoscaler, because a replica
/// count in the program would be reset on every update and fight the autoscaler. Web processes get
/// PORT, a named container port and probes on the plan's health-check path.
/// </summary>
internal static class AppDeployment
{
    /// <summary>
    /// How long a terminating web pod keeps serving (preStop sleep). The kubelet's SIGTERM and the
    /// ingress controller's removal of the pod from its upstreams both follow the pod's deletion but
    /// race each other; without the pause, requests routed in between hit a closed port (502s during
    /// every rollout and drain), where Heroku's router stops routing to a dyno before it stops it.
    /// </summary>
    public const int WebDrainSeconds = 5;

    public static Resource Build(LandingContext context, AppRuntime runtime, Service service, IReadOnlyList<string> dependsOn)
    {
        var app = runtime.App;
        var process = KubernetesNames.Part(service.Name, $"Process type of app {app.Name}");
        var name = WorkloadName(app, service);
        var what = $"the {service.Name} process of {app.Name}";
        var keyPrefix = ConfigKeys.Of(app.Name, process);
        var web = service.Kind == ServiceKind.Web;
        var labels = runtime.Labels(name, web ? Labels.WebComponent : "worker");
        var writableRoot = PodSecurity.KeepsWritableRoot(context, app, service.Name, service.WritableRootFilesystem);

        var template = runtime.PodTemplate(new PodSpecRequest(process, labels, service.Command, ContainerResources.For(context, keyPrefix, what, service.Compute))
        {
            Port = web ? service.Port : null,
            Probes = web ? WebProbes(context, app, service) : [],
            DrainSeconds = web ? WebDrainSeconds : 0,
            WritableRootFilesystem = writableRoot,
        });

        var spec = new MapValue();
        if (service.Scaling is null)
        {
            spec["replicas"] = context.Setting(ConfigKeys.Of(keyPrefix, "replicas"), ConfigType.Integer, service.Count,
                $"Replicas of {what} (the Heroku formation quantity; 0 keeps it stopped).");
        }

        spec["selector"] = new MapValue { ["matchLabels"] = labels.Selector() };
        spec["strategy"] = Strategy(service);
        spec["template"] = template;

        return context.Add(new Resource($"{name}-deployment", KubernetesTypes.Deployment)
        {
            Properties = new MapValue
            {
                ["metadata"] = context.Metadata(name, labels.All(), PodSecurity.Waivers(writableRoot)),
                ["spec"] = spec,
            },
            Options = new ResourceOptions { DependsOn = dependsOn },
        });
    }

    public static string WorkloadName(AppLanding app, Service service) =>
        KubernetesNames.Join(KubernetesNames.MaxLabel, app.Name, KubernetesNames.Part(service.Name, $"Process type of app {app.Name}"));

    /// <summary>
    /// Preboot keeps the full old set serving until the whole new set is ready (max surge 100 %).
    /// A rolling web process never drops below its replica count either: one extra pod at a time.
    /// A worker is recreated: its old pods are gone before a new one starts, so a singleton such as
    /// a clock process never runs twice. A rolling update cannot promise that even with max surge 0,
    /// because the Deployment controller starts the replacement while the old pod is still
    /// terminating (up to its 30-second grace period; Kubernetes KEP-3973); Recreate waits for the
    /// old pods' removal. Heroku restarts all worker dynos of an app together on a deploy too.
    /// </summary>
    public static MapValue Strategy(Service service)
    {
        if (service.Kind != ServiceKind.Web && service.Rollout != Rollout.Preboot)
            return new MapValue { ["type"] = "Recreate" };
        Value maxUnavailable, maxSurge;
        if (service.Rollout == Rollout.Preboot)
            (maxUnavailable, maxSurge) = (0, "100%");
        else
            (maxUnavailable, maxSurge) = (0, 1);
        return new MapValue
        {
            ["type"] = "RollingUpdate",
            ["rollingUpdate"] = new MapValue { ["maxUnavailable"] = maxUnavailable, ["maxSurge"] = maxSurge },
        };
    }

    /// <summary>
    /// Startup allows Heroku's 60-second boot window (R10) for the port to open. Readiness calls the
    /// health-check path (stack config, as on AWS: an app whose path answers 4xx, say a login wall
    /// or an API without a root page, never gets ready, and the path is then a pulumi config set
    /// away) with the app's first hostname as Host and X-Forwarded-Proto: https, so apps that check
    /// the Host header (Django ALLOWED_HOSTS) or force HTTPS answer the probe as they answer the router.
    /// Liveness only checks that the port still accepts connections. Heroku never restarts a dyno
    /// for slow or failing answers, only for a crashed process; an HTTP liveness check on a page that
    /// reads the database restarted every web pod at once whenever the database was slow or down,
    /// turning a short outage of it into a long one of the app. Readiness already takes such pods
    /// out of the Service until they answer again.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, Value>> WebProbes(LandingContext context, AppLanding app, Service service)
    {
        var process = KubernetesNames.Part(service.Name, $"Process type of app {app.Name}");
        var path = context.Setting(ConfigKeys.Of(app.Name, process, "health-check-path"), ConfigType.String, service.HealthCheckPath,
            $"Path the readiness probe calls on the {service.Name} process of {app.Name} (Host: its first hostname, X-Forwarded-Proto: https); any 2xx or 3xx answer is ready. It must be {HealthCheckPathLimit.AllowedForm}.");
        var readiness = new MapValue
        {
            ["httpGet"] = new MapValue
            {
                ["path"] = path,
                ["port"] = "http",
                ["httpHeaders"] = Value.List(
                    new MapValue { ["name"] = "Host", ["value"] = new SelectValue(0, WebIngress.Domains(context, app)) },
                    new MapValue { ["name"] = "X-Forwarded-Proto", ["value"] = "https" }),
            },
            ["periodSeconds"] = 10,
            ["timeoutSeconds"] = 5,
            ["failureThreshold"] = 3,
        };

        return
        [
            new("startupProbe", new MapValue
            {
                ["tcpSocket"] = new MapValue { ["port"] = "http" },
                ["periodSeconds"] = 5,
                ["failureThreshold"] = 12,
            }),
            new("readinessProbe", readiness),
            new("livenessProbe", new MapValue
            {
                ["tcpSocket"] = new MapValue { ["port"] = "http" },
                ["periodSeconds"] = 20,
                ["timeoutSeconds"] = 5,
                ["failureThreshold"] = 3,
            }),
        ];
    }
}
