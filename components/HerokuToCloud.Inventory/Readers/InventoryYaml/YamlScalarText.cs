using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HerokuToCloud.Inventory.Readers.InventoryYaml;

/// <summary>
/// Spells a string as a YAML scalar that every YAML reader (1.1 or 1.2, any schema) reads back as the
/// same string: plain when that is unambiguous, double-quoted otherwise.
/// </summary>
internal static partial class YamlScalarText
{
    private const string Indicators = "-?:,[]{}#&*!|>'\"%@`";

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n", "<<", "=",
    };

    public static string Format(string value)
    {
        value = ReplaceLoneSurrogates(value);
        return NeedsQuotes(value) ? Quote(value) : value;
    }

    // A lone surrogate cannot be encoded as UTF-8; it becomes U+FFFD, as any UTF-8 writer would make it.
    private static string ReplaceLoneSurrogates(string value)
    {
        if (!value.Any(char.IsSurrogate))
            return value;
        var chars = value.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
                i++;
            else if (char.IsSurrogate(chars[i]))
                chars[i] = '\uFFFD';
        }

        return new string(chars);
    }

    private static bool NeedsQuotes(string value) =>
        value.Length == 0
        || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])
        || Indicators.Contains(value[0], StringComparison.Ordinal)
        || value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal) || value.EndsWith(':')
        || value.Any(c => !IsPlainSafe(c))
        || Reserved.Contains(value)
        || LooksLikeNumberOrDate().IsMatch(value);

    private static bool IsPlainSafe(char c) =>
        c is >= ' ' and <= '~' || (c >= '\u00A0' && !char.IsControl(c) && !char.IsSurrogate(c) && c is not ('\u2028' or '\u2029' or '\uFEFF'));

    private static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        text.Append(c).Append(value[++i]);
                    }
                    else if (c < ' ' || c == '\u007F' || (c >= '\u0080' && !IsPlainSafe(c)))
                    {
                        text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }

    // Anything a YAML 1.1 or 1.2 reader could resolve to a number, a sexagesimal number or a timestamp.
    [GeneratedRegex(@"^([-+]?(\.[0-9]|[0-9])[0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*)$")]
    private static partial Regex LooksLikeNumberOrDate();
}
