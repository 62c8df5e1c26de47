using System.Text;
using System.Text.RegularExpressions;

namespace HerokuToCloud.Data.Schema;

/// <summary>
/// Splits the plain-text post-data script that <c>pg_restore --section=post-data -f -</c> writes into its
/// items. pg_restore introduces every archive entry with a comment header
/// (<c>-- Name: …; Type: …; Schema: …; Owner: …</c>); the text before the first header is the session
/// preamble (search_path, standard_conforming_strings …) that every connection running items must apply.
/// psql meta-commands (<c>\restrict</c>, <c>\unrestrict</c>) are dropped: they are not SQL.
/// </summary>
public static partial class PostDataScript
{
    public sealed record Parsed(string Preamble, IReadOnlyList<PostDataItem> Items);

    public static Parsed Parse(string script)
    {
        var text = script.Replace("\r\n", "\n", StringComparison.Ordinal);
        var headers = Header().Matches(text);
        var preamble = Clean(headers.Count == 0 ? text : text[..headers[0].Index]);
        var items = new List<PostDataItem>();
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i];
            var end = i + 1 < headers.Count ? headers[i + 1].Index : text.Length;
            var body = Clean(text[(header.Index + header.Length)..end]);
            if (body.Length == 0)
                continue;
            var name = header.Groups["name"].Value.Trim();
            var kind = header.Groups["type"].Value.Trim();
            var schema = header.Groups["schema"].Value.Trim();
            items.Add(new PostDataItem(items.Count + 1, WaveOf(kind), kind, schema == "-" ? name : $"{schema}.{name}", TableOf(kind, schema, name), body));
        }

        return new Parsed(preamble, items);
    }

    public static PostDataWave WaveOf(string kind) => kind switch
    {
        "INDEX" or "CONSTRAINT" => PostDataWave.IndexesAndConstraints,
        "INDEX ATTACH" => PostDataWave.IndexAttachments,
        "FK CONSTRAINT" => PostDataWave.ForeignKeys,
        _ => PostDataWave.Remaining,
    };

    /// <summary>The table a constraint belongs to ("tbl conname" in the header), so constraints of one table run one at a time.</summary>
    private static string? TableOf(string kind, string schema, string name)
    {
        if (kind is not ("CONSTRAINT" or "FK CONSTRAINT"))
            return null;
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? null : $"{schema}.{name[..space]}";
    }

    /// <summary>
    /// The relation an index or constraint statement builds on, as written in it (quoted as needed, so
    /// <c>to_regclass</c> reads it back): <c>CREATE [UNIQUE] INDEX name ON [ONLY] rel</c> or
    /// <c>ALTER TABLE [ONLY] rel</c>, the forms pg_dump writes; null for any other statement.
    /// </summary>
    public static string? RelationOf(string sql) => Relation().Match(sql) is { Success: true } match ? match.Groups["relation"].Value : null;

    /// <summary>The table a foreign key statement references (<c>REFERENCES rel(…)</c>), as written; null for any other statement.</summary>
    public static string? ReferencedRelationOf(string sql) => Referenced().Match(sql) is { Success: true } match ? match.Groups["relation"].Value : null;

    /// <summary>
    /// Whether the statement calls a function or an operator outside pg_catalog. pg_dump runs with an empty
    /// search_path, so it writes those schema-qualified (<c>s.f(…)</c>, <c>OPERATOR(s.===)</c>) and built-ins bare.
    /// Such a function may read other tables (an "immutable" function behind an expression index that looks
    /// something up), so the statement must not run before every table is loaded. The table a foreign key
    /// references (<c>REFERENCES rel(…)</c>) is not a call. Extension functions count too: that costs overlap only.
    /// </summary>
    public static bool CallsQualifiedFunction(string sql) => QualifiedCall().IsMatch(Referenced().Replace(sql, ""));

    private static string Clean(string text)
    {
        var builder = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("\\restrict", StringComparison.Ordinal) || line.StartsWith("\\unrestrict", StringComparison.Ordinal))
                continue;
            if (line.StartsWith("SET client_encoding", StringComparison.Ordinal))
                continue;
            builder.Append(line).Append('\n');
        }

        var cleaned = builder.ToString();
        var done = cleaned.IndexOf("--\n-- PostgreSQL database dump complete\n--", StringComparison.Ordinal);
        if (done >= 0)
            cleaned = cleaned[..done];
        return IsOnlyComments(cleaned) ? "" : cleaned.Trim();
    }

    private static bool IsOnlyComments(string text) =>
        text.Split('\n').All(line => line.Trim().Length == 0 || line.TrimStart().StartsWith("--", StringComparison.Ordinal));

    [GeneratedRegex("""^(?:CREATE (?:UNIQUE )?INDEX (?:"(?:[^"]|"")*"|\S+) ON|ALTER TABLE)(?: ONLY)? (?<relation>(?:"(?:[^"]|"")*"|[^\s".]+)(?:\.(?:"(?:[^"]|"")*"|[^\s".]+))?)""")]
    private static partial Regex Relation();

    [GeneratedRegex("""\bFOREIGN KEY \(.*?\) REFERENCES (?<relation>(?:"(?:[^"]|"")*"|[^\s".(]+)(?:\.(?:"(?:[^"]|"")*"|[^\s".(]+))?)\(""", RegexOptions.Singleline)]
    private static partial Regex Referenced();

    [GeneratedRegex("""(?:"(?:[^"]|"")*"|\b[A-Za-z_][A-Za-z0-9_$]*)\.(?:"(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_$]*)\s*\(|\bOPERATOR\((?!pg_catalog\.)""")]
    private static partial Regex QualifiedCall();

    [GeneratedRegex(@"^--\n-- (?:Data for )?Name: (?<name>.*?); Type: (?<type>[^;]*); Schema: (?<schema>[^;]*); Owner: [^\n]*\n--\n", RegexOptions.Multiline)]
    private static partial Regex Header();
}
