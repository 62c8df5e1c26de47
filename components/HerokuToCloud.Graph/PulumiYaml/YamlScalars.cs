using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HerokuToCloud.Graph.PulumiYaml;

/// <summary>
/// How a string is spelled in YAML so that every reader gets the same string back. Pulumi reads YAML with
/// go-yaml v3 (YAML 1.2 core schema); people and other tools may use YAML 1.1 readers, which also turn
/// <c>yes</c>, <c>on</c>, <c>0755</c> or <c>1_000</c> into non-strings. A string is left plain only when
/// it is a string under both, and quoted otherwise.
/// </summary>
internal static partial class YamlScalars
{
    /// <summary>Single-line text for a string: plain when safe, else single-quoted, else double-quoted with escapes.</summary>
    public static string Inline(string text)
    {
        if (IsPlainSafe(text))
            return text;
        if (text.All(IsPrintable))
            return "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
        return DoubleQuoted(text);
    }

    /// <summary>
    /// A literal block (<c>|</c>) for a multi-line string, or null when a block cannot carry it exactly
    /// (trailing spaces would be invisible, several trailing newlines would swallow the blank line after it,
    /// control characters have no block spelling): those strings are double-quoted instead.
    /// </summary>
    public static (string Header, string[] Lines)? Block(string text)
    {
        if (!text.Contains('\n', StringComparison.Ordinal) || text.EndsWith("\n\n", StringComparison.Ordinal) || text.StartsWith('\n'))
            return null;
        if (text.Any(c => c != '\n' && c != '\t' && !IsPrintable(c)))
            return null;

        var body = text.EndsWith('\n') ? text[..^1] : text;
        var lines = body.Split('\n');
        if (lines.Any(line => line.Length > 0 && char.IsWhiteSpace(line[^1])))
            return null;
        var chomp = text.EndsWith('\n') ? "" : "-";

        // A first line that starts with a space would be taken as the block's indentation: say it explicitly.
        var indentIndicator = lines[0].StartsWith(' ') || lines[0].StartsWith('\t') ? "2" : "";
        return ("|" + indentIndicator + chomp, lines);
    }

    public static bool IsPlainSafe(string text)
    {
        if (text.Length == 0 || text != text.Trim() || !text.All(IsPrintable))
            return false;
        if (LooksLikeNonString(text))
            return false;

        var first = text[0];
        if (first is '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`')
            return false;
        if (first == '-' && (text.Length == 1 || text[1] == ' ' || text.StartsWith("---", StringComparison.Ordinal)))
            return false;
        if (text.Contains(": ", StringComparison.Ordinal) || text.Contains(" #", StringComparison.Ordinal) || text.EndsWith(':'))
            return false;
        return !text.Contains('\t', StringComparison.Ordinal);
    }

    /// <summary>True when a plain scalar with this text would be read as a null, boolean, number or timestamp.</summary>
    public static bool LooksLikeNonString(string text) =>
        text is "~" or "=" or "<<" || NullOrBool().IsMatch(text) || Number().IsMatch(text) || Timestamp().IsMatch(text);

    public static string DoubleQuoted(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                '\0' => "\\0",
                _ when !IsPrintable(c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>YAML's printable set, minus the characters YAML 1.1 treats as line breaks and the BOM.</summary>
    private static bool IsPrintable(char c) =>
        c >= ' ' && c != '\u007F' && c is not ('\u0085' or '\u2028' or '\u2029' or '\uFEFF')
        && !(c >= '\u0080' && c <= '\u009F') && c is not ('\uFFFE' or '\uFFFF');

    [GeneratedRegex("^(null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$")]
    private static partial Regex NullOrBool();

    // YAML 1.2 ints and floats, YAML 1.1 ints (binary, octal, hex, underscores, sexagesimal) and floats.
    [GeneratedRegex(@"^([-+]?[0-9][0-9_]*|0o[0-7]+|[-+]?0b[01_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|[-+]?(\.[0-9_]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")]
    private static partial Regex Timestamp();
}
