using System.Globalization;

namespace HerokuToCloud.Inventory.Readers.Manifests;

/// <summary>
/// A parsed JSON value that remembers where it stood (line, column, JSON path), so that a complaint
/// about app.json content can point at the exact place, as a syntax error does.
/// </summary>
internal abstract class JsonTree
{
    protected JsonTree(SourceLocation location) => Location = location;

    public SourceLocation Location { get; }

    public string Path => Location.Path;

    public InventoryException Error(string message) => Location.Error(message);

    public abstract string Kind { get; }

    /// <summary>The value as text for places that accept strings, numbers and booleans alike (env values, options).</summary>
    public virtual string? ScalarText => null;
}

internal sealed class JsonObject : JsonTree
{
    public JsonObject(SourceLocation location, IReadOnlyList<JsonProperty> properties)
        : base(location) => Properties = properties;

    /// <summary>Properties in file order, duplicates included (the last one wins, as in JavaScript and Heroku).</summary>
    public IReadOnlyList<JsonProperty> Properties { get; }

    public override string Kind => "an object";

    public JsonTree? Get(string key) => Properties.LastOrDefault(p => p.Key == key)?.Value;

    /// <summary>Keys written more than once, with every line they appear on.</summary>
    public IEnumerable<(string Key, IReadOnlyList<int> Lines)> Duplicates() =>
        Properties.GroupBy(p => p.Key, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => (g.Key, (IReadOnlyList<int>)g.Select(p => p.KeyLocation.Line).ToArray()));
}

internal sealed record JsonProperty(string Key, SourceLocation KeyLocation, JsonTree Value);

internal sealed class JsonArray : JsonTree
{
    public JsonArray(SourceLocation location, IReadOnlyList<JsonTree> items)
        : base(location) => Items = items;

    public IReadOnlyList<JsonTree> Items { get; }

    public override string Kind => "an array";
}

internal sealed class JsonString : JsonTree
{
    public JsonString(SourceLocation location, string value)
        : base(location) => Value = value;

    public string Value { get; }

    public override string Kind => "a string";

    public override string? ScalarText => Value;
}

internal sealed class JsonNumber : JsonTree
{
    public JsonNumber(SourceLocation location, string text)
        : base(location) => Text = text;

    /// <summary>The number exactly as written.</summary>
    public string Text { get; }

    public override string Kind => "a number";

    public override string? ScalarText => Text;

    public bool TryGetInt(out int value) => int.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}

internal sealed class JsonBool : JsonTree
{
    public JsonBool(SourceLocation location, bool value)
        : base(location) => Value = value;

    public bool Value { get; }

    public override string Kind => "a boolean";

    public override string? ScalarText => Value ? "true" : "false";
}

internal sealed class JsonNull : JsonTree
{
    public JsonNull(SourceLocation location)
        : base(location)
    {
    }

    public override string Kind => "null";
}
