namespace HerokuToCloud.Inventory;

/// <summary>A Heroku Scheduler job: a command run in a one-off dyno at a fixed UTC frequency.</summary>
public sealed record ScheduledJob
{
    /// <summary>Short name used for the new schedule; readers derive one from the command when absent.</summary>
    public required string Name { get; init; }

    public required string Command { get; init; }

    public required SchedulerFrequency Frequency { get; init; }

    public string Size { get; init; } = DynoSizes.Default;
}
