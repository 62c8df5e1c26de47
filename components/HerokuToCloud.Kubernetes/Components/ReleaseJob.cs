using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// The release phase as a Job the app's Deployments depend on. The kubernetes provider waits for a
/// Job to complete and fails the update the moment it fails, so the Deployments roll only after a
/// successful release, as on Heroku. The Job is auto-named and its pod template holds the image tag
/// and the app Secret's generated name; the provider replaces a Job whose template changes, so a
/// new tag or a config change runs the release again. No retries (Heroku fails the release on a
/// non-zero exit) and Heroku's one-hour limit. A Job that failed is replaced on the next update
/// (pulumi.com/replaceUnready) instead of being waited for again.
/// </summary>
internal static class ReleaseJob
{
    public const int TimeoutSeconds = 3600;

    public static Resource? Build(LandingContext context, AppRuntime runtime)
    {
        var app = runtime.App;
        if (app.Release is not { } release)
            return null;

        var name = KubernetesNames.Join(KubernetesNames.MaxLabel, app.Name, "release");
        var labels = runtime.Labels(name, "release");
        var writableRoot = PodSecurity.KeepsWritableRoot(context, app, WritableRoots.Release, planned: false);
        var template = runtime.PodTemplate(new PodSpecRequest("release", labels, release.Command,
            ContainerResources.For(context, ConfigKeys.Of(app.Name, "release"), $"the release phase of {app.Name}", release.Compute))
        {
            RestartPolicy = "Never",
            WritableRootFilesystem = writableRoot,
        });
        var annotations = PodSecurity.Waivers(writableRoot) ?? new MapValue();
        annotations[KubernetesTypes.ReplaceUnreadyAnnotation] = "true";

        return context.Add(new Resource($"{app.Name}-release", KubernetesTypes.Job)
        {
            Properties = new MapValue
            {
                ["metadata"] = context.Metadata(null, labels.All(), annotations),
                ["spec"] = new MapValue
                {
                    ["backoffLimit"] = 0,
                    ["activeDeadlineSeconds"] = TimeoutSeconds,
                    ["template"] = template,
                },
            },
            Options = new ResourceOptions
            {
                DependsOn = runtime.Ready.Distinct(StringComparer.Ordinal).ToList(),
                CustomTimeouts = new CustomTimeouts(Create: "65m", Update: "65m"),
            },
        });
    }
}
