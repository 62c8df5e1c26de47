namespace HerokuToCloud.Landing;

/// <summary>The release phase: a one-off run that must succeed before services roll to a new version.</summary>
public sealed record ReleaseTask(string Command, ComputeSize Compute);

/// <summary>A Heroku Scheduler job: a one-off run on a UTC schedule.</summary>
public sealed record ScheduledTask(string Name, string Command, ComputeSize Compute, CronSchedule Schedule)
{
    /// <summary>
    /// Whether the schedule fires in this stack. False where the stack's pipeline stage has no such
    /// job on Heroku: the task still exists (every stack has the same resources) but stays paused
    /// (EventBridge schedule state DISABLED, CronJob suspend: true). A per-stack value.
    /// </summary>
    public bool Enabled { get; init; } = true;
}

/// <summary>
/// A UTC schedule in the five-field cron form both targets derive from
/// (minute, hour; day-of-month, month and day-of-week are always "every").
/// </summary>
/// <param name="Minute">Minute field, for example "*/10" or "30".</param>
/// <param name="Hour">Hour field, for example "*" or "9".</param>
public sealed record CronSchedule(string Minute, string Hour)
{
    public override string ToString() => $"{Minute} {Hour} * * *";
}
