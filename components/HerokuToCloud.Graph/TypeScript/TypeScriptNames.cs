using System.Text;

namespace HerokuToCloud.Graph.TypeScript;

/// <summary>
/// Turns program names (<c>web-service</c>, <c>db.password</c>, <c>2fa</c>) into valid, unique TypeScript
/// identifiers, keeping clear of keywords and of the names the generated module itself uses.
/// </summary>
internal sealed class TypeScriptNames
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum",
        "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null",
        "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "as",
        "implements", "interface", "let", "package", "private", "protected", "public", "static", "yield", "await",
        "any", "boolean", "constructor", "declare", "get", "module", "require", "number", "set", "string", "symbol",
        "type", "from", "of", "async", "never", "unknown", "object", "undefined", "arguments", "eval", "NaN", "Infinity",
        "Error", "JSON", "Object", "Array", "String", "Number", "Boolean", "Promise", "process", "globalThis",
        "config", "required", "items",
    };

    private readonly HashSet<string> taken = new(StringComparer.Ordinal);

    /// <summary>Marks an identifier as used by the module itself (imports).</summary>
    public void Reserve(string identifier) => taken.Add(identifier);

    /// <summary>A fresh identifier for <paramref name="name"/>: camelCase of its words, suffixed when taken.</summary>
    public string Allocate(string name)
    {
        var identifier = Sanitize(name);
        if (Reserved.Contains(identifier))
            identifier += "_";
        var candidate = identifier;
        for (var n = 2; !taken.Add(candidate); n++)
            candidate = $"{identifier}{n}";
        return candidate;
    }

    /// <summary><c>web-service</c> → <c>webService</c>; digits first get a leading underscore.</summary>
    public static string Sanitize(string name)
    {
        var result = new StringBuilder();
        var upperNext = false;
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '$')
            {
                result.Append(upperNext && result.Length > 0 ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            else
            {
                upperNext = true;
            }
        }

        if (result.Length == 0)
            return "_";
        return char.IsAsciiDigit(result[0]) ? "_" + result : result.ToString();
    }

    public static bool IsIdentifier(string text) =>
        text.Length > 0 && !char.IsAsciiDigit(text[0]) && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$');
}
