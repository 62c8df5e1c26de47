using System.Globalization;
using HerokuToCloud.Data.Progress;

namespace HerokuToCloud.Cli.Progress;

/// <summary>
/// Progress for logs (CI, a Kubernetes Job, an ECS task): one timestamped line per phase, table start and
/// finish and note, plus at most one line per table every <see cref="Interval"/> with rows/s and ETA.
/// </summary>
internal sealed class LogDataProgress(TextWriter output, TimeProvider clock) : IDataProgress
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly object gate = new();
    private readonly DateTimeOffset started = clock.GetUtcNow();
    private readonly Dictionary<string, (DateTimeOffset Started, long Estimated, DateTimeOffset LastLine)> tables = new(StringComparer.Ordinal);

    public void PhaseStarted(string phase) => Write($"phase {phase}");

    public void TableStarted(string table, long estimatedRows)
    {
        var now = clock.GetUtcNow();
        lock (gate)
            tables[table] = (now, estimatedRows, now);
        Write(estimatedRows > 0 ? $"{table}: started (about {N(estimatedRows)} rows)" : $"{table}: started");
    }

    public void TableAdvanced(string table, long rowsDone)
    {
        var now = clock.GetUtcNow();
        string? line = null;
        lock (gate)
        {
            if (tables.TryGetValue(table, out var entry) && now - entry.LastLine >= Interval)
            {
                tables[table] = entry with { LastLine = now };
                var elapsed = now - entry.Started;
                line = $"{table}: {N(rowsDone)} rows, {N((long)TableRate.RowsPerSecond(rowsDone, elapsed))} rows/s, ETA {TableRate.Format(TableRate.Remaining(rowsDone, entry.Estimated, elapsed))}";
            }
        }

        if (line is not null)
            Write(line);
    }

    public void TableFinished(string table, long rows)
    {
        var now = clock.GetUtcNow();
        TimeSpan elapsed;
        lock (gate)
            elapsed = tables.Remove(table, out var entry) ? now - entry.Started : TimeSpan.Zero;
        Write($"{table}: done, {N(rows)} rows in {elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
    }

    public void Note(string message) => Write(message);

    private void Write(string message)
    {
        var elapsed = clock.GetUtcNow() - started;
        lock (gate)
            output.WriteLine($"[{(int)elapsed.TotalHours:00}:{elapsed.Minutes:00}:{elapsed.Seconds:00}] {message}");
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
