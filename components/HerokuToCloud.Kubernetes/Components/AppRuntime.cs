using System.Globalization;
using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// What every pod of one app shares: the image (repository and tag from stack config), the UID it
/// runs as, the app Secret it reads its environment from, and the resources that must be ready
/// before any of its code runs (database, data migration). Builds the pod templates of the app's
/// Deployments, release Job and CronJobs so they all get the same security settings.
/// </summary>
internal sealed class AppRuntime
{
    private AppRuntime(AppLanding app, string system, Value image, Value runAsUser, Value architecture)
    {
        App = app;
        System = system;
        Image = image;
        RunAsUser = runAsUser;
        Architecture = architecture;
    }

    public AppLanding App { get; }

    public string System { get; }

    public Value Image { get; }

    public Value RunAsUser { get; }

    /// <summary>The CPU architecture of the nodes the app's pods may run on: the one its image is built for.</summary>
    public Value Architecture { get; }

    /// <summary>The app Secret's generated name; null when the app has no config vars.</summary>
    public Value? SecretName { get; set; }

    /// <summary>Logical names of resources the app's first run must wait for.</summary>
    public List<string> Ready { get; } = [];

    public static AppRuntime Create(LandingContext context, AppLanding app)
    {
        var repository = context.TeamSetting(ConfigKeys.Of(app.Name, "image"), ConfigType.String, $"{context.Options.ImageRegistry.TrimEnd('/')}/{app.Name}",
            $"Image repository of {app.Name}, built from the app's source (see docs/kubernetes-landing.md).");
        var tag = context.TeamSetting(ConfigKeys.Of(app.Name, "image-tag"), ConfigType.String, context.Options.ImageTag,
            // Plain manifests show this text in their README too, where kubectl cannot replace a Job in place.
            $"Image tag of {app.Name} to deploy; a new tag rolls the Deployments and runs the release Job again (pulumi up and Argo CD replace the Job; with kubectl, delete the old Job first).");
        var runAsUser = context.Setting(ConfigKeys.Of(app.Name, "run-as-user"), ConfigType.Integer, 1000,
            $"Numeric non-root UID the {app.Name} containers run as (1000 is the 'heroku' user of Heroku's buildpack images).");
        return new AppRuntime(app, context.Plan.System, InterpolationValue.Of(repository, ":", tag), runAsUser, NodeArchitecture.Setting(context));
    }

    public Labels Labels(string instance, string component) => new(App.Name, instance, component, System);

    /// <summary>
    /// A pod template: one container running the request's command with the app's environment,
    /// restricted security settings and a writable /tmp.
    /// </summary>
    public MapValue PodTemplate(PodSpecRequest request)
    {
        var readOnlyRoot = !request.WritableRootFilesystem;
        var container = new MapValue
        {
            ["name"] = request.ContainerName,
            ["image"] = Image,
        };
        ProcessCommand.Apply(container, App, request.Command);
        if (request.Port is { } port)
        {
            container["ports"] = Value.List(new MapValue { ["name"] = "http", ["containerPort"] = port, ["protocol"] = "TCP" });
            // Heroku injects PORT into web dynos; the app binds it.
            container["env"] = Value.List(new MapValue { ["name"] = "PORT", ["value"] = port.ToString(CultureInfo.InvariantCulture) });
        }

        if (SecretName is not null)
            container["envFrom"] = Value.List(new MapValue { ["secretRef"] = new MapValue { ["name"] = SecretName } });
        container["resources"] = request.Resources;
        foreach (var (probe, value) in request.Probes)
            container[probe] = value;
        if (request.DrainSeconds > 0)
        {
            container["lifecycle"] = new MapValue
            {
                ["preStop"] = new MapValue { ["sleep"] = new MapValue { ["seconds"] = request.DrainSeconds } },
            };
        }
        container["securityContext"] = PodSecurity.Container(readOnlyRoot);
        container["volumeMounts"] = Value.List(PodSecurity.TmpMount());

        var spec = new MapValue();
        PodSecurity.ApplyAppDefaults(spec);
        // The grace period counts from the start of preStop: add the drain so the app keeps Heroku's 30 s after SIGTERM.
        if (request.DrainSeconds > 0)
            spec["terminationGracePeriodSeconds"] = PodSecurity.ShutdownSeconds + request.DrainSeconds;
        if (request.RestartPolicy is { } restart)
            spec["restartPolicy"] = restart;
        spec["nodeSelector"] = NodeArchitecture.Selector(Architecture);
        spec["securityContext"] = PodSecurity.Pod(RunAsUser);
        spec["containers"] = Value.List(container);
        spec["volumes"] = Value.List(PodSecurity.TmpVolumeSource());

        return new MapValue { ["metadata"] = new MapValue { ["labels"] = request.Labels.All() }, ["spec"] = spec };
    }
}

/// <summary>The parts of a pod template that differ between a Deployment, the release Job and a CronJob.</summary>
internal sealed record PodSpecRequest(string ContainerName, Labels Labels, string? Command, MapValue Resources)
{
    public int? Port { get; init; }

    public IReadOnlyList<KeyValuePair<string, Value>> Probes { get; init; } = [];

    public bool WritableRootFilesystem { get; init; }

    /// <summary>
    /// Seconds a terminating pod keeps serving before it gets SIGTERM (a preStop sleep), so routers that
    /// learn of its removal from the Service's endpoints a moment late send no request to a closed port.
    /// </summary>
    public int DrainSeconds { get; init; }

    /// <summary>Never for Jobs (a failed release must fail, not loop); null keeps the Deployment default (Always).</summary>
    public string? RestartPolicy { get; init; }
}
