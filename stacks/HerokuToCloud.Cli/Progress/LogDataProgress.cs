using System.Globalization;
using HerokuToCloud.Data.Progress;

namespace HerokuToCloud.Cli.Progress;

/// <summary>
/// Progress for logs (CI, a Kubernetes Job, an ECS task): one timestamped line per phase, table start and
/// finish and note, plus at most one line per table every <see cref="Interval"/> with rows/s and ETA.
/// A table that reports nothing for <see cref="Heartbeat"/> (validation reads a whole table in one query,
/// which reports once per side) gets a "still running" line on <see cref="Tick"/>, so a log that has been
/// quiet for an hour still shows that work goes on.
/// </summary>
internal sealed class LogDataProgress(TextWriter output, TimeProvider clock) : IDataProgress
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan Heartbeat = TimeSpan.FromMinutes(1);

    private readonly object gate = new();
    private readonly DateTimeOffset started = clock.GetUtcNow();
    private readonly Dictionary<string, (DateTimeOffset Started, long Estimated, DateTimeOffset LastLine, long Rows)> tables = new(StringComparer.Ordinal);

    public void PhaseStarted(string phase) => Write($"phase {phase}");

    public void TableStarted(string table, long estimatedRows)
    {
        var now = clock.GetUtcNow();
        lock (gate)
            tables[table] = (now, estimatedRows, now, 0);
        Write(estimatedRows > 0 ? $"{table}: started (about {N(estimatedRows)} rows)" : $"{table}: started");
    }

    public void TableAdvanced(string table, long rowsDone)
    {
        var now = clock.GetUtcNow();
        string? line = null;
        lock (gate)
        {
            if (!tables.TryGetValue(table, out var entry))
                return;
            var due = now - entry.LastLine >= Interval;
            tables[table] = entry with { Rows = rowsDone, LastLine = due ? now : entry.LastLine };
            if (due)
            {
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

    /// <summary>Writes a "still running" line for every table quiet for <see cref="Heartbeat"/>; call it periodically.</summary>
    public void Tick()
    {
        var now = clock.GetUtcNow();
        var lines = new List<string>();
        lock (gate)
        {
            foreach (var (table, entry) in tables.Where(t => now - t.Value.LastLine >= Heartbeat).ToList())
            {
                tables[table] = entry with { LastLine = now };
                var rows = entry.Rows > 0 ? $", {N(entry.Rows)} rows so far" : "";
                lines.Add($"{table}: still running after {TableRate.Format(now - entry.Started)}{rows}");
            }
        }

        foreach (var line in lines.Order(StringComparer.Ordinal))
            Write(line);
    }

    private void Write(string message)
    {
        var elapsed = clock.GetUtcNow() - started;
        lock (gate)
            output.WriteLine($"[{(int)elapsed.TotalHours:00}:{elapsed.Minutes:00}:{elapsed.Seconds:00}] {message}");
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
