using System.Text.Json;
using HerokuToCloud.Graph;

namespace HerokuToCloud.Aws.Policy;

/// <summary>
/// Reads a program the way the rules need it: properties by path (looking through <c>fn::toJSON</c>,
/// <c>fn::secret</c> and JSON strings), config values resolved from one stack file (or the declared
/// default when no stack is given), and references followed to the resources they name.
/// </summary>
public sealed class PolicyContext(ResourceGraph program, StackConfig? stack = null)
{
    public ResourceGraph Program { get; } = program;

    /// <summary>The stack whose config values the rule reads; null when only the program is checked.</summary>
    public StackConfig? Stack { get; } = stack;

    public IEnumerable<Resource> OfType(string type) => Program.Resources.Where(r => r.Type == type);

    /// <summary>A property by dotted path with [index] steps; null when absent.</summary>
    public static Value? At(Value? value, string path)
    {
        foreach (var step in Steps(path))
        {
            value = Unwrap(value);
            value = step switch
            {
                int index => value is ListValue list && index < list.Items.Count ? list.Items[index] : null,
                string key => value is MapValue map ? map[key] : null,
                _ => null,
            };
            if (value is null)
                return null;
        }

        return Unwrap(value);
    }

    public static Value? At(Resource resource, string path) => At(resource.Properties, path);

    /// <summary>Looks through <c>fn::secret</c> and <c>fn::toJSON</c>, and parses a JSON string literal into values.</summary>
    public static Value? Unwrap(Value? value)
    {
        while (true)
        {
            switch (value)
            {
                case SecretValue secret:
                    value = secret.Inner;
                    continue;
                case JsonValue json:
                    value = json.Inner;
                    continue;
                case StringValue text when text.Text.TrimStart().StartsWith('{') || text.Text.TrimStart().StartsWith('['):
                    try
                    {
                        using var document = JsonDocument.Parse(text.Text);
                        return FromJson(document.RootElement);
                    }
                    catch (JsonException)
                    {
                        return value;
                    }

                default:
                    return value;
            }
        }
    }

    public static IReadOnlyList<Value> Items(Value? value) => Unwrap(value) is ListValue list ? list.Items : [];

    /// <summary>
    /// The literal a value takes: itself, or a config key's value in <see cref="Stack"/> (its declared
    /// default without a stack); null when it is computed or not known here.
    /// </summary>
    public Value? Resolve(Value? value)
    {
        value = Unwrap(value);
        if (value is StringValue or NumberValue or BoolValue or ListValue or MapValue)
            return value;
        if (value is not ConfigValue config)
            return null;
        if (Stack is not null && Stack.Values.TryGetValue(config.Key, out var literal))
            return literal;
        return Program.Config.FirstOrDefault(c => c.Key == config.Key)?.Default;
    }

    /// <summary>True when the value is known here and is the boolean <paramref name="expected"/>.</summary>
    public bool AlwaysIs(Value? value, bool expected) => Resolve(value) is BoolValue b && b.Flag == expected;

    /// <summary>The number a value takes here, when known.</summary>
    public decimal? Number(Value? value) => Resolve(value) switch
    {
        NumberValue n => n.Number,
        StringValue s when decimal.TryParse(s.Text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    /// <summary>Where a config-driven value comes from, for messages ("in stack prod").</summary>
    public string Where(Value? value) => Unwrap(value) is ConfigValue config && Stack is not null ? $" in stack {Stack.Stack} ({config.Key})" : "";

    public static string? Text(Value? value) => (Unwrap(value) as StringValue)?.Text;

    /// <summary>The resource a value refers to (<c>${name.output}</c>), if any.</summary>
    public Resource? Target(Value? value) => Unwrap(value) is ReferenceValue reference ? Program.Find(reference.Name) : null;

    /// <summary>Every resource a value refers to, anywhere inside it.</summary>
    public IEnumerable<Resource> Targets(Value? value) =>
        Walk(value).OfType<ReferenceValue>().Select(r => Program.Find(r.Name)).OfType<Resource>().Distinct();

    /// <summary>The container definitions of a task definition.</summary>
    public static IReadOnlyList<MapValue> Containers(Resource taskDefinition) =>
        [.. Items(At(taskDefinition, "containerDefinitions")).Select(Unwrap).OfType<MapValue>()];

    /// <summary>Every value nested anywhere inside <paramref name="value"/>, itself included.</summary>
    public static IEnumerable<Value> Walk(Value? value)
    {
        if (value is null)
            yield break;
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
        {
            foreach (var inner in Walk(child))
                yield return inner;
        }
    }

    private static IEnumerable<object> Steps(string path)
    {
        foreach (var segment in path.Split('.'))
        {
            var rest = segment;
            var bracket = rest.IndexOf('[', StringComparison.Ordinal);
            if (bracket != 0)
                yield return bracket < 0 ? rest : rest[..bracket];
            while (bracket >= 0)
            {
                var close = rest.IndexOf(']', bracket);
                yield return int.Parse(rest[(bracket + 1)..close], System.Globalization.CultureInfo.InvariantCulture);
                rest = rest[(close + 1)..];
                bracket = rest.IndexOf('[', StringComparison.Ordinal);
            }
        }
    }

    private static Value FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new MapValue(element.EnumerateObject().Select(p => new KeyValuePair<string, Value>(p.Name, FromJson(p.Value)))),
        JsonValueKind.Array => Value.List(element.EnumerateArray().Select(FromJson)),
        JsonValueKind.String => new StringValue(element.GetString()!),
        JsonValueKind.Number => new NumberValue(element.GetDecimal()),
        JsonValueKind.True => new BoolValue(true),
        JsonValueKind.False => new BoolValue(false),
        _ => NullValue.Instance,
    };
}
