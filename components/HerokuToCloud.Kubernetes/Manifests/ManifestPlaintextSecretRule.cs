using HerokuToCloud.Graph;
using HerokuToCloud.Graph.Policy;
using HerokuToCloud.Graph.Policy.Generic;

namespace HerokuToCloud.Kubernetes.Manifests;

/// <summary>
/// SECRETS.1 for plain manifests: the generic plaintext-secret rule, plus every Secret that carries
/// values in <c>data</c> or <c>stringData</c>, whatever its keys are called. In a Pulumi program a
/// Secret's values come from secret config; in a manifests directory they are written in the file,
/// committed next to the Deployments, and base64 in <c>data</c> is an encoding, not encryption. The
/// generated manifests never do this (create-secrets.sh creates the Secrets from environment
/// variables), so a Secret with values is a hand edit or a kustomize secretGenerator's literals.
/// One finding per Secret: its secret-looking keys are not reported a second time by the generic rule.
/// </summary>
public sealed class ManifestPlaintextSecretRule : IPolicyRule
{
    public const string Remedy =
        "move it into a Secret (create-secrets.sh creates them from environment variables) and read it with envFrom.secretRef or valueFrom.secretKeyRef";

    private static readonly string[] ValueFields = ["data", "stringData"];

    private readonly PlaintextSecretRule literals = new(Remedy);

    public string Id => literals.Id;

    public string Title => literals.Title;

    public IEnumerable<PolicyViolation> Evaluate(ResourceGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var withoutSecretValues = new ResourceGraph(graph.Project, graph.Description);
        var findings = new List<PolicyViolation>();
        foreach (var resource in graph.Resources)
        {
            var keys = resource.Type == KubernetesTypes.Secret ? ValueKeys(resource.Properties) : [];
            if (keys.Count == 0)
            {
                withoutSecretValues.Add(resource);
                continue;
            }

            findings.Add(new PolicyViolation(
                Id,
                resource.Name,
                $"the Secret carries {string.Join(", ", keys)} in plaintext in the repository (base64 in data is an encoding, not encryption); " +
                "remove the values and create the Secret outside git: create-secrets.sh creates it from environment variables, or use a sealed or external secret."));
            withoutSecretValues.Add(resource with { Properties = new MapValue(resource.Properties.Entries.Where(e => !ValueFields.Contains(e.Key))) });
        }

        foreach (var variable in graph.Variables)
            withoutSecretValues.AddVariable(variable.Name, variable.Value);
        foreach (var output in graph.Outputs)
            withoutSecretValues.AddOutput(output.Name, output.Value);
        return literals.Evaluate(withoutSecretValues).Concat(findings);
    }

    /// <summary>The keys of data and stringData that hold a value; an empty value reveals nothing.</summary>
    private static List<string> ValueKeys(MapValue properties) =>
        ValueFields
            .SelectMany(field => properties[field] is MapValue values
                ? values.Entries.Where(e => e.Value is not (NullValue or StringValue { Text.Length: 0 })).Select(e => $"{field}.{e.Key}")
                : [])
            .ToList();
}
