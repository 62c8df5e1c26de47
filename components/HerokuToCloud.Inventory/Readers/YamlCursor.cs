using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HerokuToCloud.Inventory.Readers;

/// <summary>
/// A YAML node together with the file it came from and its key path (apps[1].processes[0].size),
/// so that every complaint about it names the file, line, column and path.
/// </summary>
internal sealed partial class YamlCursor
{
    public YamlCursor(string file, YamlNode node, string path)
    {
        File = file;
        Node = node;
        Path = path;
    }

    public string File { get; }

    public YamlNode Node { get; }

    /// <summary>Key path from the document root; empty for the root itself.</summary>
    public string Path { get; }

    public int Line => (int)Node.Start.Line;

    public SourceLocation Location => new(File, Line, (int)Node.Start.Column, Path);

    public InventoryException Error(string message) => Location.Error(message);

    /// <summary>An empty value: nothing after the colon, ~ or null (unquoted).</summary>
    public bool IsNull => Node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    /// <summary>A mapping with free keys (options, Dockerfiles by process type).</summary>
    public YamlMapping FreeMapping(string description) => ReadMapping(null, null, description);

    public YamlMapping Mapping(IReadOnlyList<string> allowedKeys, IReadOnlyDictionary<string, string>? keyHints = null) =>
        ReadMapping(allowedKeys, keyHints, string.Join(", ", allowedKeys));

    private YamlMapping ReadMapping(IReadOnlyList<string>? allowedKeys, IReadOnlyDictionary<string, string>? keyHints, string description)
    {
        RejectAnchor();
        if (Node is not YamlMappingNode mapping)
            throw Error($"expected a mapping of {description}, found {KindOf(Node)}.");

        var entries = new List<(string Key, YamlCursor KeyCursor, YamlCursor Value)>();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
                throw new YamlCursor(File, keyNode, Path).Error("keys must be plain names.");
            var keyCursor = new YamlCursor(File, keyNode, Append(Path, key));
            if (allowedKeys is not null && !allowedKeys.Contains(key, StringComparer.Ordinal))
            {
                var hint = keyHints is not null && keyHints.TryGetValue(key, out var h) ? " " + h : "";
                throw keyCursor.Error($"unknown key '{key}'; allowed here: {string.Join(", ", allowedKeys)}.{hint}");
            }

            entries.Add((key, keyCursor, new YamlCursor(File, valueNode, Append(Path, key))));
        }

        return new YamlMapping(this, entries);
    }

    /// <summary>The items of a sequence; an empty value counts as an empty sequence.</summary>
    public IReadOnlyList<YamlCursor> Sequence(string itemDescription)
    {
        if (IsNull)
            return [];
        RejectAnchor();
        if (Node is not YamlSequenceNode sequence)
            throw Error($"expected a list of {itemDescription}, found {KindOf(Node)}.");
        return sequence.Children.Select((item, i) => new YamlCursor(File, item, $"{Path}[{i}]")).ToArray();
    }

    public string Scalar(string what)
    {
        RejectAnchor();
        if (Node is not YamlScalarNode scalar)
            throw Error($"expected {what}, found {KindOf(Node)}.");
        if (IsNull)
            throw Error($"is empty; expected {what}.");
        return scalar.Value ?? "";
    }

    public int Integer(string what)
    {
        var text = Scalar(what);
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error($"'{text}' is not a whole number; expected {what}.");
    }

    public bool Boolean()
    {
        var text = Scalar("true or false");
        return text.ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => throw Error($"'{text}' is not true or false."),
        };
    }

    private void RejectAnchor()
    {
        if (!Node.Anchor.IsEmpty)
            throw Error($"anchors and aliases (&{Node.Anchor.Value}, *{Node.Anchor.Value}) are not supported in an inventory or secrets file; write the value out in each place.");
    }

    private static string Append(string path, string key)
    {
        var segment = SimpleKey().IsMatch(key) ? key : $"['{key.Replace("'", "\\'", StringComparison.Ordinal)}']";
        return path.Length == 0 ? segment : segment.StartsWith('[') ? path + segment : $"{path}.{segment}";
    }

    private static string KindOf(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping (key: value lines)",
        YamlSequenceNode => "a list",
        YamlScalarNode { Value: null or "" } => "nothing",
        YamlScalarNode s => $"the value '{s.Value}'",
        _ => "something else",
    };

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex SimpleKey();
}

/// <summary>A YAML mapping whose keys have already been checked against the allowed ones.</summary>
internal sealed class YamlMapping
{
    private readonly IReadOnlyList<(string Key, YamlCursor KeyCursor, YamlCursor Value)> _entries;

    public YamlMapping(YamlCursor self, IReadOnlyList<(string Key, YamlCursor KeyCursor, YamlCursor Value)> entries)
    {
        Self = self;
        _entries = entries;
    }

    public YamlCursor Self { get; }

    public IReadOnlyList<(string Key, YamlCursor KeyCursor, YamlCursor Value)> Entries => _entries;

    /// <summary>The value under <paramref name="key"/>, or null when the key is absent or empty.</summary>
    public YamlCursor? Get(string key)
    {
        foreach (var entry in _entries)
        {
            if (entry.Key == key)
                return entry.Value.IsNull ? null : entry.Value;
        }

        return null;
    }

    public YamlCursor Require(string key, string what) =>
        Get(key) ?? throw Self.Error($"missing '{key}': {what}.");

    public string? OptionalString(string key, string what) => Get(key)?.Scalar(what);

    public string RequiredString(string key, string what) => Require(key, what).Scalar(what);

    public int? OptionalInt(string key, string what) => Get(key)?.Integer(what);

    public bool? OptionalBool(string key) => Get(key)?.Boolean();

    public IReadOnlyList<YamlCursor> List(string key, string itemDescription) =>
        Get(key)?.Sequence(itemDescription) ?? [];
}
