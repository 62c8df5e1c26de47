using System.Collections.Concurrent;

namespace HerokuToCloud.Data.Progress;

/// <summary>
/// Passes every event on to <paramref name="inner"/> and keeps the notes, in order, for the run's summary:
/// a note (a locale that sorts differently, a copy only validated again, a download resumed) matters after
/// the run as much as during it, and under --json the summary is all a log keeps.
/// </summary>
public sealed class NoteRecordingProgress(IDataProgress inner) : IDataProgress
{
    private readonly ConcurrentQueue<string> notes = new();

    public IReadOnlyList<string> Notes => notes.ToArray();

    public void PhaseStarted(string phase) => inner.PhaseStarted(phase);

    public void TableStarted(string table, long estimatedRows) => inner.TableStarted(table, estimatedRows);

    public void TableAdvanced(string table, long rowsDone) => inner.TableAdvanced(table, rowsDone);

    public void TableFinished(string table, long rows) => inner.TableFinished(table, rows);

    public void DownloadStarted(string name, long totalBytes) => inner.DownloadStarted(name, totalBytes);

    public void DownloadAdvanced(string name, long bytesDone) => inner.DownloadAdvanced(name, bytesDone);

    public void DownloadFinished(string name, long bytes) => inner.DownloadFinished(name, bytes);

    public void Note(string message)
    {
        notes.Enqueue(message);
        inner.Note(message);
    }
}
