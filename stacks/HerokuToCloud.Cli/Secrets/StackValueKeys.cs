using HerokuToCloud.Graph.PulumiYaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HerokuToCloud.Cli.Secrets;

/// <summary>
/// The config keys that already have a value in a stack file (<c>DIR/Pulumi.&lt;stack&gt;.yaml</c>), plain
/// or <c>secure:</c>, fully qualified as written. A push fills an optional var that has no value with an
/// empty one only where the stack holds none, so an earlier value (pushed from another file, or set
/// by hand) is never replaced by an empty one. Values themselves are never read.
/// </summary>
internal static class StackValueKeys
{
    /// <summary>The keys of <c>DIR/Pulumi.&lt;stack&gt;.yaml</c>; empty when there is no such file.</summary>
    public static IReadOnlySet<string> Read(string directory, string stack)
    {
        var path = Path.Combine(directory, PulumiYamlWriter.StackFileName(stack));
        if (!File.Exists(path))
            return new HashSet<string>(StringComparer.Ordinal);

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(File.ReadAllText(path)));
        }
        catch (YamlException e)
        {
            // Pulumi could not read it either: say where, never what (a line may hold a value).
            throw new SecretPushException(
                $"{path}:{e.Start.Line}:{e.Start.Column}: the stack file is not valid YAML; fix it (pulumi config cannot use it either), then push again.");
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (stream.Documents.FirstOrDefault()?.RootNode is YamlMappingNode root
            && root.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: "config" }).Value is YamlMappingNode config)
        {
            foreach (var key in config.Children.Keys.OfType<YamlScalarNode>())
            {
                if (key.Value is { Length: > 0 } name)
                    keys.Add(name);
            }
        }

        return keys;
    }
}
