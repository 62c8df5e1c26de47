using HerokuToCloud.Graph;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// The namespace's baseline: every pod is isolated for ingress and egress, and the only traffic
/// allowed is DNS (port 53, UDP and TCP, to any address, because cluster DNS runs as different pods
/// or node-local caches depending on the distribution). Every other flow is allowed by a named policy.
/// </summary>
internal static class DefaultDenyPolicy
{
    public const string Name = "default-deny";

    public static Resource Build(LandingContext context) =>
        NetworkRules.Policy(context, $"{context.Plan.System}-default-deny", Name,
            Labels.System(context.Plan.System, "network-policy"),
            new MapValue(),
            ingressRules: Value.List(),
            egressRules: Value.List(new MapValue
            {
                ["ports"] = Value.List(NetworkRules.Port(53, "UDP"), NetworkRules.Port(53, "TCP")),
            }));
}
