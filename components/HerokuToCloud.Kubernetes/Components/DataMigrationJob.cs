using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// The one-off copy of the Heroku database into its replacement: a Job running the tool's own image
/// (<c>heroku2cloud data migrate --json --hide-values</c>) inside the cluster, after the new database is ready and
/// before any release Job or app pod touches it. The source and target reach the CLI as
/// HEROKU2CLOUD_SOURCE_URL and HEROKU2CLOUD_TARGET_URL, its documented stand-ins for --source and
/// --target, from a Secret (the source is secret stack config, the target the rebuilt DATABASE_URL):
/// never in the program, the pod spec or a process listing.
/// The provider fails the update when the Job fails (the migration exits non-zero when validation
/// finds a difference). The Job runs once: later changes to it are ignored, because a second run
/// would only validate the finished copy again, for hours on a large database. A Job that failed or
/// never finished (an interrupted update) is replaced on the next update (pulumi.com/replaceUnready),
/// as a failed ECS migration command runs again, and the new run resumes the copy. The old Job is
/// deleted first: replacing it the default way would start the new copy while an interrupted one still runs.
/// </summary>
internal static class DataMigrationJob
{
    /// <summary>What `heroku2cloud data migrate` exits with when validation finds a difference (ExitCodes.Findings in the CLI).</summary>
    public const int ValidationDifferenceExitCode = 1;

    private const string ContainerName = "migrate";

    public static Resource Build(LandingContext context, PostgresDatastore postgres, DatastoreEndpoint target)
    {
        var name = KubernetesNames.Fit(postgres.Name, 50);
        var instance = KubernetesNames.Join(KubernetesNames.MaxLabel, name, "data-migration");
        var labels = new Labels(name, instance, "data-migration", context.Plan.System);

        var sourceKey = ConfigKeys.Of(DataMigrationRun.SourceKeyParts(postgres));
        var source = context.SecretSetting(sourceKey,
            $"URL of the Heroku database {postgres.Name} replaces, copied once by the data-migration Job (heroku pg:credentials:url, or the app's DATABASE_URL).");
        var image = context.Setting("migrationImage", ConfigType.String, context.Options.MigrationImage,
            "Image of heroku2cloud itself (built from the repository's Dockerfile), which runs the data migration.");
        var runAsUser = context.Setting("migrationRunAsUser", ConfigType.Integer, context.Options.MigrationRunAsUser,
            "Numeric non-root UID of the heroku2cloud image.");

        var secret = context.Add(new Resource($"{name}-migration-env", KubernetesTypes.Secret)
        {
            Properties = new MapValue
            {
                ["metadata"] = context.Metadata(null, labels.All()),
                ["type"] = "Opaque",
                ["stringData"] = new MapValue
                {
                    [DataMigrationRun.SourceVariable] = source,
                    [DataMigrationRun.TargetVariable] = target.Url,
                },
            },
        });

        var container = new MapValue
        {
            ["name"] = ContainerName,
            ["image"] = image,
            ["args"] = Value.List(DataMigrationRun.Arguments.Select(a => (Value)a)),
            ["envFrom"] = Value.List(new MapValue { ["secretRef"] = new MapValue { ["name"] = secret.Ref("metadata.name") } }),
            ["resources"] = ContainerResources.Of("1", "512Mi", "2", "1Gi"),
            ["securityContext"] = PodSecurity.Container(readOnlyRootFilesystem: true),
            ["volumeMounts"] = Value.List(PodSecurity.TmpMount()),
        };
        var podSpec = new MapValue();
        PodSecurity.ApplyAppDefaults(podSpec);
        podSpec["restartPolicy"] = "Never";
        // The heroku2cloud image is built by the team too, so it is held to the same architecture as the apps.
        podSpec["nodeSelector"] = NodeArchitecture.Selector(NodeArchitecture.Setting(context));
        podSpec["securityContext"] = PodSecurity.Pod(runAsUser);
        podSpec["containers"] = Value.List(container);
        podSpec["volumes"] = Value.List(PodSecurity.TmpVolumeSource());

        context.Note(postgres.Name, DataMigrationRun.SourceNote(context.Plan, postgres, sourceKey), DataMigrationRun.SourceRequest(context.Plan, postgres, sourceKey));
        return context.Add(new Resource($"{name}-data-migration", KubernetesTypes.Job)
        {
            Properties = new MapValue
            {
                ["metadata"] = context.Metadata(null, labels.All(), new MapValue { [KubernetesTypes.ReplaceUnreadyAnnotation] = "true" }),
                ["spec"] = new MapValue
                {
                    // The migration resumes where it stopped, so a retry after a lost node continues the copy.
                    ["backoffLimit"] = 2,
                    ["podFailurePolicy"] = FailurePolicy(),
                    ["template"] = new MapValue
                    {
                        ["metadata"] = new MapValue { ["labels"] = labels.All() },
                        ["spec"] = podSpec,
                    },
                },
            },
            Options = new ResourceOptions
            {
                DependsOn = target.ReadyResources.Append(secret.Name).ToList(),
                IgnoreChanges = ["spec"],
                DeleteBeforeReplace = true,
                CustomTimeouts = new CustomTimeouts(Create: "12h"),
            },
        });
    }

    /// <summary>Labels that select the migration Job's pod, for the datastore's network policy.</summary>
    public static MapValue PodSelector(string datastore) => new()
    {
        [Labels.NameKey] = KubernetesNames.Fit(datastore, 50),
        [Labels.ComponentKey] = "data-migration",
    };

    /// <summary>
    /// Retries are for a lost pod, not for a finished copy that validation found different: rerunning
    /// it (hours for a large database) cannot change that result and only delays the failed update, so
    /// that exit fails the Job at once. A pod evicted by a node drain or preempted (condition
    /// DisruptionTarget) is not the copy's fault and does not use up a retry.
    /// </summary>
    private static MapValue FailurePolicy() => new()
    {
        ["rules"] = Value.List(
            new MapValue
            {
                ["action"] = "FailJob",
                ["onExitCodes"] = new MapValue
                {
                    ["containerName"] = ContainerName,
                    ["operator"] = "In",
                    ["values"] = Value.List(ValidationDifferenceExitCode),
                },
            },
            new MapValue
            {
                ["action"] = "Ignore",
                ["onPodConditions"] = Value.List(new MapValue { ["type"] = "DisruptionTarget", ["status"] = "True" }),
            }),
    };
}
