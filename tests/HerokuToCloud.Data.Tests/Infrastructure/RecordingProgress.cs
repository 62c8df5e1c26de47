using System.Collections.Concurrent;
using HerokuToCloud.Data.Progress;

namespace HerokuToCloud.Data.Tests.Infrastructure;

/// <summary>Keeps every progress event; optionally runs an action when a table finishes (to interrupt a run at a known point).</summary>
public sealed class RecordingProgress(Action<int>? onTableFinished = null) : IDataProgress
{
    private int finished;

    public ConcurrentQueue<string> Events { get; } = new();

    public void PhaseStarted(string phase) => Events.Enqueue($"phase {phase}");

    public void TableStarted(string table, long estimatedRows) => Events.Enqueue($"start {table}");

    public void TableAdvanced(string table, long rowsDone) => Events.Enqueue($"advance {table} {rowsDone}");

    public void TableFinished(string table, long rows)
    {
        Events.Enqueue($"finish {table} {rows}");
        onTableFinished?.Invoke(Interlocked.Increment(ref finished));
    }

    public void DownloadStarted(string name, long totalBytes) => Events.Enqueue($"download start {name} {totalBytes}");

    public void DownloadAdvanced(string name, long bytesDone) => Events.Enqueue($"download advance {name} {bytesDone}");

    public void DownloadFinished(string name, long bytes) => Events.Enqueue($"download finish {name} {bytes}");

    public void Note(string message) => Events.Enqueue($"note {message}");
}
