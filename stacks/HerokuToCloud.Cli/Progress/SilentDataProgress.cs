using HerokuToCloud.Data.Progress;

namespace HerokuToCloud.Cli.Progress;

/// <summary>Under --json standard output carries only the final JSON document, so progress says nothing.</summary>
internal sealed class SilentDataProgress : IDataProgress
{
    public void PhaseStarted(string phase)
    {
    }

    public void TableStarted(string table, long estimatedRows)
    {
    }

    public void TableAdvanced(string table, long rowsDone)
    {
    }

    public void TableFinished(string table, long rows)
    {
    }

    public void DownloadStarted(string name, long totalBytes)
    {
    }

    public void DownloadAdvanced(string name, long bytesDone)
    {
    }

    public void DownloadFinished(string name, long bytes)
    {
    }

    public void Note(string message)
    {
    }
}
