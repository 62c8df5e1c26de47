using HerokuToCloud.Graph;

namespace HerokuToCloud.Kubernetes.Policy;

/// <summary>Reading literal structure out of resource properties; anything Pulumi resolves later is "unknown", not "absent".</summary>
internal static class ValueAccess
{
    public static Value? At(this Value? value, params string[] path)
    {
        foreach (var key in path)
        {
            if (value is not MapValue map)
                return null;
            value = map[key];
        }

        return value;
    }

    public static MapValue? MapAt(this Value? value, params string[] path) => value.At(path) as MapValue;

    public static IEnumerable<MapValue> Maps(this Value? value) =>
        value is ListValue list ? list.Items.OfType<MapValue>() : [];

    public static bool IsTrue(this Value? value) => value is BoolValue { Flag: true };

    public static bool IsFalse(this Value? value) => value is BoolValue { Flag: false };

    public static string? Text(this Value? value) => (value as StringValue)?.Text;

    /// <summary>A literal number, a stack value for a config key, or null when neither is known.</summary>
    public static decimal? Number(this Value? value, PolicyContext input) => value switch
    {
        NumberValue n => n.Number,
        ConfigValue c when input.Stack?.Values.TryGetValue(c.Key, out var v) == true && v is NumberValue n => n.Number,
        _ => null,
    };

    /// <summary>True for a number, or a config key declared as an integer.</summary>
    public static bool IsNumeric(this Value? value, PolicyContext input) => value switch
    {
        NumberValue => true,
        ConfigValue c => input.Graph.Config.Any(d => d.Key == c.Key && d.Type == ConfigType.Integer),
        _ => false,
    };

    public static IEnumerable<string> Strings(this Value? value) =>
        value is ListValue list ? list.Items.OfType<StringValue>().Select(s => s.Text) : [];
}
