using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace HerokuToCloud.Kubernetes.Manifests;

/// <summary>
/// Writes one resolved object as block-style YAML, keys in program order, strings quoted whenever a
/// plain scalar would read back as something else (a number, a boolean, null).
/// </summary>
internal static partial class ManifestYaml
{
    public static string Write(ManifestValue document)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(writer, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024, indentSequences: false));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Emit(emitter, document);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static void Emit(IEmitter emitter, ManifestValue value)
    {
        switch (value)
        {
            case ScalarText text:
                emitter.Emit(new Scalar(null, null, text.Text, NeedsQuotes(text.Text) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any, true, true));
                break;
            case ScalarNumber number:
                emitter.Emit(new Scalar(number.Number.ToString(CultureInfo.InvariantCulture)));
                break;
            case ScalarBool flag:
                emitter.Emit(new Scalar(flag.Flag ? "true" : "false"));
                break;
            case ScalarNull:
                emitter.Emit(new Scalar("null"));
                break;
            case SequenceValue sequence:
                emitter.Emit(new SequenceStart(null, null, true, sequence.Items.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in sequence.Items)
                    Emit(emitter, item);
                emitter.Emit(new SequenceEnd());
                break;
            case MappingValue mapping:
                emitter.Emit(new MappingStart(null, null, true, mapping.Entries.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, item) in mapping.Entries)
                {
                    emitter.Emit(new Scalar(null, null, key, NeedsQuotes(key) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any, true, true));
                    Emit(emitter, item);
                }

                emitter.Emit(new MappingEnd());
                break;
            default:
                throw new ManifestRenderException("A value only Pulumi can resolve reached a manifest; this is a bug in heroku2cloud.");
        }
    }

    /// <summary>Reads the objects of a YAML (or JSON) text, as a ConfigGroup's <c>yaml</c> holds them.</summary>
    public static IReadOnlyList<MappingValue> Read(string text, string where)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new ManifestRenderException($"{where}: its YAML does not parse ({ex.Message}).");
        }

        return stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().Select(n => (MappingValue)Convert(n)).ToList();
    }

    private static ManifestValue Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new MappingValue(map.Children.Select(c => new KeyValuePair<string, ManifestValue>(((YamlScalarNode)c.Key).Value ?? "", Convert(c.Value))).ToList()),
        YamlSequenceNode list => new SequenceValue(list.Children.Select(Convert).ToList()),
        YamlScalarNode scalar when scalar.Style is ScalarStyle.Plain && decimal.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => new ScalarNumber(number),
        YamlScalarNode scalar when scalar.Style is ScalarStyle.Plain && scalar.Value is "true" or "false" => new ScalarBool(scalar.Value == "true"),
        YamlScalarNode scalar when scalar.Style is ScalarStyle.Plain && scalar.Value is "null" => new ScalarNull(),
        YamlScalarNode scalar => new ScalarText(scalar.Value ?? ""),
        _ => throw new ManifestRenderException("Unsupported YAML node."),
    };

    /// <summary>True when the text, written plain, would be read as a non-string (YAML 1.1 or 1.2) or is empty.</summary>
    public static bool NeedsQuotes(string text) => text.Length == 0 || Ambiguous().IsMatch(text);

    [GeneratedRegex(@"^(~|null|true|false|yes|no|on|off|y|n|[-+]?\.?[0-9].*|[-+]?\.(inf|nan)|<<|=)$", RegexOptions.IgnoreCase)]
    private static partial Regex Ambiguous();
}
