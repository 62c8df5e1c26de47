using HerokuToCloud.Graph;

namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>
/// Every namespace the program creates has a default-deny NetworkPolicy: all pods selected, both
/// directions isolated, no ingress allowed and no egress but DNS (port 53). Workloads in a program
/// without a namespace of its own are checked against the policies the program has at all.
/// </summary>
public sealed class DefaultDenyRule : IPolicyRule
{
    public string Id => "K8S-NETWORK-DEFAULT-DENY";

    public string Description => "A NetworkPolicy must deny all ingress and all egress except DNS for every pod in the namespace.";

    public IEnumerable<PolicyFinding> Evaluate(PolicyInput input)
    {
        var namespaces = input.Graph.Resources.Where(r => r.Type == KubernetesTypes.Namespace).ToList();
        var hasPods = PodTemplate.In(input.Graph).Any();
        if (namespaces.Count == 0 && !hasPods)
            yield break;
        if (!input.Graph.Resources.Any(r => r.Type == KubernetesTypes.NetworkPolicy && IsDefaultDeny(r)))
            yield return new PolicyFinding(Id, namespaces.FirstOrDefault()?.Name ?? input.Graph.Project,
                "no NetworkPolicy selects every pod with ingress and egress isolated and only DNS egress allowed.");
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
