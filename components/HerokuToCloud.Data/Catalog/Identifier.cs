namespace HerokuToCloud.Data.Catalog;

/// <summary>SQL identifier quoting: every name the engine puts into SQL goes through here, so mixed case, spaces, quotes and reserved words survive.</summary>
public static class Identifier
{
    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Qualify(string schema, string name) => Quote(schema) + "." + Quote(name);

    /// <summary>A string literal (standard_conforming_strings on, as every supported server has).</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>
    /// The dotted name a person reads in reports and progress, and that objects are matched by
    /// (<c>public.users</c>, <c>a."b.c"</c>, <c>public."user"</c>): a part is quoted where quote_ident would
    /// quote it, so it reads as SQL needs it. It is left bare when PostgreSQL would read it unquoted (lower-case
    /// letters, digits and underscores, not starting with a digit, and not a key word quote_ident quotes,
    /// <see cref="QuotedKeywords"/>) and quoted otherwise. So a part never shows a bare dot or quote, and
    /// <c>a."b.c"</c> and <c>"a.b".c</c> stay two names: joining the raw names would make them one, and every
    /// dictionary keyed by it would collide.
    /// </summary>
    public static string Display(params string[] parts) => string.Join('.', parts.Select(DisplayPart));

    private static string DisplayPart(string name) => IsBare(name) ? name : Quote(name);

    private static bool IsBare(string name) =>
        name.Length > 0 && (name[0] is (>= 'a' and <= 'z') or '_') && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_')
        && !QuotedKeywords.All.Contains(name);
}
