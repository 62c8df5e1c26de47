using System.Collections;

namespace HerokuToCloud.Graph;

/// <summary>
/// A property value in a resource graph: a literal, or an expression the Pulumi engine resolves
/// (a reference to another resource's output, a config value, an interpolated string, a function).
/// These are exactly the expression forms Pulumi YAML has, so the writer is a direct mapping.
/// </summary>
public abstract record Value
{
    public static implicit operator Value(string text) => new StringValue(text);

    public static implicit operator Value(int number) => new NumberValue(number);

    public static implicit operator Value(decimal number) => new NumberValue(number);

    public static implicit operator Value(bool flag) => new BoolValue(flag);

    public static ListValue List(params Value[] items) => new(items);

    public static ListValue List(IEnumerable<Value> items) => new(items.ToArray());
}

public sealed record StringValue(string Text) : Value;

public sealed record NumberValue(decimal Number) : Value;

public sealed record BoolValue(bool Flag) : Value;

public sealed record NullValue : Value
{
    public static NullValue Instance { get; } = new();
}

public sealed record ListValue(IReadOnlyList<Value> Items) : Value
{
    /// <summary>Lists are equal when their items are (a record would compare the list instances).</summary>
    public bool Equals(ListValue? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => Items.Count;
}

/// <summary>An ordered map; order is kept so generated files are stable and read naturally.</summary>
public sealed record MapValue : Value, IEnumerable<KeyValuePair<string, Value>>
{
    private readonly List<KeyValuePair<string, Value>> entries = [];

    public MapValue()
    {
    }

    public MapValue(IEnumerable<KeyValuePair<string, Value>> entries)
    {
        foreach (var (key, value) in entries)
            this[key] = value;
    }

    public IReadOnlyList<KeyValuePair<string, Value>> Entries => entries;

    public int Count => entries.Count;

    /// <summary>Gets an entry, or sets one: a new key appends, an existing key is replaced in place.</summary>
    public Value? this[string key]
    {
        get => entries.FirstOrDefault(e => e.Key == key).Value;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            var index = entries.FindIndex(e => e.Key == key);
            if (index >= 0)
                entries[index] = new(key, value);
            else
                entries.Add(new(key, value));
        }
    }

    public void Add(string key, Value value) => this[key] = value;

    public bool ContainsKey(string key) => entries.Exists(e => e.Key == key);

    public IEnumerator<KeyValuePair<string, Value>> GetEnumerator() => entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(MapValue? other) => other is not null && entries.SequenceEqual(other.entries);

    public override int GetHashCode() => entries.Count;
}

/// <summary>
/// An output of a resource or a variable, Pulumi YAML's <c>${name.path}</c>.
/// <paramref name="Path"/> uses Pulumi's property-path syntax (<c>endpoints[0].address</c>); null means the whole value.
/// </summary>
public sealed record ReferenceValue(string Name, string? Path = null) : Value;

/// <summary>A value from stack config, declared in <see cref="ResourceGraph.Config"/>.</summary>
public sealed record ConfigValue(string Key) : Value;

/// <summary>A string built from text and expressions, Pulumi YAML's <c>"text-${a.b}"</c>.</summary>
public sealed record InterpolationValue(IReadOnlyList<Value> Parts) : Value
{
    /// <summary>
    /// The interpolation of <paramref name="parts"/> in the form a Pulumi YAML string reads back as: an
    /// interpolation among the parts is spliced in (Pulumi YAML interpolates one string, it does not nest
    /// them) and adjacent text is joined, so two interpolations of the same string have the same parts
    /// however they were built.
    /// </summary>
    public static InterpolationValue Of(params Value[] parts)
    {
        var flat = new List<Value>(parts.Length);
        Append(parts);
        return new(flat);

        void Append(IEnumerable<Value> values)
        {
            foreach (var part in values)
            {
                if (part is InterpolationValue inner)
                    Append(inner.Parts);
                else if (part is StringValue text && flat.Count > 0 && flat[^1] is StringValue previous)
                    flat[^1] = new StringValue(previous.Text + text.Text);
                else
                    flat.Add(part);
            }
        }
    }

    /// <summary>Interpolations are equal when their parts are (a record would compare the list instances).</summary>
    public bool Equals(InterpolationValue? other) => other is not null && Parts.SequenceEqual(other.Parts);

    public override int GetHashCode() => Parts.Count;
}

/// <summary>Marks a value secret (<c>fn::secret</c>); Pulumi encrypts it in state and masks it in output.</summary>
public sealed record SecretValue(Value Inner) : Value;

/// <summary>Serialises a value to a JSON string (<c>fn::toJSON</c>), for ECS container definitions and IAM policies.</summary>
public sealed record JsonValue(Value Inner) : Value;

/// <summary>Joins a list of strings (<c>fn::join</c>).</summary>
public sealed record JoinValue(string Delimiter, Value Items) : Value;

/// <summary>Picks one element of a list (<c>fn::select</c>).</summary>
public sealed record SelectValue(int Index, Value Items) : Value;

/// <summary>
/// Calls a provider function (<c>fn::invoke</c>), for example <c>aws:getAvailabilityZones</c>;
/// <paramref name="Return"/> picks one field of the result.
/// </summary>
public sealed record InvokeValue(string Function, MapValue Arguments, string? Return = null) : Value;
