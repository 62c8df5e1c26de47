using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Aws;

/// <summary>
/// The AWS landing of one stack: the program (identical for every stack of a system generated with
/// the same options), this stack's config values, and what a person should read before deploying.
/// </summary>
/// <param name="SecretConfigKeys">Keys the team must set with <c>pulumi config set --secret</c> before <c>pulumi up</c>.</param>
/// <param name="RequiredConfigKeys">Other keys without a value yet (image tags, the migration image).</param>
public sealed record AwsLandingResult(
    ResourceGraph Program,
    StackConfig Stack,
    IReadOnlyList<PlanFinding> Findings,
    IReadOnlyList<string> SecretConfigKeys,
    IReadOnlyList<string> RequiredConfigKeys)
{
    /// <summary>Limits on this program's stack values that their config types cannot express; check a stack against them after --set.</summary>
    public StackValueLimits Limits { get; init; } = new();
}
