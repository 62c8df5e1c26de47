using HerokuToCloud.Graph;

namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>Every namespace the program creates enforces Pod Security Standards "restricted", with a pinned version.</summary>
public sealed class NamespaceLabelRule : IPolicyRule
{
    public string Id => "K8S-NAMESPACE-PSS";

    public string Description => "Namespaces must carry pod-security.kubernetes.io/enforce: restricted and an enforce-version.";

    public IEnumerable<PolicyFinding> Evaluate(PolicyInput input)
    {
        foreach (var resource in input.Graph.Resources.Where(r => r.Type == KubernetesTypes.Namespace))
        {
            var labels = resource.Properties.MapAt("metadata", "labels");
            if (labels.At(SystemNamespace.EnforceLabel).Text() != SystemNamespace.Restricted)
                yield return new PolicyFinding(Id, resource.Name, $"label {SystemNamespace.EnforceLabel} is not 'restricted'.");
            if (labels.At(SystemNamespace.EnforceVersionLabel) is null)
                yield return new PolicyFinding(Id, resource.Name, $"label {SystemNamespace.EnforceVersionLabel} is missing.");
        }
    }
}
