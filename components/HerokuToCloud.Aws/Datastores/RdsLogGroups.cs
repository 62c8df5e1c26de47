using HerokuToCloud.Graph;

namespace HerokuToCloud.Aws;

/// <summary>
/// The CloudWatch log groups an RDS instance exports its logs to. RDS creates a missing
/// <c>/aws/rds/instance/&lt;identifier&gt;/&lt;log&gt;</c> group itself, with no retention (kept forever)
/// and outside Pulumi's state, so the program declares each one with the retention of every other
/// log group and the instance waits for them: it must not start before they exist, or RDS makes its
/// own first and the program's create fails on the name.
/// </summary>
internal static class RdsLogGroups
{
    /// <summary>The logs every instance exports (RDS.9).</summary>
    public static readonly IReadOnlyList<string> Exports = ["postgresql", "upgrade"];

    /// <summary>
    /// Adds one log group per exported log of the instance named <paramref name="identifier"/> and
    /// returns their logical names, for the instance's dependsOn.
    /// </summary>
    public static IReadOnlyList<string> Add(AwsProgram program, string name, InterpolationValue identifier, string owner) =>
        [.. Exports.Select(log => program.Add($"{name}-{log}-logs", AwsTypes.LogGroup, new MapValue
        {
            ["name"] = InterpolationValue.Of("/aws/rds/instance/", identifier, $"/{log}"),
            ["retentionInDays"] = program.LogRetentionDays,
        }, owner).Name)];
}
