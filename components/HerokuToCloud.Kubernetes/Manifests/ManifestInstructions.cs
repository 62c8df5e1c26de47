using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes.Manifests;

/// <summary>
/// Words a finding's request for stack config (<see cref="ConfigRequest"/>) for a team that applies
/// plain manifests: a secret becomes an environment variable to export before create-secrets.sh, a
/// non-secret value names the files it was written into. Findings without a request read the same in
/// both outputs and are kept as they are.
/// </summary>
public static class ManifestInstructions
{
    public static string Message(PlanFinding finding, ManifestFiles manifests)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(manifests);
        if (finding.Config is not { } request)
            return finding.Message;
        if (request.Keys.Count == 0)
            return request.Lead + ".";

        var variables = manifests.Variables.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var secrets = request.Keys.Select(KubernetesManifests.Variable).Where(variables.Contains).ToList();
        var edits = request.Keys.Where(manifests.ConfigFiles.ContainsKey).ToList();
        var parts = new List<string>();
        if (secrets.Count > 0)
        {
            var value = request.ValueCommand is { } command ? $"=\"$({command})\"" : request.Example is { } example ? $"='{example}'" : "";
            parts.Add(secrets.Count == 1 && value.Length > 0
                ? $"export {secrets[0]}{value} before running {KubernetesManifests.SecretsScript}"
                : $"export {string.Join(", ", secrets)} before running {KubernetesManifests.SecretsScript} ({KubernetesManifests.Readme} says what each holds)");
        }

        foreach (var key in edits)
            parts.Add($"edit it in {string.Join(", ", manifests.ConfigFiles[key])} (or generate again with --set {key}={request.Example ?? "VALUE"})");

        // A key that reached no file and no Secret is used by nothing in these manifests; saying so beats a Pulumi command.
        if (parts.Count == 0)
            parts.Add($"(no manifest uses {string.Join(", ", request.Keys)})");
        return $"{request.Lead}: {string.Join("; ", parts)}.";
    }
}
