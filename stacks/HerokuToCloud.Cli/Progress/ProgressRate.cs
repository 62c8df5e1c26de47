namespace HerokuToCloud.Cli.Progress;

/// <summary>
/// The rate and the time left of one piece of work (a table's rows, a download's bytes), from its start
/// time and the amount done so far, and how durations are written.
/// </summary>
internal static class ProgressRate
{
    public static double PerSecond(long done, TimeSpan elapsed) =>
        elapsed.TotalSeconds < 0.05 ? 0 : done / elapsed.TotalSeconds;

    /// <summary>Null while there is no rate yet or no expected amount to finish towards.</summary>
    public static TimeSpan? Remaining(long done, long expected, TimeSpan elapsed)
    {
        var rate = PerSecond(done, elapsed);
        if (rate <= 0 || expected <= 0)
            return null;
        return TimeSpan.FromSeconds(Math.Max(0, expected - done) / rate);
    }

    public static string Format(TimeSpan? remaining) => remaining switch
    {
        null => "–",
        { TotalHours: >= 1 } r => $"{(int)r.TotalHours}h{r.Minutes:00}m",
        { TotalMinutes: >= 1 } r => $"{r.Minutes}m{r.Seconds:00}s",
        var r => $"{r.Value.Seconds}s",
    };
}
