namespace HerokuToCloud.Data.Catalog;

/// <summary>SQL identifier quoting: every name the engine puts into SQL goes through here, so mixed case, spaces, quotes and reserved words survive.</summary>
public static class Identifier
{
    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Qualify(string schema, string name) => Quote(schema) + "." + Quote(name);

    /// <summary>A string literal (standard_conforming_strings on, as every supported server has).</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
