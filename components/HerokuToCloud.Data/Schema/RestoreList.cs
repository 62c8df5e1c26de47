using System.Text;
using HerokuToCloud.Data.Catalog;

namespace HerokuToCloud.Data.Schema;

/// <summary>Reads and edits a <c>pg_restore --list</c> table of contents.</summary>
public static class RestoreList
{
    /// <summary>
    /// The list to restore into a target that already has <paramref name="existingSchemas"/>. Left out:
    /// comments on extensions (CREATE EXTENSION sets them anyway, and only the extension's owner may change
    /// them, which on a managed target such as RDS or Cloud SQL is often not the migrating user), and the
    /// creation, comment and grants of a schema the target has: public, or one an administrator made to hold
    /// an extension the migrating user cannot create (CREATE SCHEMA would fail on it, and its comment and
    /// grants are its owner's).
    /// </summary>
    public static string ForTarget(string list, IReadOnlyCollection<string> existingSchemas) =>
        CommentOut(list, line => line.Contains(" COMMENT - EXTENSION ", StringComparison.Ordinal) || existingSchemas.Any(schema => IsSchemaEntry(line, schema)));

    /// <summary>
    /// "8; 2615 16481 SCHEMA - My Ext owner", and its "COMMENT - SCHEMA "My Ext" owner" and "ACL - SCHEMA …".
    /// The creating entry names the schema bare, followed by its owner: what follows the name must be one
    /// word, or schema "My" would match the entry of "My App".
    /// </summary>
    private static bool IsSchemaEntry(string line, string schema)
    {
        if (line.StartsWith(';'))
            return false;
        const string marker = " SCHEMA - ";
        var at = line.IndexOf(marker, StringComparison.Ordinal);
        if (at >= 0 && line[(at + marker.Length)..].TrimEnd('\r') is var named &&
            (named == schema || (named.StartsWith(schema + " ", StringComparison.Ordinal) && !named[(schema.Length + 1)..].Contains(' '))))
            return true;
        return new[] { Identifier.Display(schema), Identifier.Quote(schema) }.Any(tag =>
            line.Contains($" COMMENT - SCHEMA {tag} ", StringComparison.Ordinal) || line.Contains($" ACL - SCHEMA {tag} ", StringComparison.Ordinal));
    }

    /// <summary>
    /// The tables whose data the list restores, keyed by the text pg_restore --verbose prints for them
    /// ("processing data for table \"Reporting Area.daily log\"": schema and name joined by a dot, neither
    /// quoted) and valued by their display name (<c>"Reporting Area"."daily log"</c>), which tells the parts
    /// apart. A list entry ("3345; 0 16390 TABLE DATA Reporting Area daily log owner") separates schema, name
    /// and owner by spaces only, so every split of its words is taken; the verbose text picks the right one.
    /// Table <c>b.c</c> in schema <c>a</c> and table <c>c</c> in schema <c>a.b</c> print alike ("a.b.c"), so
    /// such a text is valued by both names (<c>a."b.c" or "a.b".c</c>) rather than by whichever came first.
    /// </summary>
    public static IReadOnlyDictionary<string, string> DataTablesByVerboseName(string list)
    {
        const string marker = " TABLE DATA ";
        var names = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var line in list.Split('\n'))
        {
            var at = line.IndexOf(marker, StringComparison.Ordinal);
            if (line.StartsWith(';') || at < 0)
                continue;
            var words = line[(at + marker.Length)..].TrimEnd('\r').Split(' ');
            for (var schemaWords = 1; schemaWords < words.Length - 1; schemaWords++)
            {
                for (var nameWords = 1; schemaWords + nameWords < words.Length; nameWords++)
                {
                    var schema = string.Join(' ', words[..schemaWords]);
                    var name = string.Join(' ', words[schemaWords..(schemaWords + nameWords)]);
                    var display = Identifier.Display(schema, name);
                    if (!names.TryGetValue($"{schema}.{name}", out var displays))
                        names.Add($"{schema}.{name}", displays = []);
                    if (!displays.Contains(display))
                        displays.Add(display);
                }
            }
        }

        return names.ToDictionary(n => n.Key, n => string.Join(" or ", n.Value), StringComparer.Ordinal);
    }

    /// <summary>The list with only the archive's CREATE EXTENSION entries ("… EXTENSION - hstore") left in.</summary>
    public static string OnlyExtensions(string list) =>
        CommentOut(list, line => !line.Contains(" EXTENSION - ", StringComparison.Ordinal) || line.Contains(" COMMENT ", StringComparison.Ordinal));

    /// <summary>The list with every entry <paramref name="leaveOut"/> selects commented out (pg_restore skips lines starting with ';').</summary>
    private static string CommentOut(string list, Func<string, bool> leaveOut)
    {
        var builder = new StringBuilder();
        foreach (var line in list.Split('\n'))
        {
            if (leaveOut(line))
                builder.Append(';');
            builder.Append(line).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>
    /// The extensions a pre-data script creates, from pg_dump's
    /// <c>CREATE EXTENSION IF NOT EXISTS name WITH SCHEMA schema;</c> lines (names quoted as SQL needs).
    /// </summary>
    public static IReadOnlyList<SourceExtension> ExtensionsIn(string script)
    {
        const string prefix = "CREATE EXTENSION IF NOT EXISTS ";
        const string withSchema = " WITH SCHEMA ";
        var extensions = new List<SourceExtension>();
        foreach (var line in script.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (!line.StartsWith(prefix, StringComparison.Ordinal) || !line.EndsWith(';'))
                continue;
            var rest = line[prefix.Length..^1];
            var name = ReadIdentifier(rest, out var length);
            if (name is null || !rest[length..].StartsWith(withSchema, StringComparison.Ordinal))
                continue;
            var schemaText = rest[(length + withSchema.Length)..];
            var schema = ReadIdentifier(schemaText, out var schemaLength);
            if (schema is not null && schemaLength == schemaText.Length && name != "plpgsql")
                extensions.Add(new SourceExtension(name, schema));
        }

        return extensions.OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The encoding of the archive's text, from the <c>SET client_encoding = 'UTF8';</c> that heads every
    /// script pg_restore writes (pg_dump records the database's encoding), or null.
    /// </summary>
    public static string? EncodingIn(string script)
    {
        const string prefix = "SET client_encoding = '";
        var line = script.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal) && l.EndsWith("';", StringComparison.Ordinal));
        return line?[prefix.Length..^2];
    }

    /// <summary>A bare or double-quoted identifier at the start of <paramref name="text"/>, and how many characters it took.</summary>
    private static string? ReadIdentifier(string text, out int length)
    {
        length = 0;
        if (text.Length == 0)
            return null;
        if (text[0] != '"')
        {
            length = text.IndexOf(' ') is var space and >= 0 ? space : text.Length;
            return length > 0 ? text[..length] : null;
        }

        var name = new StringBuilder();
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] != '"')
            {
                name.Append(text[i]);
                continue;
            }

            if (i + 1 < text.Length && text[i + 1] == '"')
            {
                name.Append('"');
                i++;
                continue;
            }

            length = i + 1;
            return name.ToString();
        }

        return null;
    }

    /// <summary>The "Dumped from database version" of the archive header, or null.</summary>
    public static string? SourceVersion(string list)
    {
        const string marker = "Dumped from database version:";
        var line = list.Split('\n').FirstOrDefault(l => l.Contains(marker, StringComparison.Ordinal));
        return line?[(line.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].Trim();
    }
}
