using HerokuToCloud.Graph;

namespace HerokuToCloud.Aws;

/// <summary>The two IAM roles of an app's tasks.</summary>
/// <param name="Execution">Used by ECS to start a task: pull the app's image, write its logs, read its secret. Nothing else.</param>
/// <param name="Task">Used by the app's own code; starts with no permissions (Heroku dynos had no AWS identity).</param>
internal sealed record AppRoles(Resource Execution, Resource Task)
{
    public const string TasksService = "ecs-tasks.amazonaws.com";

    /// <summary>Image pull actions that ECR scopes to a repository.</summary>
    public static readonly string[] PullActions = ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"];

    /// <summary>
    /// Adds both roles. <paramref name="repositoryArn"/> is what the execution role may pull from and
    /// <paramref name="secret"/> the one secret it may read (none when the tasks have no secret variables).
    /// </summary>
    public static AppRoles Add(AwsProgram program, string prefix, string owner, string? app, Value repositoryArn, Resource logGroup, Resource? secret)
    {
        var executionName = AwsNames.Fit($"{prefix}-execution-role", AwsNames.RoleMax);
        var taskName = AwsNames.Fit($"{prefix}-task-role", AwsNames.RoleMax);
        AwsNames.EnsureAutonamable(executionName, AwsNames.RoleMax, "task execution role", owner);
        AwsNames.EnsureAutonamable(taskName, AwsNames.RoleMax, "task role", owner);

        var execution = program.Add(executionName, AwsTypes.Role, new MapValue
        {
            ["description"] = $"Starts the tasks of {owner}: pulls its image, writes its logs" + (secret is null ? "" : ", reads its secret"),
            ["assumeRolePolicy"] = Iam.TrustPolicy(TasksService),
        }, owner, app: app);
        program.Add($"{prefix}-execution-policy", AwsTypes.RolePolicy, new MapValue
        {
            ["role"] = execution.Ref("id"),
            ["policy"] = Iam.Policy([
                // GetAuthorizationToken has no resource-level permissions: AWS only accepts "*" for it.
                Iam.Allow(["ecr:GetAuthorizationToken"], ["*"]),
                Iam.Allow(PullActions, [repositoryArn]),
                Iam.Allow(["logs:CreateLogStream", "logs:PutLogEvents"], [InterpolationValue.Of(logGroup.Ref("arn"), ":*")]),
                .. secret is null ? [] : new[] { Iam.Allow(["secretsmanager:GetSecretValue"], [secret.Ref("arn")]) }]),
        }, owner);
        var task = program.Add(taskName, AwsTypes.Role, new MapValue
        {
            ["description"] = $"Identity of {owner}'s code; grant it only what the app needs",
            ["assumeRolePolicy"] = Iam.TrustPolicy(TasksService),
        }, owner, app: app);
        return new AppRoles(execution, task);
    }
}
