using System.Text;

namespace HerokuToCloud.Graph.PulumiYaml;

/// <summary>
/// Turns a <see cref="YamlText"/> tree into block-style YAML: two-space indentation, sequences indented
/// under their key, empty collections as <c>{}</c> / <c>[]</c>, multi-line strings as literal blocks,
/// '\n' line endings and no trailing spaces, so the same tree always gives the same bytes.
/// </summary>
internal sealed class YamlEmitter
{
    private readonly StringBuilder output = new();

    public static string Emit(YamlMap document)
    {
        var emitter = new YamlEmitter();
        emitter.WriteMap(document, 0, null);
        return emitter.output.ToString();
    }

    private void WriteMap(YamlMap map, int indent, string? firstLead)
    {
        for (var i = 0; i < map.Entries.Count; i++)
        {
            var (key, value) = map.Entries[i];
            if (i > 0 && map.Spaced && value is YamlMap { Entries.Count: > 0 } or YamlList { Items.Count: > 0 })
                output.Append('\n');
            var lead = i == 0 && firstLead is not null ? firstLead : new string(' ', indent);
            WriteAfter(lead + YamlScalars.Inline(key) + ":", value, indent);
        }
    }

    private void WriteList(YamlList list, int indent, string? firstLead)
    {
        for (var i = 0; i < list.Items.Count; i++)
        {
            var lead = i == 0 && firstLead is not null ? firstLead : new string(' ', indent);
            var head = lead + "-";
            switch (list.Items[i])
            {
                case YamlMap { Entries.Count: > 0 } map:
                    WriteMap(map, indent + 2, head + " ");
                    break;
                case YamlList { Items.Count: > 0 } inner:
                    WriteList(inner, indent + 2, head + " ");
                    break;
                default:
                    WriteAfter(head, list.Items[i], indent);
                    break;
            }
        }
    }

    /// <summary>Writes a value after <paramref name="head"/> ("key:" or "-"), nesting under <paramref name="indent"/>.</summary>
    private void WriteAfter(string head, YamlText value, int indent)
    {
        switch (value)
        {
            case YamlLiteral literal:
                Line(head + " " + literal.Text);
                break;
            case YamlString { Text: var text }:
                if (YamlScalars.Block(text) is var (header, lines))
                {
                    Line(head + " " + header);
                    foreach (var line in lines)
                        Line(line.Length == 0 ? "" : new string(' ', indent + 2) + line);
                }
                else
                {
                    Line(head + " " + YamlScalars.Inline(text));
                }

                break;
            case YamlMap { Entries.Count: 0 }:
                Line(head + " {}");
                break;
            case YamlList { Items.Count: 0 }:
                Line(head + " []");
                break;
            case YamlMap map:
                Line(head);
                WriteMap(map, indent + 2, null);
                break;
            case YamlList list:
                Line(head);
                WriteList(list, indent + 2, null);
                break;
            default:
                throw new InvalidOperationException($"Unexpected YAML node {value.GetType().Name}.");
        }
    }

    private void Line(string text) => output.Append(text).Append('\n');
}
