using System.Globalization;
using System.Text;
using HerokuToCloud.Graph;

namespace HerokuToCloud.Kubernetes.Tests;

/// <summary>A canonical text form of a resource graph and stack, for equality and "never contains" assertions.</summary>
internal static class GraphText
{
    public static string Program(ResourceGraph graph)
    {
        var text = new StringBuilder();
        text.Append(graph.Project).Append('\n');
        foreach (var (package, version) in graph.Packages)
            text.Append(CultureInfo.InvariantCulture, $"package {package} {version}\n");
        foreach (var config in graph.Config)
            text.Append(CultureInfo.InvariantCulture, $"config {config.Key} {config.Type} secret={config.Secret} {config.Description}\n");
        foreach (var resource in graph.Resources)
        {
            text.Append(CultureInfo.InvariantCulture, $"resource {resource.Name} {resource.Type} {Write(resource.Properties)}");
            text.Append(CultureInfo.InvariantCulture, $" options dependsOn=[{string.Join(",", resource.Options.DependsOn)}] protect={resource.Options.Protect} ignore=[{string.Join(",", resource.Options.IgnoreChanges)}] timeouts={resource.Options.CustomTimeouts}\n");
        }

        foreach (var output in graph.Outputs)
            text.Append(CultureInfo.InvariantCulture, $"output {output.Name} {Write(output.Value)}\n");
        return text.ToString();
    }

    public static string Stack(StackConfig stack) =>
        string.Concat(stack.Values.Select(v => $"{v.Key}={Write(v.Value)}\n"));

    public static string Write(Value value) => value switch
    {
        StringValue s => "\"" + s.Text + "\"",
        NumberValue n => n.Number.ToString(CultureInfo.InvariantCulture),
        BoolValue b => b.Flag ? "true" : "false",
        NullValue => "null",
        ListValue l => "[" + string.Join(",", l.Items.Select(Write)) + "]",
        MapValue m => "{" + string.Join(",", m.Select(e => e.Key + ":" + Write(e.Value))) + "}",
        ConfigValue c => "${config:" + c.Key + "}",
        ReferenceValue r => "${" + r.Name + (r.Path is null ? "" : "." + r.Path) + "}",
        InterpolationValue i => "interp(" + string.Join("+", i.Parts.Select(Write)) + ")",
        SelectValue s => $"select({s.Index},{Write(s.Items)})",
        SecretValue s => "secret(" + Write(s.Inner) + ")",
        _ => value.GetType().Name,
    };
}
