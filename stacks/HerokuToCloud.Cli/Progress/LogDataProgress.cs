using System.Globalization;
using HerokuToCloud.Data.Progress;
using HerokuToCloud.Data.Reporting;

namespace HerokuToCloud.Cli.Progress;

/// <summary>
/// Progress for logs (CI, a Kubernetes Job, an ECS task): one timestamped line per phase, table or download
/// start and finish and note, plus at most one line per table or download every <see cref="Interval"/> with
/// its rate (rows/s, or MB/s for a download) and ETA.
/// A table that reports nothing for <see cref="Heartbeat"/> (validation reads a whole table in one query,
/// which reports once per side) gets a "still running" line on <see cref="Tick"/>, so a log that has been
/// quiet for an hour still shows that work goes on. A name or note with a newline or another control character
/// is written with escapes (<see cref="OneLine"/>), so every event stays one line.
/// </summary>
internal sealed class LogDataProgress(TextWriter output, TimeProvider clock) : IDataProgress
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan Heartbeat = TimeSpan.FromMinutes(1);

    private readonly object gate = new();
    private readonly DateTimeOffset started = clock.GetUtcNow();
    private readonly Dictionary<string, Work> inFlight = new(StringComparer.Ordinal);

    /// <summary>A table or download under way: <see cref="Expected"/> is 0 when unknown.</summary>
    private readonly record struct Work(DateTimeOffset Started, long Expected, Measure Measure, DateTimeOffset LastLine, long Done);

    public void PhaseStarted(string phase) => Write($"phase {phase}");

    public void TableStarted(string table, long estimatedRows)
    {
        // A table's row count is the planner's estimate; the number of large objects is counted.
        var measure = Amount.CountedIn(table);
        var about = measure == Measure.Rows ? "about " : "";
        Start(table, estimatedRows, measure, estimatedRows > 0 ? $" ({about}{Amount.Of(estimatedRows, measure)})" : "");
    }

    public void TableAdvanced(string table, long rowsDone) => Advance(table, rowsDone);

    public void TableFinished(string table, long rows) => Finish(table, rows, Amount.CountedIn(table));

    public void DownloadStarted(string name, long totalBytes) =>
        Start(name, totalBytes, Measure.Bytes, totalBytes > 0 ? $" ({Amount.Bytes(totalBytes)})" : "");

    public void DownloadAdvanced(string name, long bytesDone) => Advance(name, bytesDone);

    public void DownloadFinished(string name, long bytes) => Finish(name, bytes, Measure.Bytes);

    public void Note(string message) => Write(message);

    /// <summary>Writes a "still running" line for every table or download quiet for <see cref="Heartbeat"/>; call it periodically.</summary>
    public void Tick()
    {
        var now = clock.GetUtcNow();
        var lines = new List<string>();
        lock (gate)
        {
            foreach (var (name, work) in inFlight.Where(t => now - t.Value.LastLine >= Heartbeat).ToList())
            {
                inFlight[name] = work with { LastLine = now };
                var soFar = work.Done > 0 ? $", {Amount.Of(work.Done, work.Measure)} so far" : "";
                lines.Add($"{name}: still running after {ProgressRate.Format(now - work.Started)}{soFar}");
            }
        }

        foreach (var line in lines.Order(StringComparer.Ordinal))
            Write(line);
    }

    private void Start(string name, long expected, Measure measure, string size)
    {
        var now = clock.GetUtcNow();
        lock (gate)
            inFlight[name] = new Work(now, expected, measure, now, 0);
        Write($"{name}: started{size}");
    }

    private void Advance(string name, long done)
    {
        var now = clock.GetUtcNow();
        string? line = null;
        lock (gate)
        {
            if (!inFlight.TryGetValue(name, out var work))
                return;
            var due = now - work.LastLine >= Interval;
            inFlight[name] = work with { Done = done, LastLine = due ? now : work.LastLine };
            if (due)
            {
                var elapsed = now - work.Started;
                line = $"{name}: {Amount.Of(done, work.Measure)}, {Amount.Rate(ProgressRate.PerSecond(done, elapsed), work.Measure)}, ETA {ProgressRate.Format(ProgressRate.Remaining(done, work.Expected, elapsed))}";
            }
        }

        if (line is not null)
            Write(line);
    }

    private void Finish(string name, long done, Measure measure)
    {
        var now = clock.GetUtcNow();
        TimeSpan elapsed;
        lock (gate)
            elapsed = inFlight.Remove(name, out var work) ? now - work.Started : TimeSpan.Zero;
        Write($"{name}: done, {Amount.Of(done, measure)} in {elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
    }

    private void Write(string message)
    {
        var elapsed = clock.GetUtcNow() - started;
        lock (gate)
            output.WriteLine($"[{(int)elapsed.TotalHours:00}:{elapsed.Minutes:00}:{elapsed.Seconds:00}] {OneLine.Of(message)}");
    }
}
