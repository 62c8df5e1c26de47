namespace HerokuToCloud.Landing;

/// <summary>The release phase: a one-off run that must succeed before services roll to a new version.</summary>
public sealed record ReleaseTask(string Command, ComputeSize Compute);

/// <summary>A Heroku Scheduler job: a one-off run on a UTC schedule.</summary>
public sealed record ScheduledTask(string Name, string Command, ComputeSize Compute, CronSchedule Schedule);

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
