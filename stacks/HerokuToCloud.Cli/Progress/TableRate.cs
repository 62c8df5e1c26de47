namespace HerokuToCloud.Cli.Progress;

/// <summary>Rows per second and the time left for one table, from its start time and rows so far, and how durations are written.</summary>
internal static class TableRate
{
    public static double RowsPerSecond(long rows, TimeSpan elapsed) =>
        elapsed.TotalSeconds < 0.05 ? 0 : rows / elapsed.TotalSeconds;

    /// <summary>Null while there is no rate yet or no estimate to finish towards.</summary>
    public static TimeSpan? Remaining(long rows, long estimatedRows, TimeSpan elapsed)
    {
        var rate = RowsPerSecond(rows, elapsed);
        if (rate <= 0 || estimatedRows <= 0)
            return null;
        return TimeSpan.FromSeconds(Math.Max(0, estimatedRows - rows) / rate);
    }

    public static string Format(TimeSpan? remaining) => remaining switch
    {
        null => "–",
        { TotalHours: >= 1 } r => $"{(int)r.TotalHours}h{r.Minutes:00}m",
        { TotalMinutes: >= 1 } r => $"{r.Minutes}m{r.Seconds:00}s",
        var r => $"{r.Value.Seconds}s",
    };
}
