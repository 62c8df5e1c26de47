using System.Diagnostics;

namespace HerokuToCloud.Aws.Tests.Components;

/// <summary>
/// Runs the one-off task script the program's command resources run, with a stand-in for the AWS CLI on
/// PATH that answers as ECS would and records each call, so what the script does is checked, not its text.
/// </summary>
public sealed class OneOffTaskRunScriptTests : IDisposable
{
    private const string Definition = "arn:aws:ecs:eu-west-1:123456789012:task-definition/shop-db-migration:3";

    private readonly string directory = Directory.CreateTempSubdirectory("h2c-one-off-").FullName;

    public OneOffTaskRunScriptTests()
    {
        // The stand-in: list-tasks prints $FAKE_RUNNING; describe-tasks answers the query it is given;
        // the task reports RUNNING on the first status poll and STOPPED after it.
        var aws = Path.Combine(directory, "aws");
        File.WriteAllText(aws, """
            #!/bin/sh
            echo "$*" >> "$FAKE_LOG"
            case "$*" in
              *list-tasks*) echo "$FAKE_RUNNING" ;;
              *run-task*) echo "arn:aws:ecs:eu-west-1:123456789012:task/cluster/new" ;;
              *taskDefinitionArn*) echo "$FAKE_ATTACHABLE" ;;
              *lastStatus*) if [ -f "$FAKE_LOG.polled" ]; then echo STOPPED; else touch "$FAKE_LOG.polled"; echo RUNNING; fi ;;
              *exitCode*) echo "$FAKE_EXIT" ;;
              *stoppedReason*) echo "Essential container in task exited" ;;
              *stop-task*) echo "{}" ;;
            esac
            """.Replace("\r", "", StringComparison.Ordinal));
        // The generated command runs under a POSIX shell; so does this test.
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(aws, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Log => Path.Combine(directory, "calls.log");

    private (int ExitCode, string Output, string[] Calls) Run(string running = "None", string attachable = "None", string exit = "0", int timeoutSeconds = 3600)
    {
        var start = new ProcessStartInfo("/bin/sh", ["-c", OneOffTaskRun.Script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PATH"] = $"{directory}:{Environment.GetEnvironmentVariable("PATH")}";
        start.Environment["FAKE_LOG"] = Log;
        start.Environment["FAKE_RUNNING"] = running;
        start.Environment["FAKE_ATTACHABLE"] = attachable;
        start.Environment["FAKE_EXIT"] = exit;
        start.Environment["TASK_NAME"] = "the data migration of shop-db";
        start.Environment["AWS_REGION"] = "eu-west-1";
        start.Environment["CLUSTER"] = "arn:aws:ecs:eu-west-1:123456789012:cluster/shop";
        start.Environment["TASK_DEFINITION"] = Definition;
        start.Environment["FAMILY"] = "shop-db-migration";
        start.Environment["CONTAINER"] = "migrate";
        start.Environment["SUBNETS"] = "subnet-a,subnet-b";
        start.Environment["SECURITY_GROUPS"] = "sg-1";
        start.Environment["LOG_GROUP"] = "shop-db-migration-logs";
        start.Environment["TIMEOUT_SECONDS"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["POLL_SECONDS"] = "0";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result, File.Exists(Log) ? File.ReadAllLines(Log) : []);
    }

    [Fact]
    public void A_task_is_started_in_the_private_subnets_and_its_exit_0_passes()
    {
        var (exitCode, output, calls) = Run();

        Assert.Equal(0, exitCode);
        var runTask = Assert.Single(calls, c => c.StartsWith("ecs run-task", StringComparison.Ordinal));
        Assert.Contains($"--task-definition {Definition}", runTask, StringComparison.Ordinal);
        Assert.Contains("assignPublicIp=DISABLED", runTask, StringComparison.Ordinal);
        Assert.Contains("--started-by heroku2cloud", runTask, StringComparison.Ordinal);
        Assert.Contains("--family shop-db-migration", calls[0], StringComparison.Ordinal);
        Assert.Contains("the data migration of shop-db succeeded", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_task_that_exits_non_zero_fails_the_step_and_points_at_its_logs()
    {
        var (exitCode, output, _) = Run(exit: "1");

        Assert.Equal(1, exitCode);
        Assert.Contains("the data migration of shop-db failed (exit code 1: Essential container in task exited); its output is in the CloudWatch log group shop-db-migration-logs", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_task_of_this_revision_still_running_from_an_interrupted_update_is_waited_for_not_started_again()
    {
        var (exitCode, output, calls) = Run(running: "arn:task/old\tarn:task/other", attachable: "arn:task/old", exit: "1");

        Assert.Equal(1, exitCode);
        Assert.DoesNotContain(calls, c => c.StartsWith("ecs run-task", StringComparison.Ordinal));
        Assert.Contains(calls, c => c.StartsWith("ecs describe-tasks", StringComparison.Ordinal) && c.Contains("--tasks arn:task/old arn:task/other", StringComparison.Ordinal) && c.Contains($"taskDefinitionArn=='{Definition}'", StringComparison.Ordinal));
        Assert.Contains("already running as arn:task/old", output, StringComparison.Ordinal);
        Assert.Contains("failed (exit code 1", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Running_tasks_of_another_revision_do_not_stop_this_one_from_starting()
    {
        var (exitCode, _, calls) = Run(running: "arn:task/older-revision", attachable: "None");

        Assert.Equal(0, exitCode);
        Assert.Single(calls, c => c.StartsWith("ecs run-task", StringComparison.Ordinal));
    }

    [Fact]
    public void A_task_past_its_timeout_is_stopped_and_fails_the_step()
    {
        var (exitCode, output, calls) = Run(timeoutSeconds: 0);

        Assert.Equal(1, exitCode);
        Assert.Contains(calls, c => c.StartsWith("ecs stop-task", StringComparison.Ordinal) && c.Contains("--task arn:aws:ecs:eu-west-1:123456789012:task/cluster/new", StringComparison.Ordinal));
        Assert.Contains("did not finish within 0 seconds and was stopped", output, StringComparison.Ordinal);
    }
}
