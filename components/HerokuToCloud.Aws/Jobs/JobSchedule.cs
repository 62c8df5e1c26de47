using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Aws;

/// <summary>
/// A Heroku Scheduler job: an EventBridge Scheduler schedule that starts the job's task definition
/// with ECS RunTask, in UTC, exactly on the minute (flexible window off) and never retried, which is
/// as close as AWS gets to Heroku's best-effort, at-most-once runs. Its role may run only that task
/// definition in this cluster and pass only the app's two roles to ECS.
/// </summary>
internal static class JobSchedule
{
    /// <param name="before">What must succeed before the schedule exists (the app's data migrations and release phase, as for its services).</param>
    public static void Add(AwsProgram program, AppRuntime runtime, ScheduledTask job, Resource cluster, NetworkLanding network, IReadOnlyList<string> before)
    {
        var app = runtime.App;
        var owner = $"{runtime.Owner} scheduled job {job.Name}";
        var prefix = AwsNames.Logical(app.Name, "job", job.Name);
        var expression = ScheduleExpression.From(job.Schedule);
        var roleName = AwsNames.Fit($"{prefix}-scheduler-role", AwsNames.RoleMax);
        var scheduleName = AwsNames.Fit(prefix, AwsNames.ScheduleMax);
        AwsNames.EnsureAutonamable(roleName, AwsNames.RoleMax, "scheduler role", owner);
        AwsNames.EnsureAutonamable(scheduleName, AwsNames.ScheduleMax, "schedule", owner);

        var size = FargateSizes.Fit(job.Compute, $"App {app.Name} scheduled job {job.Name}");
        var container = new ContainerSpec(AwsNames.Logical(job.Name), runtime.Image)
        {
            Launch = ProcessLaunch.For(app.Image, job.Command),
            WritableRootFilesystem = program.WritableRoots.Allows(app.Name, job.Name),
            SecretVariables = runtime.SecretVariables,
            Secret = runtime.Secret,
        };
        var task = FargateTask.Add(program, $"{prefix}-task", AwsNames.Logical(program.Plan.System, app.Name, "job", job.Name),
            ConfigKeys.Of(app.Name, "job", job.Name), size, container,
            runtime.Roles.Execution.Ref("arn"), runtime.Roles.Task.Ref("arn"), runtime.LogGroup.Ref("name"), owner, app.Name);

        var role = program.Add(roleName, AwsTypes.Role, new MapValue
        {
            ["description"] = $"Lets EventBridge Scheduler start {app.Name}'s {job.Name} job",
            ["assumeRolePolicy"] = Iam.TrustPolicy("scheduler.amazonaws.com"),
        }, owner, app: app.Name);
        program.Add($"{prefix}-scheduler-policy", AwsTypes.RolePolicy, new MapValue
        {
            ["role"] = role.Ref("id"),
            ["policy"] = Iam.Policy(
                Iam.Allow(["ecs:RunTask"], [task.Ref("arn")], new MapValue
                {
                    ["ArnEquals"] = new MapValue { ["ecs:cluster"] = cluster.Ref("arn") },
                }),
                Iam.Allow(["iam:PassRole"], [runtime.Roles.Execution.Ref("arn"), runtime.Roles.Task.Ref("arn")], new MapValue
                {
                    ["StringEquals"] = new MapValue { ["iam:PassedToService"] = AppRoles.TasksService },
                })),
        }, owner);

        // A stage that has no such job on Heroku gets the schedule paused: every stack has the same
        // resources, and the state is stack config.
        var state = program.Config(ConfigKeys.Of(app.Name, "job", job.Name, "state"), ConfigType.String, job.Enabled ? "ENABLED" : "DISABLED",
            $"ENABLED or DISABLED: whether {app.Name}'s {job.Name} job runs in this stack.", owner);
        program.Add(scheduleName, AwsTypes.Schedule, new MapValue
        {
            ["description"] = $"{app.Name}: {job.Name} ({job.Schedule} UTC, was Heroku Scheduler)",
            ["scheduleExpression"] = expression,
            ["scheduleExpressionTimezone"] = "UTC",
            ["state"] = state,
            ["flexibleTimeWindow"] = new MapValue { ["mode"] = "OFF" },
            ["target"] = new MapValue
            {
                ["arn"] = cluster.Ref("arn"),
                ["roleArn"] = role.Ref("arn"),
                ["ecsParameters"] = new MapValue
                {
                    ["taskDefinitionArn"] = task.Ref("arn"),
                    ["launchType"] = "FARGATE",
                    ["platformVersion"] = "LATEST",
                    ["taskCount"] = 1,
                    ["networkConfiguration"] = new MapValue
                    {
                        ["subnets"] = network.PrivateSubnetIds,
                        ["securityGroups"] = Value.List(runtime.TaskSecurityGroup.Ref("id")),
                        ["assignPublicIp"] = false,
                    },
                },
                ["retryPolicy"] = new MapValue { ["maximumRetryAttempts"] = 0 },
            },
        }, owner, new ResourceOptions { DependsOn = [.. before.Union(runtime.ReadyDependencies, StringComparer.Ordinal), $"{prefix}-scheduler-policy"] });
    }
}
