namespace HerokuToCloud.Graph.Policy.Generic;

/// <summary>
/// SECRETS.2: secret config stays secret. A config key declared secret must not carry a default (it would
/// sit in plaintext in Pulumi.yaml) and must not have a plaintext value in a stack file (only the
/// <c>secure:</c> form <c>pulumi config set --secret</c> writes).
/// </summary>
public sealed class SecretConfigRule : IPolicyRule
{
    public string Id => "SECRETS.2";

    public string Title => "Secret config has no plaintext default or stack value";

    public IEnumerable<PolicyViolation> Evaluate(ResourceGraph graph) =>
        graph.Config.Where(c => c.Secret && c.Default is not null)
            .Select(c => new PolicyViolation(Id, c.Key, $"secret config {c.Key} has a default, which is plaintext in Pulumi.yaml; remove the default and set the value with `pulumi config set --secret {c.Key}`."));

    public IEnumerable<PolicyViolation> EvaluateStack(ResourceGraph graph, StackConfig stack) =>
        graph.Config.Where(c => c.Secret && stack.Values.ContainsKey(c.Key))
            .Select(c => new PolicyViolation(Id, $"Pulumi.{stack.Stack}.yaml", $"secret config {c.Key} has a plaintext value in the stack file; replace it with `pulumi config set --secret {c.Key}` (and rotate it: it has been exposed)."));
}
