using HerokuToCloud.Data.Catalog;

namespace HerokuToCloud.Data.Copy;

/// <summary>
/// The order the tables are copied in. Post-data builds a table's indexes and keys once its last unit is
/// loaded, beside the copy of the tables after it, so each table is a two-stage job: its copy, then its index
/// builds. Johnson's rule orders two-stage jobs for the shortest whole: first the tables whose builds outlast
/// their copy, shortest copy first, so their builds start early and run beside the rest of the copy; then the
/// others, longest builds first, so the builds left when the copy ends are short. Copying the largest table
/// first instead left the bench's index-heavy <c>events</c> (160 MB of indexes on 252 MB of rows) loading late
/// and its builds running alone after the copy, 4 s longer.
/// </summary>
internal static class CopyOrder
{
    /// <summary>
    /// What building a byte of index costs against copying a byte of table, both on the source's sizes. In the
    /// bench one process builds 15 MB of btree a second and one copy worker loads about 35 MB of rows.
    /// </summary>
    private const double IndexBuildCostPerByte = 2.5;

    public static IEnumerable<TableInfo> Of(IReadOnlyList<TableInfo> tables)
    {
        // Names break ties, so a plan and the same plan made again agree.
        var named = tables.OrderBy(t => t.Schema, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
        var buildsOutlastCopy = named.Where(BuildsOutlastCopy).OrderBy(t => t.Bytes);
        // Among tables with equal builds (none, often), the larger first: it bounds the copy's length.
        var rest = named.Where(t => !BuildsOutlastCopy(t)).OrderByDescending(t => t.IndexBytes).ThenByDescending(t => t.Bytes);
        return buildsOutlastCopy.Concat(rest);
    }

    private static bool BuildsOutlastCopy(TableInfo table) => table.IndexBytes * IndexBuildCostPerByte > table.Bytes;
}
