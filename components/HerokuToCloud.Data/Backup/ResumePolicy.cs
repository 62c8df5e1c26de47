namespace HerokuToCloud.Data.Backup;

/// <summary>
/// How patiently a backup download is resumed (<see cref="ResumableBody"/>): how many times, how long to
/// pause before each attempt (the pause times the attempt's number), and how long a connection may deliver
/// nothing before it counts as broken (a stalled connection never fails by itself).
/// </summary>
public sealed record ResumePolicy
{
    public static ResumePolicy Default { get; } = new();

    public int MaxResumes { get; init; } = 5;

    public TimeSpan Pause { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
