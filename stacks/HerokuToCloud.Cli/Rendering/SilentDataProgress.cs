using HerokuToCloud.Data.Progress;

namespace HerokuToCloud.Cli.Rendering;

/// <summary>No progress output: under --json stdout carries only the report.</summary>
internal sealed class SilentDataProgress : IDataProgress
{
    public static SilentDataProgress Instance { get; } = new();

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

    public void Note(string message)
    {
    }
}
