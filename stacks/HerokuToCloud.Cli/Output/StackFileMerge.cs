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
/// keep, the generated text is returned unchanged, byte for byte, unless the team's file has formatting of
/// its own (comments, Windows line endings): then it is edited in place (<see cref="StackFileEdit"/>).
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
        var replaced = new List<string>();
        var added = new List<string>();

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
                var same = Text(value) is { } text && text == Text(generatedValue);
                // An encrypted value never passes through heroku2cloud, so even a reset leaves it alone.
                if (!secure && (reset || setKeys.Contains(name)))
                {
                    if (!same)
                        replaced.Add(name);
                    continue;
                }

                if (!secure && same)
                    continue;

                freshEntries.Children[key] = value;
                changed = true;
                if (!secure)
                    kept.Add(new KeptStackValue(Path.GetFileName(fileName), name, Text(value) ?? "(an object)", Text(generatedValue) ?? "(an object)"));
            }

            added.AddRange(freshEntries.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!).Where(k => !oldEntries.Children.ContainsKey(new YamlScalarNode(k))));
        }

        var rewritten = changed ? Emit(fresh) : generated;
        // A file with the team's own formatting (comments, Windows line endings) is edited in place, only the
        // changed entries rewritten, so that formatting survives; the edit is used only when it reads back as
        // exactly the values of the file written anew. A file as generate wrote it is simply written anew.
        if (HasTeamFormatting(existing) && StackFileEdit.Apply(existing, generated, replaced, added) is { } edited && Canonical(edited) == Canonical(rewritten))
            return new MergedStackFile(edited, kept);
        return new MergedStackFile(rewritten, kept);
    }

    private static bool HasTeamFormatting(string text) => text.Contains('#', StringComparison.Ordinal) || text.Contains("\r\n", StringComparison.Ordinal);

    private static string Emit(YamlMappingNode root)
    {
        var stream = new YamlStream(new YamlDocument(root));
        using var writer = new StringWriter { NewLine = "\n" };
        // Lists indented under their key, as the generator writes them, so a kept value changes only its own lines.
        stream.Save(new Emitter(writer, EmitterSettings.Default.WithIndentedSequences()), assignAnchors: false);
        var merged = writer.ToString();
        // YamlStream ends a document with "...", which Pulumi reads but people do not expect.
        return merged.EndsWith("...\n", StringComparison.Ordinal) ? merged[..^4] : merged;
    }

    /// <summary>A document's values in one comparable form: mappings by sorted key, scalars by their text (as <see cref="Text"/> compares them).</summary>
    private static string Canonical(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count == 0 ? "" : Canonical(stream.Documents[0].RootNode);
    }

    private static string Canonical(YamlNode node) => node switch
    {
        YamlScalarNode scalar => "'" + (scalar.Value ?? "").Replace("'", "''", StringComparison.Ordinal) + "'",
        YamlSequenceNode list => "[" + string.Join(",", list.Children.Select(Canonical)) + "]",
        YamlMappingNode map => "{" + string.Join(",", map.Children.Select(e => Canonical(e.Key) + ":" + Canonical(e.Value)).Order(StringComparer.Ordinal)) + "}",
        _ => "?",
    };

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
