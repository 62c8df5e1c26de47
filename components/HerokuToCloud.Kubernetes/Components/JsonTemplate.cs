using System.Globalization;
using System.Text.Json;
using HerokuToCloud.Graph;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// Writes a Kubernetes object as a JSON document (which is also YAML) whose variable parts are Pulumi
/// expressions, as one <c>fn::join</c> of text fragments. Used where the object's shape depends on a
/// list in stack config (an Ingress rule per hostname): Pulumi YAML cannot loop, but it can join a
/// config list with the JSON that separates two rules. Literal strings, numbers, booleans, maps and
/// lists become JSON text; a config value or an <c>fn::join</c>/<c>fn::select</c> stands for a JSON
/// string (quoted here; hostnames and names never contain quotes); an <c>fn::toJSON</c> is inserted as is.
/// </summary>
internal static class JsonTemplate
{
    // Relaxed escaping keeps the text readable in Pulumi.yaml ('+' and '<' stay as they are); it is still valid JSON.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Value Document(Value template) => new JoinValue("", Value.List(Fragments(template)));

    /// <summary>The JSON text of a value that has no expressions in it.</summary>
    public static string Literal(Value value) =>
        Fragments(value) is [StringValue only] ? only.Text : throw new ArgumentException("The value holds expressions.", nameof(value));

    public static IReadOnlyList<Value> Fragments(Value template)
    {
        var fragments = new List<Value>();
        var text = new System.Text.StringBuilder();

        void Flush()
        {
            if (text.Length > 0)
                fragments.Add(text.ToString());
            text.Clear();
        }

        void Write(Value value)
        {
            switch (value)
            {
                case StringValue s: text.Append(JsonSerializer.Serialize(s.Text, Readable)); break;
                case NumberValue n: text.Append(n.Number.ToString(CultureInfo.InvariantCulture)); break;
                case BoolValue b: text.Append(b.Flag ? "true" : "false"); break;
                case NullValue: text.Append("null"); break;
                case MapValue map:
                    text.Append('{');
                    var first = true;
                    foreach (var (key, item) in map)
                    {
                        if (!first)
                            text.Append(',');
                        first = false;
                        text.Append(JsonSerializer.Serialize(key, Readable)).Append(':');
                        Write(item);
                    }

                    text.Append('}');
                    break;
                case ListValue list:
                    text.Append('[');
                    for (var i = 0; i < list.Items.Count; i++)
                    {
                        if (i > 0)
                            text.Append(',');
                        Write(list.Items[i]);
                    }

                    text.Append(']');
                    break;
                case JsonValue json:
                    Flush();
                    fragments.Add(json);
                    break;
                case ConfigValue or JoinValue or SelectValue or ReferenceValue:
                    text.Append('"');
                    Flush();
                    fragments.Add(value);
                    text.Append('"');
                    break;
                default:
                    throw new ArgumentException($"A {value.GetType().Name} cannot be part of a JSON template.", nameof(template));
            }
        }

        Write(template);
        Flush();
        return fragments;
    }
}
