using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HerokuToCloud.Cli.Output;

/// <summary>
/// Writes a generated stack file over an existing one. Once a stack file exists it is the team's:
/// they deploy by changing it (<c>pulumi config set emigrateBackendImageTag v42</c>, a larger
/// <c>...WebCount</c>), so a value it already holds is kept, even where the inventory and options now
/// give another, and every such difference is returned for the summary. Keys new to the program get
/// the generated values; keys the program no longer declares, encrypted values (<c>secure:</c>),
/// provider settings the team added (<c>kubernetes:context</c>, <c>aws:profile</c>) and Pulumi's
/// encryption settings (<c>encryptionsalt</c>, <c>secretsprovider</c>, <c>encryptedkey</c>) stay as
/// they are. Keys given with <c>--set</c>, or fed by an option typed on this run (<c>--image-tag v7</c>),
/// take the value given; <c>--reset-stack-config</c> takes every generated value. With nothing to
/// keep, the generated text is returned unchanged, byte for byte.
/// </summary>
internal static class StackFileMerge
{
    private static readonly YamlScalarNode ConfigKey = new("config");
    private static readonly YamlScalarNode SecureKey = new("secure");

    /// <param name="generated">The stack file as generated for this run.</param>
    /// <param name="existing">The file already in the output directory, or null.</param>
    /// <param name="fileName">Its path, for messages.</param>
    /// <param name="setKeys">Keys (as the file spells them) given on the command line, with --set or a typed option: they take the generated value.</param>
    /// <param name="reset">True to take the generated value of every key the program declares.</param>
    public static MergedStackFile Merge(string generated, string? existing, string fileName, IReadOnlyCollection<string> setKeys, bool reset)
    {
        if (string.IsNullOrWhiteSpace(existing))
            return new MergedStackFile(generated, []);
        var old = Root(existing, fileName, "the stack file already in the output directory");
        var fresh = Root(generated, fileName, "the generated stack file");
        var changed = false;
        var kept = new List<KeptStackValue>();

        foreach (var (key, value) in old.Children.Where(e => !fresh.Children.ContainsKey(e.Key)))
        {
            fresh.Children.Add(key, value);
            changed = true;
        }

        if (old.Children.TryGetValue(ConfigKey, out var oldConfig) && oldConfig is YamlMappingNode oldEntries
            && fresh.Children.TryGetValue(ConfigKey, out var freshConfig) && freshConfig is YamlMappingNode freshEntries)
        {
            foreach (var (key, value) in oldEntries.Children)
            {
                if (!freshEntries.Children.TryGetValue(key, out var generatedValue))
                {
                    freshEntries.Children.Add(key, value);
                    changed = true;
                    continue;
                }

                var secure = value is YamlMappingNode map && map.Children.ContainsKey(SecureKey);
                var name = (key as YamlScalarNode)?.Value ?? key.ToString();
                // An encrypted value never passes through heroku2cloud, so even a reset leaves it alone.
                if (!secure && (reset || setKeys.Contains(name)))
                    continue;
                if (!secure && Text(value) is { } text && text == Text(generatedValue))
                    continue;

                freshEntries.Children[key] = value;
                changed = true;
                if (!secure)
                    kept.Add(new KeptStackValue(Path.GetFileName(fileName), name, Text(value) ?? "(an object)", Text(generatedValue) ?? "(an object)"));
            }
        }

        if (!changed)
            return new MergedStackFile(generated, []);
        var stream = new YamlStream(new YamlDocument(fresh));
        using var writer = new StringWriter { NewLine = "\n" };
        // Lists indented under their key, as the generator writes them, so a kept value changes only its own lines.
        stream.Save(new Emitter(writer, EmitterSettings.Default.WithIndentedSequences()), assignAnchors: false);
        var merged = writer.ToString();
        // YamlStream ends a document with "...", which Pulumi reads but people do not expect.
        return new MergedStackFile(merged.EndsWith("...\n", StringComparison.Ordinal) ? merged[..^4] : merged, kept);
    }

    /// <summary>
    /// A config value as Pulumi reads it: scalars by their text whatever the quoting ('512' and 512
    /// are the same value), lists item by item; null for an object, which is only ever the team's.
    /// </summary>
    private static string? Text(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value ?? "",
        YamlSequenceNode list when list.Children.All(c => c is YamlScalarNode) => string.Join(", ", list.Children.Select(Text)),
        _ => null,
    };

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
