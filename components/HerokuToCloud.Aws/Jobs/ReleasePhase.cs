using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Aws;

/// <summary>
/// Heroku's release phase: the release command as a one-off Fargate task that runs whenever the
/// image tag or the release task definition changes (a new build, as on Heroku) and must exit 0
/// before any service of the app rolls to the new version. Heroku stops a release after an hour.
/// </summary>
internal static class ReleasePhase
{
    public const string ContainerName = WritableRoots.Release;

    public static readonly TimeSpan Timeout = TimeSpan.FromHours(1);

    public static Resource Add(AwsProgram program, AppRuntime runtime, Landing.ReleaseTask release, Resource cluster, NetworkLanding network,
        Value imageTag, IReadOnlyList<string> dependsOn)
    {
        var app = runtime.App;
        var owner = $"{runtime.Owner} release phase";
        var size = FargateSizes.Fit(release.Compute, $"App {app.Name} release phase");
        var container = new ContainerSpec(ContainerName, runtime.Image)
        {
            Launch = Landing.ProcessLaunch.For(app.Image, release.Command),
            WritableRootFilesystem = program.WritableRoots.Allows(app.Name, ContainerName),
            SecretVariables = runtime.SecretVariables,
            Secret = runtime.Secret,
        };
        var task = FargateTask.Add(program, $"{runtime.Prefix}-release-task", AwsNames.Logical(program.Plan.System, app.Name, "release"),
            ConfigKeys.Of(app.Name, "release"), size, container,
            runtime.Roles.Execution.Ref("arn"), runtime.Roles.Task.Ref("arn"), runtime.LogGroup.Ref("name"), owner, app.Name);
        return OneOffTaskRun.Add(program, $"{runtime.Prefix}-release", $"the release phase of {app.Name}", cluster.Ref("arn"), task, ContainerName,
            network, runtime.TaskSecurityGroup, runtime.LogGroup.Ref("name"), Timeout, [imageTag], dependsOn, owner);
    }
}
