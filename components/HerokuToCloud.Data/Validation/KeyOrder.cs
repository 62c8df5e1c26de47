using System.Globalization;

namespace HerokuToCloud.Data.Validation;

/// <summary>
/// The order differing rows are listed in: key values compared as numbers when both are numbers (so 9
/// comes before 10), otherwise ordinally; ctids by page and item. Deterministic, so the same differences
/// always list the same way.
/// </summary>
internal static class KeyOrder
{
    public static int Compare(string[] a, string[] b)
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var c = CompareValue(a[i], b[i]);
            if (c != 0)
                return c;
        }

        return a.Length.CompareTo(b.Length);
    }

    public static int CompareCtid(string? a, string? b)
    {
        if (a is null || b is null)
            return (a is null).CompareTo(b is null);
        var (ap, ai) = Parse(a);
        var (bp, bi) = Parse(b);
        return ap != bp ? ap.CompareTo(bp) : ai.CompareTo(bi);
    }

    private static int CompareValue(string a, string b)
    {
        if (decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) &&
            decimal.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
        {
            var byNumber = x.CompareTo(y);
            if (byNumber != 0)
                return byNumber;
        }

        return string.CompareOrdinal(a, b);
    }

    private static (long Page, int Item) Parse(string ctid)
    {
        var parts = ctid.Trim('(', ')').Split(',');
        return parts.Length == 2 &&
               long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var page) &&
               int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var item)
            ? (page, item)
            : (long.MaxValue, 0);
    }
}
