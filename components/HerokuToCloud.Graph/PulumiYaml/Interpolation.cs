using System.Text;

namespace HerokuToCloud.Graph.PulumiYaml;

/// <summary>
/// Pulumi YAML's string expressions: every string in an expression position is an interpolation, where
/// <c>${root.path}</c> is replaced by a value and <c>$$</c> stands for one literal <c>$</c>
/// (pulumi-yaml, pkg/pulumiyaml/ast/interpolation.go). A string that is exactly one <c>${...}</c> is a
/// substitution: the value itself, not its string form.
/// </summary>
internal static class Interpolation
{
    /// <summary>
    /// Spells literal text so that it reads back unchanged. Only a <c>$</c> that the parser would consume
    /// (one followed by <c>{</c> or <c>$</c>) is doubled, so shell-like text such as <c>$PORT</c> stays readable.
    /// </summary>
    public static string Escape(string text)
    {
        if (!text.Contains('$', StringComparison.Ordinal))
            return text;
        var escaped = new StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            escaped.Append(text[i]);
            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] is '{' or '$')
                escaped.Append('$');
        }

        return escaped.ToString();
    }

    /// <summary>The <c>${...}</c> form of a reference: <c>${db.endpoint}</c>, or <c>${["odd.name"].id}</c> for names a path cannot hold.</summary>
    public static string Reference(string root, string? path)
    {
        var text = new StringBuilder("${");
        text.Append(PropertyPath.IsPlainName(root) ? root : "[\"" + root.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"]");
        if (!string.IsNullOrEmpty(path))
            text.Append(path[0] == '[' ? "" : ".").Append(path);
        return text.Append('}').ToString();
    }

    /// <summary>One piece of a parsed string: literal text, or a property access (root name and the path after it).</summary>
    public sealed record Part(string? Text, string? Root, string? Path);

    /// <summary>Splits a string into literal text and accesses, as pulumi-yaml does; throws <see cref="FormatException"/> on a broken <c>${</c>.</summary>
    public static IReadOnlyList<Part> Parse(string value)
    {
        var parts = new List<Part>();
        var text = new StringBuilder();
        var i = 0;
        while (i < value.Length)
        {
            if (value[i] == '$' && i + 1 < value.Length && value[i + 1] == '$')
            {
                text.Append('$');
                i += 2;
            }
            else if (value[i] == '$' && i + 1 < value.Length && value[i + 1] == '{')
            {
                var close = FindClose(value, i + 2);
                if (close < 0)
                    throw new FormatException($"\"{value}\" has a '${{' without its closing '}}'; write $${{ for a literal '${{'.");
                if (text.Length > 0)
                {
                    parts.Add(new Part(text.ToString(), null, null));
                    text.Clear();
                }

                parts.Add(ParseAccess(value[(i + 2)..close]));
                i = close + 1;
            }
            else
            {
                text.Append(value[i++]);
            }
        }

        if (text.Length > 0)
            parts.Add(new Part(text.ToString(), null, null));
        return parts;
    }

    private static int FindClose(string value, int start)
    {
        var inQuotes = false;
        for (var i = start; i < value.Length; i++)
        {
            if (inQuotes && value[i] == '\\' && i + 1 < value.Length)
                i++;
            else if (value[i] == '"')
                inQuotes = !inQuotes;
            else if (!inQuotes && value[i] == '}')
                return i;
        }

        return -1;
    }

    private static Part ParseAccess(string access)
    {
        if (access.Length == 0)
            throw new FormatException("\"${}\" names nothing; write ${name} or ${name.output}.");
        var path = PropertyPath.Parse(access);
        var root = path.Segments[0];
        if (root.Key is null)
            throw new FormatException($"\"${{{access}}}\" must start with a name, not an index.");
        var rest = string.Concat(path.Segments.Skip(1).Select(s => SegmentText(s)));
        return new Part(null, root.Key, rest.Length == 0 ? null : rest.TrimStart('.'));
    }

    private static string SegmentText(PropertyPathSegment segment) =>
        segment.Index is { } index ? $"[{index}]"
        : PropertyPath.IsPlainName(segment.Key!) ? "." + segment.Key
        : "[\"" + segment.Key!.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"]";
}
