using System.Globalization;
using System.Text.RegularExpressions;
using HerokuToCloud.Graph;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HerokuToCloud.Kubernetes.Manifests;

/// <summary>
/// Reads a directory of plain manifests (what <c>generate --format manifests</c> writes, hand edits
/// included) back into a <see cref="ResourceGraph"/>, so the Kubernetes policy pack checks what will
/// actually be applied. Each object becomes a resource with the type token the Pulumi program would
/// use (<c>apps/v1</c> Deployment → <c>kubernetes:apps/v1:Deployment</c>) and the object minus
/// apiVersion and kind as its properties: the shape the rules already read.
/// With a kustomization.yaml the files are exactly its <c>resources</c>, because that is what
/// <c>kubectl apply -k</c>, Argo CD and Flux apply: a NetworkPolicy dropped from the list is gone
/// from the cluster even while its file is still there. Without one, every YAML file is read.
/// </summary>
public static partial class ManifestDirectory
{
    private static readonly string[] KustomizationNames = [KubernetesManifests.Kustomization, "kustomization.yml", "Kustomization"];

    /// <summary>
    /// True when the directory has a kustomization, a YAML file holding a Kubernetes object (a document with
    /// apiVersion and kind), or a YAML file that does not parse: that may well be the manifest, and
    /// <see cref="Read"/> names its error, where "no manifests here" would hide it.
    /// </summary>
    public static bool Holds(string directory) =>
        Directory.Exists(directory)
        && (Kustomization(directory) is not null || YamlFiles(directory).Any(f => TryLoad(Path.Combine(directory, f)) is not { } documents || documents.Any(IsObject)));

    public static ManifestSet Read(string directory)
    {
        if (File.Exists(directory))
            throw new ManifestReadException($"{directory} is a file; point at the directory `heroku2cloud generate --format manifests -o` wrote.");
        if (!Directory.Exists(directory))
            throw new ManifestReadException($"{directory} does not exist.");
        var kustomization = Kustomization(directory);
        var notes = new List<string>();
        var generated = new List<Resource>();
        IReadOnlyList<string> files;
        string source;
        if (kustomization is null)
        {
            files = YamlFiles(directory).ToList();
            source = "every YAML file in the directory (no kustomization.yaml)";
        }
        else
        {
            var contents = KustomizationReader.Read(directory, kustomization);
            files = contents.Files;
            notes.AddRange(contents.Notes);
            generated.AddRange(contents.GeneratedSecrets);
            source = $"the resources {kustomization} lists";
            var unlisted = YamlFiles(directory).Except(files, StringComparer.Ordinal).ToList();
            if (unlisted.Count > 0)
                notes.Add($"not listed in {kustomization}, so neither applied by `kubectl apply -k` nor checked: {string.Join(", ", unlisted)}.");
        }

        var graph = new ResourceGraph(Path.GetFileName(Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar)), $"Kubernetes manifests in {directory}");
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var documents = Load(Path.Combine(directory, file), file);
            for (var index = 0; index < documents.Count; index++)
            {
                if (documents[index] is not { } node)
                    continue;
                foreach (var (item, where) in Objects(node, documents.Count > 1 ? $"{file}, document {index + 1}" : file))
                {
                    var resource = ToResource(item, where);
                    if (!seen.TryAdd(resource.Name, where))
                        throw new ManifestReadException($"{where}: {resource.Name} is already defined in {seen[resource.Name]}; an object may appear once. Remove one of them.");
                    // The file in the name is what a finding needs to say which file to edit.
                    graph.Add(resource with { Name = $"{resource.Name} ({where})" });
                }
            }
        }

        foreach (var secret in generated)
            graph.Add(secret);

        if (graph.Resources.Count == 0)
            throw new ManifestReadException($"{directory} holds no Kubernetes objects ({source}); point at the directory `heroku2cloud generate --format manifests -o` wrote.");
        return new ManifestSet(source, graph, files, notes);
    }

    /// <summary>
    /// The objects in a document: the document itself, or each of the items of a List (kind List, or any
    /// kind ending in List with items), as kubectl applies them. A List has no name of its own, so each
    /// item is named by its position: <c>file, item 2</c>.
    /// </summary>
    private static IEnumerable<(YamlNode Node, string Where)> Objects(YamlNode node, string where)
    {
        if (node is YamlMappingNode map
            && map.Children.TryGetValue(new YamlScalarNode("kind"), out var kind) && kind is YamlScalarNode { Value: { } kindName }
            && kindName.EndsWith("List", StringComparison.Ordinal)
            && (map.Children.TryGetValue(new YamlScalarNode("items"), out var items) || kindName == "List"))
        {
            // An empty List (no items, or items: null) applies nothing.
            if (items is null or YamlScalarNode { Value: null or "" or "~" or "null" })
                yield break;
            if (items is not YamlSequenceNode list)
                throw new ManifestReadException($"{where} (line {items.Start.Line}): the {kindName}'s items must be a list of Kubernetes objects.");
            for (var index = 0; index < list.Children.Count; index++)
            {
                foreach (var item in Objects(list.Children[index], $"{where}, item {index + 1}"))
                    yield return item;
            }

            yield break;
        }

        yield return (node, where);
    }

    /// <summary>The object as a resource named <c>Kind namespace/name</c>.</summary>
    private static Resource ToResource(YamlNode node, string where)
    {
        if (node is not YamlMappingNode map)
            throw new ManifestReadException($"{where}: a document must be a Kubernetes object (a mapping with apiVersion, kind and metadata).");
        var body = (MapValue)ToValue(map, where);
        var apiVersion = (body["apiVersion"] as StringValue)?.Text;
        var kind = (body["kind"] as StringValue)?.Text;
        if (string.IsNullOrEmpty(apiVersion) || string.IsNullOrEmpty(kind))
            throw new ManifestReadException($"{where} (line {node.Start.Line}): not a Kubernetes object: it has no {(string.IsNullOrEmpty(apiVersion) ? "apiVersion" : "kind")}. Add it, or move the file out of the manifests.");
        var metadata = body["metadata"] as MapValue;
        var name = (metadata?["name"] as StringValue)?.Text
            ?? ((metadata?["generateName"] as StringValue)?.Text is { } prefix ? prefix + "*" : null)
            ?? throw new ManifestReadException($"{where} (line {node.Start.Line}): the {kind} has no metadata.name; add one.");
        var ns = (metadata?["namespace"] as StringValue)?.Text;
        var properties = new MapValue(body.Entries.Where(e => e.Key is not ("apiVersion" or "kind")));
        return new Resource($"{kind} {(ns is null ? "" : ns + "/")}{name}", KubernetesTypes.Of(apiVersion, kind)) { Properties = properties };
    }

    private static Value ToValue(YamlNode node, string where) => node switch
    {
        YamlMappingNode map => new MapValue(map.Children.Select(c => new KeyValuePair<string, Value>(
            c.Key is YamlScalarNode { Value: { } key } ? key : throw new ManifestReadException($"{where} (line {c.Key.Start.Line}): keys must be plain text."),
            ToValue(c.Value, where)))),
        YamlSequenceNode list => new ListValue(list.Children.Select(item => ToValue(item, where)).ToList()),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar => Plain(scalar.Value ?? ""),
        YamlScalarNode scalar => new StringValue(scalar.Value ?? ""),
        _ => throw new ManifestReadException($"{where} (line {node.Start.Line}): unsupported YAML node."),
    };

    /// <summary>
    /// An unquoted scalar as kubectl reads it: sigs.k8s.io/yaml resolves YAML 1.1, where yes/no/on/off
    /// are booleans, so a hand-written <c>privileged: yes</c> is privileged and must be read as true.
    /// </summary>
    private static Value Plain(string text)
    {
        if (text is "" or "~" or "null" or "Null" or "NULL")
            return NullValue.Instance;
        if (text is "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "y" or "Y" or "on" or "On" or "ON")
            return new BoolValue(true);
        if (text is "false" or "False" or "FALSE" or "no" or "No" or "NO" or "n" or "N" or "off" or "Off" or "OFF")
            return new BoolValue(false);
        if (Number().IsMatch(text) && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return new NumberValue(number);
        return new StringValue(text);
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Number();

    private static string? Kustomization(string directory) =>
        KustomizationNames.FirstOrDefault(n => File.Exists(Path.Combine(directory, n)));

    private static IEnumerable<string> YamlFiles(string directory) =>
        Directory.EnumerateFiles(directory)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(f => (f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal)) && !KustomizationNames.Contains(f))
            .Order(StringComparer.Ordinal);

    internal static List<YamlNode?> Load(string path, string file)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = File.OpenText(path);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new ManifestReadException($"{file} (line {ex.Start.Line}): not valid YAML: {(ex.InnerException ?? ex).Message.TrimEnd('.')}. Fix the file; kubectl cannot apply it either.");
        }

        // An empty document (a trailing ---) holds nothing to apply.
        return stream.Documents.Select(d => d.RootNode is YamlScalarNode { Value: null or "" } ? null : d.RootNode).ToList();
    }

    private static List<YamlNode?>? TryLoad(string path)
    {
        try
        {
            return Load(path, path);
        }
        catch (ManifestReadException)
        {
            return null;
        }
    }

    private static bool IsObject(YamlNode? node) =>
        node is YamlMappingNode map && map.Children.ContainsKey(new YamlScalarNode("apiVersion")) && map.Children.ContainsKey(new YamlScalarNode("kind"));
}
