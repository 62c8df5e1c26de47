using HerokuToCloud.Aws.Tests.Fixtures;
using HerokuToCloud.Graph;

namespace HerokuToCloud.Aws.Tests.Components;

public class JobTests
{
    [Fact]
    public void The_release_phase_runs_once_per_image_tag_and_gates_every_service()
    {
        var program = AwsLanding.Build(Plans.EmigratePlan()).Program;
        var release = program.Get("emigrate-release");
        Assert.Equal(AwsTypes.LocalCommand, release.Type);
        GraphQuery.Same(Value.List(new ConfigValue("emigrateImageTag")), release.At("triggers"));
        Assert.Equal(new ReferenceValue("emigrate-release-task", "arn"), release.At("environment.TASK_DEFINITION"));
        Assert.Equal("release", release.Text("environment.CONTAINER"));
        Assert.Equal("3600", release.Text("environment.TIMEOUT_SECONDS"));
        Assert.Equal(new ReferenceValue("emigrate-tasks-sg", "id"), release.At("environment.SECURITY_GROUPS"));
        GraphQuery.Same(new JoinValue(",", Value.List(new ReferenceValue("private-subnet-a", "id"), new ReferenceValue("private-subnet-b", "id"))), release.At("environment.SUBNETS"));
        Assert.Null(release.At("update"));
        Assert.Contains("emigrate-execution-policy", release.Options.DependsOn);
        // The secret's values come before the task: its definition reads that very version.
        Assert.Contains(new ReferenceValue("emigrate-secrets-version", "versionId"), GraphQuery.Walk(program.Get("emigrate-release-task").Properties));
        foreach (var service in program.OfType(AwsTypes.Service))
            Assert.Contains("emigrate-release", service.Options.DependsOn);
        Assert.Equal(Value.List("bundle exec rails db:migrate").Items.Select(GraphQuery.Show),
            ((ListValue)program.Get("emigrate-release-task").At("containerDefinitions[0].command")!).Items.Select(GraphQuery.Show));
        GraphQuery.Same(Value.List(Landing.ProcessLaunch.CnbLauncher), program.Get("emigrate-release-task").At("containerDefinitions[0].entryPoint"));
    }

    [Fact]
    public void A_schedule_waits_for_the_release_phase_like_the_services()
    {
        var program = AwsLanding.Build(Plans.EmigratePlan()).Program;

        var schedule = program.Get("emigrate-job-nightly-report");

        Assert.Contains("emigrate-release", schedule.Options.DependsOn);
        Assert.Contains("emigrate-job-nightly-report-scheduler-policy", schedule.Options.DependsOn);
        Assert.Equal(schedule.Options.DependsOn.Distinct().Count(), schedule.Options.DependsOn.Count);
    }

    [Fact]
    public void Without_a_release_phase_a_schedule_waits_for_the_data_migration_so_no_job_writes_into_a_database_being_restored()
    {
        var plan = Plans.EmigratePlan();
        plan = plan with { Apps = [plan.Apps[0] with { Release = null }] };

        var program = AwsLanding.Build(plan).Program;
        var schedule = program.Get("emigrate-job-nightly-report");

        Assert.Contains("emigrate-db-migration", schedule.Options.DependsOn);
        Assert.Contains(new ReferenceValue("emigrate-secrets-version", "versionId"), GraphQuery.Walk(program.Get("emigrate-job-nightly-report-task").Properties));
    }

    [Fact]
    public void The_run_script_waits_for_the_task_and_fails_on_a_non_zero_exit()
    {
        var script = OneOffTaskRun.Script;
        Assert.Contains("aws ecs run-task", script);
        Assert.Contains("assignPublicIp=DISABLED", script);
        Assert.Contains("lastStatus", script);
        Assert.Contains("exitCode", script);
        Assert.Contains("exit 1", script);
        // Pulumi YAML reads "${" as an expression.
        Assert.DoesNotContain("${", script);
    }

    [Fact]
    public void A_scheduler_job_becomes_an_exact_UTC_schedule_without_retries()
    {
        var result = AwsLanding.Build(Plans.EmigratePlan());
        var schedule = result.Program.Get("emigrate-job-nightly-report");
        Assert.Equal("cron(30 2 * * ? *)", schedule.Text("scheduleExpression"));
        Assert.Equal("UTC", schedule.Text("scheduleExpressionTimezone"));
        Assert.Equal("OFF", schedule.Text("flexibleTimeWindow.mode"));
        Assert.Equal(new NumberValue(0), schedule.At("target.retryPolicy.maximumRetryAttempts"));
        Assert.Equal(new ReferenceValue("cluster", "arn"), schedule.At("target.arn"));
        Assert.Equal(new ReferenceValue("emigrate-job-nightly-report-task", "arn"), schedule.At("target.ecsParameters.taskDefinitionArn"));
        Assert.Equal(new BoolValue(false), schedule.At("target.ecsParameters.networkConfiguration.assignPublicIp"));
        Assert.Equal(new StringValue("1024"), result.Stack.Values["emigrateJobNightlyReportCpu"]);
        Assert.Equal(new ConfigValue("emigrateJobNightlyReportState"), schedule.At("state"));
        Assert.Equal(new StringValue("ENABLED"), result.Stack.Values["emigrateJobNightlyReportState"]);

        var statements = ((ListValue)result.Program.Get("emigrate-job-nightly-report-scheduler-policy").At("policy.Statement")!).Items;
        GraphQuery.Same(Value.List("ecs:RunTask"), GraphQuery.At(statements[0], "Action"));
        GraphQuery.Same(Value.List(new ReferenceValue("emigrate-job-nightly-report-task", "arn")), GraphQuery.At(statements[0], "Resource"));
        GraphQuery.Same(Value.List(new ReferenceValue("emigrate-execution-role", "arn"), new ReferenceValue("emigrate-task-role", "arn")), GraphQuery.At(statements[1], "Resource"));
        Assert.Equal(2, statements.Count);
    }

    [Fact]
    public void A_job_the_stage_does_not_have_is_paused_in_that_stack()
    {
        var plan = Plans.EmigratePlan("staging");
        var app = plan.Apps[0];
        plan = plan with { Apps = [app with { ScheduledTasks = [app.ScheduledTasks[0] with { Enabled = false }] }] };
        var result = AwsLanding.Build(plan);
        Assert.Equal(new StringValue("DISABLED"), result.Stack.Values["emigrateJobNightlyReportState"]);
        Assert.Equal(AwsLanding.Build(Plans.EmigratePlan("prod")).Program.Dump(), result.Program.Dump());
    }
}
