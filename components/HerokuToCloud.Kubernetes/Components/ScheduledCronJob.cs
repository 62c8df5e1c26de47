using System.Globalization;
using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// A Heroku Scheduler job as a CronJob: the plan's five-field UTC schedule (stack config) with an
/// explicit Etc/UTC time zone, never two runs at once (Forbid), a short history, a starting deadline
/// so a run missed by more than five minutes is skipped rather than run late (Heroku Scheduler is
/// best-effort too), and a run stopped after about one interval. No retries: a failed run waits for
/// the next one, as on Heroku. The name stays within 52 characters (the controller appends 11).
/// </summary>
internal static class ScheduledCronJob
{
    public const int StartingDeadlineSeconds = 300;

    public static Resource Build(LandingContext context, AppRuntime runtime, ScheduledTask task, IReadOnlyList<string> dependsOn)
    {
        var app = runtime.App;
        var job = KubernetesNames.Part(task.Name, $"Scheduler job of app {app.Name}");
        var name = KubernetesNames.Join(KubernetesNames.MaxCronJob, app.Name, job);
        var labels = runtime.Labels(name, "scheduled-job");
        var keyPrefix = ConfigKeys.Of(app.Name, job);
        var what = $"scheduler job {task.Name} of {app.Name}";

        var schedule = context.Setting(ConfigKeys.Of(keyPrefix, "schedule"), ConfigType.String, task.Schedule.ToString(),
            $"Cron schedule (UTC) of {what}.");
        var suspend = context.Setting(ConfigKeys.Of(keyPrefix, "suspend"), ConfigType.Boolean, !task.Enabled,
            $"Pauses {what} (true where the stack's pipeline stage had no such job on Heroku).");
        var timeout = context.Setting(ConfigKeys.Of(keyPrefix, "timeout-seconds"), ConfigType.Integer, IntervalSeconds(task.Schedule),
            $"Seconds after which a run of {what} is stopped (about one interval).");

        var writableRoot = PodSecurity.KeepsWritableRoot(context, app, task.Name, planned: false);
        var template = runtime.PodTemplate(new PodSpecRequest(job, labels, task.Command,
            ContainerResources.For(context, keyPrefix, what, task.Compute))
        {
            RestartPolicy = "Never",
            WritableRootFilesystem = writableRoot,
        });

        return context.Add(new Resource($"{name}-cronjob", KubernetesTypes.CronJob)
        {
            Properties = new MapValue
            {
                ["metadata"] = context.Metadata(name, labels.All(), PodSecurity.Waivers(writableRoot)),
                ["spec"] = new MapValue
                {
                    ["schedule"] = schedule,
                    ["timeZone"] = "Etc/UTC",
                    ["suspend"] = suspend,
                    ["concurrencyPolicy"] = "Forbid",
                    ["startingDeadlineSeconds"] = StartingDeadlineSeconds,
                    ["successfulJobsHistoryLimit"] = 3,
                    ["failedJobsHistoryLimit"] = 1,
                    ["jobTemplate"] = new MapValue
                    {
                        ["metadata"] = new MapValue { ["labels"] = labels.All() },
                        ["spec"] = new MapValue
                        {
                            ["backoffLimit"] = 0,
                            ["activeDeadlineSeconds"] = timeout,
                            ["template"] = template,
                        },
                    },
                },
            },
            Options = new ResourceOptions { DependsOn = dependsOn },
        });
    }

    /// <summary>The time between two runs of a Heroku schedule: every N minutes, hourly or daily.</summary>
    public static int IntervalSeconds(CronSchedule schedule)
    {
        if (schedule.Minute.StartsWith("*/", StringComparison.Ordinal)
            && int.TryParse(schedule.Minute[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes > 0)
            return minutes * 60;
        return schedule.Hour == "*" ? 3600 : 86400;
    }
}
