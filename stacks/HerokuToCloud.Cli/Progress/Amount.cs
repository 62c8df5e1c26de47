using System.Globalization;
using HerokuToCloud.Data.Progress;
using HerokuToCloud.Data.Reporting;

namespace HerokuToCloud.Cli.Progress;

/// <summary>
/// How progress counts are written: rows as a grouped number ("250,000 rows"), bytes human-readably in
/// megabytes, gigabytes from 1 GiB on and kilobytes below 1 MiB ("312.4 MB", "1.25 GB", "45 KB"), as a
/// backup of a few GB would otherwise be a ten-digit number.
/// </summary>
internal static class Amount
{
    private const double Kibibyte = 1024.0;
    private const double Mebibyte = 1024.0 * Kibibyte;
    private const double Gibibyte = 1024.0 * Mebibyte;

    /// <summary>"250,000 rows", "50 large objects" or "312.4 MB".</summary>
    public static string Of(long count, Measure measure) => measure switch
    {
        Measure.Rows => NounCount.Of(count, "row"),
        Measure.LargeObjects => NounCount.Of(count, "large object"),
        _ => Bytes(count),
    };

    /// <summary>"25,000 rows/s", "40 large objects/s" or "12.5 MB/s".</summary>
    public static string Rate(double perSecond, Measure measure) => measure switch
    {
        Measure.Rows => $"{Number((long)perSecond)} rows/s",
        Measure.LargeObjects => $"{Number((long)perSecond)} large objects/s",
        _ => Bytes(perSecond) + "/s",
    };

    /// <summary>What the table events of <paramref name="table"/> count: large objects come through them under their own name.</summary>
    public static Measure CountedIn(string table) => table == IDataProgress.LargeObjects ? Measure.LargeObjects : Measure.Rows;

    public static string Bytes(double bytes) => bytes switch
    {
        >= Gibibyte => (bytes / Gibibyte).ToString("N2", CultureInfo.InvariantCulture) + " GB",
        >= Mebibyte => (bytes / Mebibyte).ToString("N1", CultureInfo.InvariantCulture) + " MB",
        _ => (bytes / Kibibyte).ToString("N0", CultureInfo.InvariantCulture) + " KB",
    };

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
