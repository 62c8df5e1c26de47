using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Aws;

/// <summary>
/// Everything an app's tasks share: its image, log group, secret and roles, and the security group
/// every task of the app runs in (the one datastores admit). An app without run-time variables has no secret. <see cref="ReadyDependencies"/> are the
/// resources a task needs before it can start but does not reference (the execution role's policy):
/// anything that starts tasks depends on them.
/// </summary>
internal sealed record AppRuntime(
    AppLanding App,
    Resource Repository,
    Value Image,
    Resource LogGroup,
    SecretValues? Secret,
    IReadOnlyList<string> SecretVariables,
    AppRoles Roles,
    Resource TaskSecurityGroup,
    Value ImageTag,
    IReadOnlyList<string> ReadyDependencies)
{
    public string Prefix => AwsNames.Logical(App.Name);

    public string Owner => $"app {App.Name}";
}
