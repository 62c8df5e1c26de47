using System.Globalization;
using HerokuToCloud.Graph;

namespace HerokuToCloud.Aws;

/// <summary>
/// Runs a task definition once, as a step of <c>pulumi up</c>: a <c>command:local:Command</c> that
/// starts the task with the AWS CLI in the private subnets, waits for it to stop and fails the update
/// unless its container exited 0. This is how Heroku's release phase (and the data migration) keep
/// their promise that nothing rolls forward after a failed step: the services depend on it.
/// A <c>pulumi up</c> interrupted while the task ran leaves it running and the step unrecorded, so the
/// next one runs the command again: it then waits for the task of the same task definition revision that
/// is still running instead of starting a second one beside it (two data migrations into one database,
/// two release phases migrating one schema at once), and that task's exit decides.
/// The machine running <c>pulumi up</c> needs the AWS CLI v2 and a POSIX shell.
/// </summary>
internal static class OneOffTaskRun
{
    /// <summary>
    /// The shell script; every input arrives as an environment variable so nothing is interpolated
    /// into shell code. It contains no "${", which Pulumi YAML would read as an expression.
    /// </summary>
    public const string Script = """
        set -eu
        task=None
        running=$(aws ecs list-tasks --region "$AWS_REGION" --cluster "$CLUSTER" --family "$FAMILY" --desired-status RUNNING --query 'taskArns' --output text)
        if [ -n "$running" ] && [ "$running" != "None" ]; then
          task=$(aws ecs describe-tasks --region "$AWS_REGION" --cluster "$CLUSTER" --tasks $running \
            --query "tasks[?taskDefinitionArn=='$TASK_DEFINITION' && startedBy=='heroku2cloud'] | [0].taskArn" --output text)
        fi
        if [ -n "$task" ] && [ "$task" != "None" ]; then
          echo "heroku2cloud: $TASK_NAME is already running as $task (started by an earlier pulumi up that was interrupted); waiting for it instead of starting another"
        else
          echo "heroku2cloud: running $TASK_NAME on $CLUSTER"
          task=$(aws ecs run-task --region "$AWS_REGION" --cluster "$CLUSTER" --task-definition "$TASK_DEFINITION" \
            --launch-type FARGATE --platform-version LATEST --count 1 --started-by heroku2cloud \
            --network-configuration "awsvpcConfiguration={subnets=[$SUBNETS],securityGroups=[$SECURITY_GROUPS],assignPublicIp=DISABLED}" \
            --query 'tasks[0].taskArn' --output text)
          if [ -z "$task" ] || [ "$task" = "None" ]; then
            echo "heroku2cloud: ECS did not start $TASK_NAME (see the run-task failures above)" >&2
            exit 1
          fi
          echo "heroku2cloud: started $task"
        fi
        deadline=$(( $(date +%s) + TIMEOUT_SECONDS ))
        while :; do
          status=$(aws ecs describe-tasks --region "$AWS_REGION" --cluster "$CLUSTER" --tasks "$task" --query 'tasks[0].lastStatus' --output text)
          if [ "$status" = "STOPPED" ]; then break; fi
          if [ "$(date +%s)" -ge "$deadline" ]; then
            aws ecs stop-task --region "$AWS_REGION" --cluster "$CLUSTER" --task "$task" --reason "heroku2cloud: timed out" >/dev/null
            echo "heroku2cloud: $TASK_NAME did not finish within $TIMEOUT_SECONDS seconds and was stopped" >&2
            exit 1
          fi
          sleep "$POLL_SECONDS"
        done
        code=$(aws ecs describe-tasks --region "$AWS_REGION" --cluster "$CLUSTER" --tasks "$task" \
          --query "tasks[0].containers[?name=='$CONTAINER'].exitCode | [0]" --output text)
        reason=$(aws ecs describe-tasks --region "$AWS_REGION" --cluster "$CLUSTER" --tasks "$task" --query 'tasks[0].stoppedReason' --output text)
        if [ "$code" != "0" ]; then
          echo "heroku2cloud: $TASK_NAME failed (exit code $code: $reason); its output is in the CloudWatch log group $LOG_GROUP" >&2
          exit 1
        fi
        echo "heroku2cloud: $TASK_NAME succeeded"
        """;

    public static Resource Add(AwsProgram program, string name, string description, Value clusterArn, Resource taskDefinition, string container,
        NetworkLanding network, Resource securityGroup, Value logGroupName, TimeSpan timeout, IReadOnlyList<Value> triggers,
        IReadOnlyList<string> dependsOn, string owner, string? update = null)
    {
        var properties = new MapValue
        {
            ["create"] = Script,
        };
        if (update is not null)
            properties["update"] = update;
        properties["environment"] = new MapValue
        {
            ["TASK_NAME"] = description,
            ["AWS_REGION"] = program.Region,
            ["CLUSTER"] = clusterArn,
            ["TASK_DEFINITION"] = taskDefinition.Ref("arn"),
            ["FAMILY"] = taskDefinition.Ref("family"),
            ["CONTAINER"] = container,
            ["SUBNETS"] = new JoinValue(",", network.PrivateSubnetIds),
            ["SECURITY_GROUPS"] = securityGroup.Ref("id"),
            ["LOG_GROUP"] = logGroupName,
            ["TIMEOUT_SECONDS"] = ((int)timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            ["POLL_SECONDS"] = "10",
        };
        properties["triggers"] = Value.List(triggers);
        return program.Add(name, AwsTypes.LocalCommand, properties, owner, new ResourceOptions { DependsOn = dependsOn });
    }
}
