namespace HerokuToCloud.Data.Progress;

/// <summary>
/// What long data work (copy, restore, validation) tells the person waiting for it. The engine
/// reports events; the CLI decides how to show them: live per-table bars with rows/s and ETA on a
/// terminal, one plain line per event in a log, nothing while it runs under --json. Table work is counted in
/// rows, a download (a backup from its URL) in bytes: separate events, so neither is shown in the other's unit.
/// Implementations must be thread-safe: parallel workers report at the same time.
/// </summary>
public interface IDataProgress
{
    /// <summary>
    /// The name large objects are reported under through the table events, which then count objects, not
    /// rows. No table's display name can be this: a name with a space is shown quoted.
    /// </summary>
    const string LargeObjects = "large objects";

    /// <summary>A step of the run begins ("pre-data schema", "copy", "post-data", "validate").</summary>
    void PhaseStarted(string phase);

    /// <summary>Work on a table (or one key range of it) begins; <paramref name="estimatedRows"/> may be 0 when unknown.</summary>
    void TableStarted(string table, long estimatedRows);

    /// <summary>Cumulative rows done for the table so far.</summary>
    void TableAdvanced(string table, long rowsDone);

    void TableFinished(string table, long rows);

    /// <summary>A download begins; <paramref name="totalBytes"/> is 0 when the server does not say (no Content-Length).</summary>
    void DownloadStarted(string name, long totalBytes);

    /// <summary>Cumulative bytes received so far.</summary>
    void DownloadAdvanced(string name, long bytesDone);

    void DownloadFinished(string name, long bytes);

    /// <summary>A one-line remark worth showing (a resumed unit, a skipped step and why).</summary>
    void Note(string message);
}
