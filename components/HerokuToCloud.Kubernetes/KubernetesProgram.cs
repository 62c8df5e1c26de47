using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// A landing plan as a Pulumi program for the kubernetes provider: the resource graph (written as
/// Pulumi.yaml), the stack's values (Pulumi.&lt;stack&gt;.yaml), the config keys the team still has
/// to set, and what the user should read before deploying.
/// </summary>
public sealed record KubernetesProgram(ResourceGraph Graph, StackConfig Stack, IReadOnlyList<RequiredSetting> Required, IReadOnlyList<PlanFinding> Findings);
