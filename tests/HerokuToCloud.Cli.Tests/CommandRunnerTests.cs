using HerokuToCloud.Data;

namespace HerokuToCloud.Cli.Tests;

public class CommandRunnerTests
{
    [Fact]
    public async Task A_cancelled_command_exits_130_as_shells_report_an_interrupt()
    {
        Assert.Equal(130, await CommandRunner.RunAsync(() => throw new OperationCanceledException()));
    }

    [Fact]
    public async Task A_user_facing_error_exits_2_and_anything_else_70()
    {
        Assert.Equal(2, await CommandRunner.RunAsync(() => throw new DataMigrationException("the target is not empty")));
        Assert.Equal(70, await CommandRunner.RunAsync(() => throw new InvalidOperationException("unexpected")));
    }
}
