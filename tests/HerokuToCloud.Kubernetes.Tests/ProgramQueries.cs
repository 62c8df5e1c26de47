using HerokuToCloud.Graph;

namespace HerokuToCloud.Kubernetes.Tests;

/// <summary>Small lookups into a built program for assertions.</summary>
internal static class ProgramQueries
{
    public static Resource Resource(this KubernetesProgram program, string name) =>
        program.Graph.Find(name) ?? throw new Xunit.Sdk.XunitException($"No resource {name}; the program has {string.Join(", ", program.Graph.Resources.Select(r => r.Name))}.");

    public static IEnumerable<Resource> OfType(this KubernetesProgram program, string type) => program.Graph.Resources.Where(r => r.Type == type);

    public static Value? At(this Value? value, params string[] path)
    {
        foreach (var key in path)
        {
            value = value switch
            {
                MapValue map => map[key],
                ListValue list when int.TryParse(key, out var index) => index < list.Items.Count ? list.Items[index] : null,
                _ => null,
            };
        }

        return value;
    }

    public static Value? At(this Resource resource, params string[] path) => ((Value)resource.Properties).At(path);

    public static MapValue Container(this Resource resource, string templatePath = "spec.template.spec") =>
        (MapValue)resource.At([.. templatePath.Split('.'), "containers", "0"])!;

    public static Value StackValue(this KubernetesProgram program, Value? value) =>
        value is ConfigValue config ? program.Stack.Values[config.Key] : throw new Xunit.Sdk.XunitException($"Expected a config value, got {value}.");
}

/// <summary>Structural comparison of values (list and interpolation records compare their items by reference).</summary>
internal static class ValueAssert
{
    public static void Same(Value expected, Value? actual) =>
        Assert.Equal(GraphText.Write(expected), actual is null ? "(absent)" : GraphText.Write(actual));
}
