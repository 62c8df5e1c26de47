using System.Globalization;
using System.Text;

namespace HerokuToCloud.Graph.TypeScript;

/// <summary>Lines of TypeScript with four-space indentation, each remembering its owner.</summary>
internal sealed class TypeScriptSource
{
    private readonly StringBuilder text = new();
    private readonly List<SourceOwner?> owners = [];

    public int Indent { get; set; }

    public SourceOwner? Owner { get; set; }

    public string? Property { get; set; }

    public void Line(string line = "")
    {
        text.Append(line.Length == 0 ? "" : new string(' ', Indent * 4) + line).Append('\n');
        owners.Add(Owner is null ? null : Owner with { Property = Property });
    }

    public string Text => text.ToString();

    public IReadOnlyList<SourceOwner?> Owners => owners;

    /// <summary>A double-quoted string literal.</summary>
    public static string String(string value)
    {
        var literal = new StringBuilder("\"");
        foreach (var c in value)
        {
            literal.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c < ' ' || c is '\u2028' or '\u2029' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return literal.Append('"').ToString();
    }

    /// <summary>Literal text inside a template literal: backticks, backslashes and <c>${</c> escaped.</summary>
    public static string TemplateText(string value)
    {
        var literal = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            literal.Append(c switch
            {
                '`' => "\\`",
                '\\' => "\\\\",
                '$' when i + 1 < value.Length && value[i + 1] == '{' => "\\$",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c < ' ' || c is '\u2028' or '\u2029' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return literal.ToString();
    }

    /// <summary>An object-literal key: bare when it is an identifier, quoted otherwise.</summary>
    public static string Key(string key) => TypeScriptNames.IsIdentifier(key) ? key : String(key);

    /// <summary>Property access: <c>.name</c>, or <c>["odd-name"]</c>.</summary>
    public static string Access(string key) => TypeScriptNames.IsIdentifier(key) ? "." + key : $"[{String(key)}]";
}
