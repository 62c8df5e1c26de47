using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HerokuToCloud.Cli.Output;

/// <summary>
/// Keeps what a generated stack file does not own when `generate` writes it again: encrypted values
/// that `pulumi config set --secret` (or `secrets push`) stored, provider settings the team added
/// (<c>kubernetes:context</c>, <c>aws:profile</c>), and Pulumi's encryption settings (<c>encryptionsalt</c>,
/// <c>secretsprovider</c>, <c>encryptedkey</c>). Values the program declares are the generated ones: the
/// inventory and the generate options decide them. With nothing to keep, the generated text is
/// returned unchanged, byte for byte.
/// </summary>
internal static class StackFileMerge
{
    public static string Merge(string generated, string? existing, string fileName)
    {
        if (string.IsNullOrWhiteSpace(existing))
            return generated;
        var old = Root(existing, fileName, "the stack file already in the output directory");
        var fresh = Root(generated, fileName, "the generated stack file");
        var kept = false;

        foreach (var (key, value) in old.Children.Where(e => !fresh.Children.ContainsKey(e.Key)))
        {
            fresh.Children.Add(key, value);
            kept = true;
        }

        if (old.Children.TryGetValue(new YamlScalarNode("config"), out var oldConfig) && oldConfig is YamlMappingNode oldEntries
            && fresh.Children.TryGetValue(new YamlScalarNode("config"), out var freshConfig) && freshConfig is YamlMappingNode freshEntries)
        {
            foreach (var (key, value) in oldEntries.Children.Where(e => !freshEntries.Children.ContainsKey(e.Key)))
            {
                freshEntries.Children.Add(key, value);
                kept = true;
            }
        }

        if (!kept)
            return generated;
        var stream = new YamlStream(new YamlDocument(fresh));
        using var writer = new StringWriter { NewLine = "\n" };
        stream.Save(writer, assignAnchors: false);
        var text = writer.ToString();
        // YamlStream ends a document with "...", which Pulumi reads but people do not expect.
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    private static YamlMappingNode Root(string text, string fileName, string what)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new UsageException($"{fileName}: {what} is not valid YAML (line {ex.Start.Line}: {ex.Message}); fix it or move it away, then generate again.");
        }

        return stream.Documents.Count == 0 ? new YamlMappingNode()
            : stream.Documents[0].RootNode as YamlMappingNode
                ?? throw new UsageException($"{fileName}: {what} is not a YAML mapping; fix it or move it away, then generate again.");
    }
}
