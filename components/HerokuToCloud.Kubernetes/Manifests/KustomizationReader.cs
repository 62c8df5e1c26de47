using HerokuToCloud.Graph;
using YamlDotNet.RepresentationModel;

namespace HerokuToCloud.Kubernetes.Manifests;

/// <summary>
/// Reads the parts of a kustomization.yaml check acts on. Check reads the listed files as written, so
/// every feature that makes <c>kubectl apply -k</c> apply something else is named in a note rather than
/// silently ignored; a secretGenerator's literals are secret values written in the kustomization, so
/// they become a Secret the plaintext-secret rule flags.
/// </summary>
internal static class KustomizationReader
{
    /// <summary>Features that rewrite the listed objects or add objects check does not read.</summary>
    private static readonly HashSet<string> Rewriting = new(StringComparer.Ordinal)
    {
        "patches", "patchesStrategicMerge", "patchesJson6902", "components", "replacements",
        "configMapGenerator", "namespace", "images", "namePrefix", "nameSuffix", "commonLabels", "labels",
        "commonAnnotations", "replicas", "generators", "transformers", "helmCharts",
    };

    public static KustomizationContents Read(string directory, string kustomization)
    {
        var documents = ManifestDirectory.Load(Path.Combine(directory, kustomization), kustomization);
        if (documents.SingleOrDefault() is not YamlMappingNode root)
            throw new ManifestReadException($"{kustomization}: must be one YAML mapping with a resources list.");
        var files = new List<string>();
        var notes = new List<string>();
        var generators = new List<YamlNode>();
        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            if (key == "resources")
                files.AddRange(Resources(directory, kustomization, value));
            else if (key == "secretGenerator")
                generators.AddRange(value is YamlSequenceNode list ? list.Children : [value]);
            else if (key is not null && Rewriting.Contains(key))
                notes.Add($"{kustomization} has {key}: check reads the listed files as written, not as kustomize changes them; check `kubectl kustomize` output for those changes.");
        }

        // The kustomization's namespace applies to generated Secrets too, wherever the key is written.
        var ns = Scalar(root, "namespace");
        var secrets = new List<Resource>();
        foreach (var generator in generators)
        {
            if (generator is not YamlMappingNode map)
                throw new ManifestReadException($"{kustomization} (line {generator.Start.Line}): each secretGenerator entry must be a mapping with a name.");
            var name = Scalar(map, "name") ?? "(unnamed)";
            if (map.Children.TryGetValue(new YamlScalarNode("literals"), out var literals) && literals is YamlSequenceNode { Children.Count: > 0 } entries)
                secrets.Add(GeneratedSecret(kustomization, name, Scalar(map, "namespace") ?? ns, entries));
            var fromFiles = new[] { "files", "envs", "env" }.Where(k => map.Children.ContainsKey(new YamlScalarNode(k))).ToList();
            if (fromFiles.Count > 0)
            {
                notes.Add($"{kustomization} has secretGenerator {name} from {string.Join(" and ", fromFiles)}: check does not read those files, so their values are not checked; " +
                    "keep them out of git (create-secrets.sh creates Secrets from environment variables).");
            }
        }

        return new KustomizationContents(files, notes, secrets);
    }

    private static List<string> Resources(string directory, string kustomization, YamlNode value)
    {
        if (value is not YamlSequenceNode entries)
            throw new ManifestReadException($"{kustomization} (line {value.Start.Line}): resources must be a list of files.");
        var files = new List<string>();
        foreach (var entry in entries)
        {
            var path = (entry as YamlScalarNode)?.Value ?? "";
            if (!File.Exists(Path.Combine(directory, path)))
            {
                throw new ManifestReadException(
                    $"{kustomization} (line {entry.Start.Line}): resources lists '{path}', which is not a file in {directory}. " +
                    "Restore the file or remove the entry; for directories or remote bases, check the output of `kubectl kustomize` written to a directory of its own.");
            }

            files.Add(path);
        }

        return files;
    }

    /// <summary>The Secret a generator makes from <c>KEY=value</c> literals, named after the kustomization so a finding says which file to edit.</summary>
    private static Resource GeneratedSecret(string kustomization, string name, string? ns, YamlSequenceNode literals)
    {
        var values = new MapValue();
        foreach (var literal in literals.Children.OfType<YamlScalarNode>().Select(l => l.Value ?? ""))
        {
            var equals = literal.IndexOf('=', StringComparison.Ordinal);
            values[equals < 0 ? literal : literal[..equals]] = new StringValue(equals < 0 ? "" : literal[(equals + 1)..]);
        }

        var metadata = new MapValue { ["name"] = new StringValue(name) };
        if (ns is not null)
            metadata["namespace"] = new StringValue(ns);
        return new Resource($"Secret {(ns is null ? "" : ns + "/")}{name} ({kustomization}, secretGenerator literals)", KubernetesTypes.Secret)
        {
            Properties = new MapValue { ["metadata"] = metadata, ["stringData"] = values },
        };
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? (node as YamlScalarNode)?.Value : null;
}
