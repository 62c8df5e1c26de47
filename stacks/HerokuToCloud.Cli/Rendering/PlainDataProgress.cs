using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using HerokuToCloud.Data.Progress;

namespace HerokuToCloud.Cli.Rendering;

/// <summary>
/// Progress as plain log lines: each phase, each finished table with its rows/s, and for a long table a
/// line every few seconds with rows done, rows/s and ETA. Thread-safe: workers report concurrently.
/// </summary>
internal sealed class PlainDataProgress(TextWriter output) : IDataProgress
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, TableClock> tables = new(StringComparer.Ordinal);
    private readonly Lock writing = new();
    private readonly Stopwatch run = Stopwatch.StartNew();

    public void PhaseStarted(string phase) => Write(string.Create(CultureInfo.InvariantCulture, $"{phase} (at {run.Elapsed.TotalSeconds:0.0} s)"));

    public void TableStarted(string table, long estimatedRows) =>
        tables[table] = new TableClock(Stopwatch.StartNew(), estimatedRows);

    public void TableAdvanced(string table, long rowsDone)
    {
        if (!tables.TryGetValue(table, out var clock))
            return;
        var elapsed = clock.Watch.Elapsed;
        if (elapsed - clock.LastLine < Interval)
            return;
        clock.LastLine = elapsed;
        var rate = rowsDone / Math.Max(elapsed.TotalSeconds, 0.001);
        var eta = clock.EstimatedRows > rowsDone && rate > 0 ? $", ETA {Seconds((clock.EstimatedRows - rowsDone) / rate)}" : "";
        Write(string.Create(CultureInfo.InvariantCulture, $"  {table}: {rowsDone:N0}{(clock.EstimatedRows > 0 ? $" of ~{clock.EstimatedRows:N0}" : "")} rows ({rate:N0} rows/s{eta})"));
    }

    public void TableFinished(string table, long rows)
    {
        var seconds = tables.TryRemove(table, out var clock) ? clock.Watch.Elapsed.TotalSeconds : 0;
        Write(string.Create(CultureInfo.InvariantCulture, $"  {table}: {rows:N0} rows in {seconds:0.0} s ({rows / Math.Max(seconds, 0.001):N0} rows/s)"));
    }

    public void Note(string message) => Write("  note: " + message);

    private void Write(string line)
    {
        lock (writing)
            output.WriteLine(line);
    }

    private static string Seconds(double seconds) => seconds < 120
        ? string.Create(CultureInfo.InvariantCulture, $"{seconds:0} s")
        : string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0} min");

    private sealed class TableClock(Stopwatch watch, long estimatedRows)
    {
        public Stopwatch Watch { get; } = watch;

        public long EstimatedRows { get; } = estimatedRows;

        public TimeSpan LastLine { get; set; }
    }
}
