using HerokuToCloud.Graph;
using HerokuToCloud.Kubernetes.Manifests;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Cli.Generation;

/// <summary>A target's program for one stack, with what the team must read and do before deploying.</summary>
/// <param name="SecretConfigKeys">Keys to set with <c>heroku2cloud secrets push</c> or <c>pulumi config set --secret</c>.</param>
/// <param name="FirstUp">
/// Resources to create on their own before the first full <c>pulumi up</c> (image repositories an image
/// must be pushed to), as logical names; empty when the program deploys in one go.
/// </param>
internal sealed record GeneratedProgram(
    ResourceGraph Program,
    StackConfig Stack,
    IReadOnlyList<PlanFinding> Findings,
    IReadOnlyList<string> SecretConfigKeys,
    IReadOnlyList<string> FirstUp)
{
    /// <summary>Non-secret stack keys whose values came from placeholders or options the team should check (images, hostnames).</summary>
    public IReadOnlyList<string> ReviewKeys { get; init; } = [];

    /// <summary>
    /// Stack keys whose values options typed on this run determine (see <see cref="TypedOptionKeys"/>):
    /// they replace what an existing stack file holds, like keys given with --set.
    /// </summary>
    public IReadOnlyList<string> KeysFromTypedOptions { get; init; } = [];

    /// <summary>Set when the target writes plain manifests instead of a Pulumi program.</summary>
    public ManifestOutput? Manifests { get; init; }
}

/// <summary>
/// Plain manifests in place of Pulumi.yaml: rendered from the stack values once `--set` has been
/// applied and the secret keys the stack's apps run without (<see cref="OptionalSecrets"/>, which
/// create-secrets.sh leaves empty when unset, as `secrets push` does), with the steps that replace `pulumi up`.
/// </summary>
internal sealed record ManifestOutput(Func<StackConfig, IReadOnlySet<string>, ManifestFiles> Render, IReadOnlyList<string> NextSteps);
