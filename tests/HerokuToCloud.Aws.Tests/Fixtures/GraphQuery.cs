using System.Text;
using System.Text.RegularExpressions;
using HerokuToCloud.Graph;

namespace HerokuToCloud.Aws.Tests.Fixtures;

/// <summary>Reads values out of a resource graph by path ("healthCheck.path", "containerDefinitions[0].secrets").</summary>
internal static partial class GraphQuery
{
    public static Resource Get(this ResourceGraph graph, string name) =>
        graph.Find(name) ?? throw new Xunit.Sdk.XunitException($"The program has no resource {name}; it has {string.Join(", ", graph.Resources.Select(r => r.Name))}.");

    public static IEnumerable<Resource> OfType(this ResourceGraph graph, string type) => graph.Resources.Where(r => r.Type == type);

    public static Value? At(this Resource resource, string path) => At(resource.Properties, path);

    public static Value? At(Value? value, string path)
    {
        foreach (Match step in StepPattern().Matches(path))
        {
            while (value is JsonValue json)
                value = json.Inner;
            if (value is SecretValue secret)
                value = secret.Inner;
            if (step.Groups["key"].Success)
                value = value is MapValue map ? map[step.Groups["key"].Value] : null;
            else
                value = value is ListValue list && int.Parse(step.Groups["index"].Value) is var i && i < list.Items.Count ? list.Items[i] : null;
            if (value is null)
                return null;
        }

        while (value is JsonValue json)
            value = json.Inner;
        return value;
    }

    public static string? Text(this Resource resource, string path) => (resource.At(path) as StringValue)?.Text;

    /// <summary>Every string literal anywhere in a value, for "never contains" checks.</summary>
    public static IEnumerable<Value> Walk(Value value)
    {
        yield return value;
        IEnumerable<Value> children = value switch
        {
            MapValue map => map.Entries.Select(e => e.Value),
            ListValue list => list.Items,
            InterpolationValue interpolation => interpolation.Parts,
            SecretValue secret => [secret.Inner],
            JsonValue json => [json.Inner],
            JoinValue join => [join.Items],
            SelectValue select => [select.Items],
            InvokeValue invoke => [invoke.Arguments],
            _ => [],
        };
        foreach (var child in children)
            foreach (var inner in Walk(child))
                yield return inner;
    }

    /// <summary>A readable dump of the program (for failure messages and eyeballing, not a Pulumi format).</summary>
    public static string Dump(this ResourceGraph graph)
    {
        var text = new StringBuilder();
        foreach (var c in graph.Config)
            text.AppendLine($"config {c.Key}: {c.Type}{(c.Secret ? " secret" : "")}");
        foreach (var v in graph.Variables)
            text.AppendLine($"variable {v.Name} = {Show(v.Value)}");
        foreach (var r in graph.Resources)
        {
            text.AppendLine($"{r.Name}: {r.Type}");
            foreach (var (key, value) in r.Properties)
                text.AppendLine($"  {key}: {Show(value)}");
            if (!r.Options.IsEmpty)
                text.AppendLine($"  options: dependsOn=[{string.Join(",", r.Options.DependsOn)}] protect={r.Options.Protect} ignore=[{string.Join(",", r.Options.IgnoreChanges)}]");
        }

        foreach (var o in graph.Outputs)
            text.AppendLine($"output {o.Name} = {Show(o.Value)}");
        return text.ToString();
    }

    public static string Show(Value value) => value switch
    {
        StringValue s => s.Text.Contains('\n') ? "<script>" : $"\"{s.Text}\"",
        NumberValue n => n.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        BoolValue b => b.Flag ? "true" : "false",
        NullValue => "null",
        ListValue l => $"[{string.Join(", ", l.Items.Select(Show))}]",
        MapValue m => $"{{{string.Join(", ", m.Entries.Select(e => $"{e.Key}: {Show(e.Value)}"))}}}",
        ReferenceValue r => $"${{{r.Name}{(r.Path is null ? "" : "." + r.Path)}}}",
        ConfigValue c => $"${{config:{c.Key}}}",
        InterpolationValue i => $"\"{string.Concat(i.Parts.Select(p => p is StringValue s ? s.Text : Show(p)))}\"",
        SecretValue s => $"secret({Show(s.Inner)})",
        JsonValue j => $"toJSON({Show(j.Inner)})",
        JoinValue j => $"join(\"{j.Delimiter}\", {Show(j.Items)})",
        SelectValue s => $"select({s.Index}, {Show(s.Items)})",
        InvokeValue i => $"invoke({i.Function}, {Show(i.Arguments)}){(i.Return is null ? "" : "." + i.Return)}",
        _ => value.ToString()!,
    };

    [GeneratedRegex(@"(?<key>[A-Za-z0-9_:.\-]+?)(?=\[|\.|$)|\[(?<index>\d+)\]")]
    private static partial Regex StepPattern();
}
