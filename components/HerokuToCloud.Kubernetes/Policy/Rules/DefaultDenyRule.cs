using HerokuToCloud.Graph;
using HerokuToCloud.Graph.Policy;

namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>
/// A program that runs pods has a default-deny NetworkPolicy: all pods selected, both directions
/// isolated, no ingress allowed and no egress but DNS (port 53). Every other flow needs its own policy.
/// </summary>
public sealed class DefaultDenyRule : IPolicyRule
{
    public string Id => "K8S.defaultDenyNetworkPolicy";

    public string Title => "A NetworkPolicy denies all traffic but DNS by default";

    public IEnumerable<PolicyViolation> Evaluate(ResourceGraph graph)
    {
        if (!PodTemplate.In(graph).Any() && !graph.Resources.Any(r => r.Type == KubernetesTypes.Namespace))
            yield break;
        if (!graph.Resources.Any(r => r.Type == KubernetesTypes.NetworkPolicy && IsDefaultDeny(r)))
        {
            var subject = graph.Resources.FirstOrDefault(r => r.Type == KubernetesTypes.Namespace)?.Name ?? graph.Project;
            yield return new PolicyViolation(Id, subject,
                "no NetworkPolicy selects every pod (podSelector: {}) with Ingress and Egress isolated and only DNS (port 53) egress allowed.");
        }
    }

    public static bool IsDefaultDeny(Resource policy)
    {
        var spec = policy.Properties.MapAt("spec");
        if (spec.MapAt("podSelector") is not { Count: 0 })
            return false;
        var types = spec.At("policyTypes").Strings().ToList();
        if (!types.Contains("Ingress") || !types.Contains("Egress"))
            return false;
        if (spec.At("ingress").Maps().Any())
            return false;
        return spec.At("egress").Maps().All(rule =>
            rule["to"] is null
            && rule["ports"].Maps().Any()
            && rule["ports"].Maps().All(port => port["port"] is NumberValue { Number: 53 }));
    }
}
