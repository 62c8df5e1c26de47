using System.Text.RegularExpressions;

namespace HerokuToCloud.Graph.Policy.Generic;

/// <summary>
/// SECRETS.1: no secret in plaintext in the program. Flags a literal string under a secret-looking key
/// (<c>masterPassword: hunter2</c>, <c>stringData.API_TOKEN</c>), a literal value paired with a
/// secret-looking name (<c>{name: API_TOKEN, value: ...}</c>, the shape of container environment
/// variables on ECS and Kubernetes), a literal URL with an embedded password (<c>postgres://app:pw@db/app</c>)
/// and <c>fn::secret</c> around a literal. Literals in Pulumi.yaml are in
/// git and in every review; secrets belong in secret config or in a secret store the program references.
/// </summary>
/// <param name="remedy">Where the secret belongs instead, in the words of the output checked (Pulumi secret config, or a Kubernetes Secret for plain manifests).</param>
public sealed partial class PlaintextSecretRule(string remedy = PlaintextSecretRule.PulumiRemedy) : IPolicyRule
{
    public const string PulumiRemedy = "take the secret from secret config (pulumi config set --secret) or a secret store the program references";

    public string Id => "SECRETS.1";

    public string Title => "No secret is written in plaintext in the program";

    /// <summary>One violation per property, however many of the checks it fails.</summary>
    public IEnumerable<PolicyViolation> Evaluate(ResourceGraph graph) =>
        Findings(graph).DistinctBy(f => (f.Element, f.Path)).Select(f => f.Violation);

    private IEnumerable<(string Element, PropertyPath Path, PolicyViolation Violation)> Findings(ResourceGraph graph)
    {
        var elements = graph.Resources.Select(r => (r.Name, (Value)r.Properties))
            .Concat(graph.Variables.Select(v => (v.Name, v.Value)))
            .Concat(graph.Outputs.Select(o => (o.Name, o.Value)));
        foreach (var (name, root) in elements)
        {
            foreach (var (path, value) in PropertyPath.Walk(root))
            {
                switch (value)
                {
                    case MapValue map:
                        foreach (var (key, entry) in map.Entries)
                        {
                            if (entry is StringValue { Text.Length: > 0 } && SecretLookingNames.IsSecretLooking(key))
                                yield return Violation(name, path.Append(key), $"{key} is a literal");
                        }

                        if (map["name"] is StringValue { Text: var variable } && SecretLookingNames.IsSecretLooking(variable)
                            && map["value"] is StringValue { Text.Length: > 0 })
                        {
                            yield return Violation(name, path.Append("value"), $"{variable} is set to a literal");
                        }

                        break;
                    case StringValue { Text: var text } when UrlWithPassword().IsMatch(text):
                        yield return Violation(name, path, "a URL with an embedded password is a literal");
                        break;
                    case SecretValue secret when !PropertyPath.Walk(secret.Inner).Any(p => p.Value is ReferenceValue or ConfigValue or InvokeValue):
                        yield return Violation(name, path, "fn::secret wraps a literal, which is still plaintext in the file");
                        break;
                }
            }
        }
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*://[^/:@\s]+:[^/@\s]+@")]
    private static partial Regex UrlWithPassword();

    private (string, PropertyPath, PolicyViolation) Violation(string element, PropertyPath path, string what) =>
        (element, path, new(Id, element, $"{(path.IsRoot ? "" : $"property {path}: ")}{what}; {remedy}."));
}
