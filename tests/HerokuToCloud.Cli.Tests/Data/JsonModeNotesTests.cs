using HerokuToCloud.Cli.Progress;
using HerokuToCloud.Data;

namespace HerokuToCloud.Cli.Tests.Data;

/// <summary>Under --json a run's notes reach a log even when no JSON document does.</summary>
public class JsonModeNotesTests
{
    [Fact]
    public async Task A_run_that_fails_writes_its_notes_to_stderr_before_the_error()
    {
        var errors = new StringWriter();

        await Assert.ThrowsAsync<DataMigrationException>(() => DataProgressDisplay.RunAsync<int>(json: true, progress =>
        {
            progress.Note("stopped: what was committed is kept; rerun the command without --replace to resume");
            throw new DataMigrationException("the target went away");
        }, errors));

        Assert.Equal("note: stopped: what was committed is kept; rerun the command without --replace to resume" + Environment.NewLine, errors.ToString());
    }

    [Fact]
    public async Task A_run_that_succeeds_writes_nothing_beside_its_document()
    {
        var errors = new StringWriter();

        var result = await DataProgressDisplay.RunAsync(json: true, progress =>
        {
            progress.Note("resuming: 3 of 9 copy units were committed by the interrupted run and are skipped");
            return Task.FromResult(42);
        }, errors);

        Assert.Equal(42, result);
        Assert.Equal("", errors.ToString());
    }
}
