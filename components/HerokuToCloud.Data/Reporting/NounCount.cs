using System.Globalization;

namespace HerokuToCloud.Data.Reporting;

/// <summary>
/// A count and its noun as a person reads them: "1 table", "2 tables", "1,024 rows". Every human line of
/// the CLI and the data engine counts through here, so none says "1 tables" or "(1 rules)".
/// </summary>
public static class NounCount
{
    /// <summary>
    /// <paramref name="n"/> (thousands separated) with <paramref name="one"/> when it is 1 and the plural otherwise:
    /// <paramref name="many"/> when the noun does not just take an s ("process", "processes").
    /// </summary>
    public static string Of(long n, string one, string? many = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{n:N0} {(n == 1 ? one : many ?? one + "s")}");
}
