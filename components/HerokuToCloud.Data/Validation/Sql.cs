using System.Globalization;

namespace HerokuToCloud.Data.Validation;

/// <summary>
/// Quoting for the SQL the validator builds: every identifier goes through <see cref="Quote"/>, so mixed
/// case, spaces, quotes and reserved words survive; numbers are written invariantly.
/// </summary>
internal static class Sql
{
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Qualify(string schema, string name) => Quote(schema) + "." + Quote(name);

    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
