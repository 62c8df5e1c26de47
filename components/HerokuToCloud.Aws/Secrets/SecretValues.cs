using HerokuToCloud.Graph;

namespace HerokuToCloud.Aws;

/// <summary>
/// A Secrets Manager secret and the version that holds its current values. Containers read single keys
/// of that version (<c>valueFrom: "&lt;arn&gt;:VAR::&lt;version id&gt;"</c>), not of whatever version is
/// current: a changed value (a pushed secret config, a renamed database's URL) makes a new version, hence
/// a new task definition revision, and ECS rolls the services onto it, as Heroku restarts the dynos when a
/// config var changes. Read by stage, a running service would keep the old value until something else
/// redeployed it.
/// </summary>
internal sealed record SecretValues(Resource Secret, Resource Version)
{
    /// <summary>The <c>valueFrom</c> of one JSON key of this version.</summary>
    public Value KeyOf(string key) => InterpolationValue.Of(Secret.Ref("arn"), $":{key}::", Version.Ref("versionId"));
}
