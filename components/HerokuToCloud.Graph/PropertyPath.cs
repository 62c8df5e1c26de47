using System.Globalization;
using System.Text;

namespace HerokuToCloud.Graph;

/// <summary>
/// A path into a property tree in Pulumi's property-path syntax: <c>spec.template.spec.containers[0].image</c>,
/// with <c>["key with a ."]</c> for keys that are not plain names. References use it for the output they read,
/// policy rules for the property they inspect, diagnostics for the property they blame.
/// </summary>
public sealed class PropertyPath : IEquatable<PropertyPath>
{
    private PropertyPath(IReadOnlyList<PropertyPathSegment> segments) => Segments = segments;

    public static PropertyPath Root { get; } = new([]);

    public IReadOnlyList<PropertyPathSegment> Segments { get; }

    public bool IsRoot => Segments.Count == 0;

    public PropertyPath Append(string key) => new([.. Segments, new PropertyPathSegment(key, null)]);

    public PropertyPath Append(int index) => new([.. Segments, new PropertyPathSegment(null, index)]);

    /// <summary>Parses <c>a.b[0]["c.d"]</c>; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static PropertyPath Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = new List<PropertyPathSegment>();
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                if (segments.Count == 0 || i + 1 >= path.Length || path[i + 1] is '.' or '[')
                    throw new FormatException($"Property path \"{path}\" has an empty name at position {i + 1}.");
                i++;
            }
            else if (path[i] == '[')
            {
                var (segment, next) = ParseSubscript(path, i);
                segments.Add(segment);
                i = next;
                continue;
            }
            else if (segments.Count > 0)
            {
                throw new FormatException($"Property path \"{path}\" needs a '.' or '[' at position {i + 1}.");
            }

            var start = i;
            while (i < path.Length && path[i] is not ('.' or '[' or ']' or '"'))
                i++;
            if (i == start)
                throw new FormatException($"Property path \"{path}\" has an empty name at position {i + 1}.");
            segments.Add(new PropertyPathSegment(path[start..i], null));
        }

        return new PropertyPath(segments);
    }

    private static (PropertyPathSegment Segment, int Next) ParseSubscript(string path, int open)
    {
        var i = open + 1;
        if (i < path.Length && path[i] == '"')
        {
            var key = new StringBuilder();
            i++;
            while (true)
            {
                if (i >= path.Length)
                    throw new FormatException($"Property path \"{path}\" has a quoted key without its closing quote.");
                if (path[i] == '\\' && i + 1 < path.Length && path[i + 1] == '"')
                {
                    key.Append('"');
                    i += 2;
                }
                else if (path[i] == '"')
                {
                    i++;
                    break;
                }
                else
                {
                    key.Append(path[i++]);
                }
            }

            if (i >= path.Length || path[i] != ']')
                throw new FormatException($"Property path \"{path}\" has a quoted key without its closing ']'.");
            return (new PropertyPathSegment(key.ToString(), null), i + 1);
        }

        var close = path.IndexOf(']', i);
        if (close < 0)
            throw new FormatException($"Property path \"{path}\" has a '[' without its closing ']'.");
        if (!int.TryParse(path.AsSpan(i, close - i), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            throw new FormatException($"Property path \"{path}\" has an index that is not a non-negative number: [{path[i..close]}].");
        return (new PropertyPathSegment(null, index), close + 1);
    }

    /// <summary>The value at this path under <paramref name="root"/>, or null when any step is missing.</summary>
    public Value? Find(Value root)
    {
        var current = root;
        foreach (var segment in Segments)
        {
            current = (current, segment) switch
            {
                (MapValue map, { Key: { } key }) => map[key],
                (ListValue list, { Index: { } index }) when index < list.Items.Count => list.Items[index],
                _ => null,
            };
            if (current is null)
                return null;
        }

        return current;
    }

    /// <summary>
    /// Every value in a tree with its path, parents before children, in the tree's order. Descends into maps
    /// and lists by key and index; the arguments of functions and the parts of interpolations are visited at
    /// the path of the expression itself, so that a rule also sees a literal hidden inside <c>fn::toJSON</c>.
    /// </summary>
    public static IEnumerable<(PropertyPath Path, Value Value)> Walk(Value root) => Walk(root, Root);

    private static IEnumerable<(PropertyPath Path, Value Value)> Walk(Value value, PropertyPath path)
    {
        yield return (path, value);
        IEnumerable<(PropertyPath, Value)> children = value switch
        {
            MapValue map => map.Entries.Select(e => (path.Append(e.Key), e.Value)),
            ListValue list => list.Items.Select((item, i) => (path.Append(i), item)),
            SecretValue secret => [(path, secret.Inner)],
            JsonValue json => [(path, json.Inner)],
            JoinValue join => [(path, join.Items)],
            SelectValue select => [(path, select.Items)],
            InvokeValue invoke => [(path, invoke.Arguments)],
            InterpolationValue interpolation => interpolation.Parts.Select(part => (path, part)),
            _ => [],
        };
        foreach (var (childPath, child) in children)
        {
            foreach (var descendant in Walk(child, childPath))
                yield return descendant;
        }
    }

    /// <summary>The canonical text: names joined by '.', indexes as [n], keys that are not plain names as ["..."].</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var segment in Segments)
        {
            if (segment.Index is { } index)
                text.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            else if (IsPlainName(segment.Key!))
                text.Append(text.Length == 0 ? "" : ".").Append(segment.Key);
            else
                text.Append("[\"").Append(segment.Key!.Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\"]");
        }

        return text.ToString();
    }

    /// <summary>A name that needs no brackets: Pulumi YAML reads a name up to the next '.', '[' or '}'.</summary>
    public static bool IsPlainName(string name) =>
        name.Length > 0 && name.All(c => c is not ('.' or '[' or ']' or '}' or '"' or '$' or '{') && !char.IsWhiteSpace(c));

    public bool Equals(PropertyPath? other) => other is not null && Segments.SequenceEqual(other.Segments);

    public override bool Equals(object? obj) => Equals(obj as PropertyPath);

    public override int GetHashCode() => Segments.Count == 0 ? 0 : Segments[^1].GetHashCode();
}

/// <summary>One step of a <see cref="PropertyPath"/>: a map key or a list index.</summary>
public sealed record PropertyPathSegment(string? Key, int? Index);
