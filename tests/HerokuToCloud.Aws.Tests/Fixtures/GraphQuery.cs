using System.Text;
using HerokuToCloud.Aws.Policy;
using HerokuToCloud.Graph;

namespace HerokuToCloud.Aws.Tests.Fixtures;

/// <summary>Reads values out of a resource graph by path ("healthCheck.path", "containerDefinitions[0].secrets").</summary>
internal static class GraphQuery
{
    public static Resource Get(this ResourceGraph graph, string name) =>
        graph.Find(name) ?? throw new Xunit.Sdk.XunitException($"The program has no resource {name}; it has {string.Join(", ", graph.Resources.Select(r => r.Name))}.");

    public static IEnumerable<Resource> OfType(this ResourceGraph graph, string type) => graph.Resources.Where(r => r.Type == type);

    public static Value? At(this Resource resource, string path) => PolicyContext.At(resource, path);

    public static Value? At(Value? value, string path) => PolicyContext.At(value, path);

    public static string? Text(this Resource resource, string path) => (resource.At(path) as StringValue)?.Text;

    /// <summary>Every value nested anywhere inside a value, itself included, for "never contains" checks.</summary>
    public static IEnumerable<Value> Walk(Value value) => PolicyContext.Walk(value);

    /// <summary>Asserts two values are the same expression (ListValue compares its items by reference, so compare renderings).</summary>
    public static void Same(Value? expected, Value? actual) =>
        Xunit.Assert.Equal(expected is null ? "null" : Show(expected), actual is null ? "null" : Show(actual));

    /// <summary>A readable dump of the program (for failure messages and eyeballing, not a Pulumi format).</summary>
    public static string Dump(this ResourceGraph graph)
    {
        var text = new StringBuilder();
        foreach (var c in graph.Config)
            text.AppendLine($"config {c.Key}: {c.Type}{(c.Secret ? " secret" : "")} default={(c.Default is null ? "-" : Show(c.Default))} # {c.Description}");
        foreach (var (package, version) in graph.Packages)
            text.AppendLine($"package {package} {version}");
        text.AppendLine($"project {graph.Project}: {graph.Description}");
        foreach (var v in graph.Variables)
            text.AppendLine($"variable {v.Name} = {Show(v.Value)}");
        foreach (var r in graph.Resources)
        {
            text.AppendLine($"{r.Name}: {r.Type}");
            foreach (var (key, value) in r.Properties)
                text.AppendLine($"  {key}: {Show(value)}");
            if (!r.Options.IsEmpty)
                text.AppendLine($"  options: {r.Options with { DependsOn = [], IgnoreChanges = [] }} dependsOn=[{string.Join(",", r.Options.DependsOn)}] ignore=[{string.Join(",", r.Options.IgnoreChanges)}]");
        }

        foreach (var o in graph.Outputs)
            text.AppendLine($"output {o.Name} = {Show(o.Value)}");
        return text.ToString();
    }

    public static string Show(Value value) => value switch
    {
        StringValue s => $"\"{s.Text}\"",
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

}
