using System.Collections.Concurrent;
using HerokuToCloud.Data.Progress;

namespace HerokuToCloud.Data.Tests.Validation;

/// <summary>Records progress events (from parallel workers) so tests can assert what a user would have seen.</summary>
internal sealed class RecordingProgress : IDataProgress
{
    public ConcurrentQueue<string> Events { get; } = new();

    public void PhaseStarted(string phase) => Events.Enqueue("phase " + phase);

    public void TableStarted(string table, long estimatedRows) => Events.Enqueue("start " + table);

    public void TableAdvanced(string table, long rowsDone) => Events.Enqueue($"advance {table} {rowsDone}");

    public void TableFinished(string table, long rows) => Events.Enqueue($"finish {table} {rows}");

    public void DownloadStarted(string name, long totalBytes) => Events.Enqueue($"download start {name} {totalBytes}");

    public void DownloadAdvanced(string name, long bytesDone) => Events.Enqueue($"download advance {name} {bytesDone}");

    public void DownloadFinished(string name, long bytes) => Events.Enqueue($"download finish {name} {bytes}");

    public void Note(string message) => Events.Enqueue("note " + message);
}
