using HerokuToCloud.Graph;
using HerokuToCloud.Graph.Policy;

namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>Every namespace the program creates enforces Pod Security Standards "restricted", with a pinned version.</summary>
public sealed class NamespaceLabelRule : IPolicyRule
{
    public string Id => "K8S.namespacePodSecurity";

    public string Title => "Namespaces enforce Pod Security Standards restricted at a pinned version";

    public IEnumerable<PolicyViolation> Evaluate(ResourceGraph graph)
    {
        foreach (var resource in graph.Resources.Where(r => r.Type == KubernetesTypes.Namespace))
        {
            var labels = resource.Properties.MapAt("metadata", "labels");
            if (labels.At(SystemNamespace.EnforceLabel).Text() != SystemNamespace.Restricted)
                yield return new PolicyViolation(Id, resource.Name, $"label {SystemNamespace.EnforceLabel} is not 'restricted'.");
            if (labels.At(SystemNamespace.EnforceVersionLabel) is null)
                yield return new PolicyViolation(Id, resource.Name, $"label {SystemNamespace.EnforceVersionLabel} is missing; pin the version the pods were checked against.");
        }
    }
}
