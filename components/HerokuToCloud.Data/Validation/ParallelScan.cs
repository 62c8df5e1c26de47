namespace HerokuToCloud.Data.Validation;

/// <summary>
/// How many of a side's sessions one table's checksum pass occupies.
///
/// Each side reads a table with one plain sequential scan. For a table larger than a quarter of
/// shared_buffers PostgreSQL reads through a small ring of buffers, so the pass neither evicts the source's
/// working set nor pays for evicting it; TID range scans over page ranges (an earlier design) have no ring,
/// and on the benchmark cost 60% more server CPU for the same hashing. A table holding a large share of the
/// data would then keep one session busy while the others sit idle, so it gets PostgreSQL parallel workers
/// in proportion to its share, each counted against the side's sessions: the side never runs more server
/// processes than <c>--jobs</c>.
/// </summary>
internal static class ParallelScan
{
    /// <summary>PostgreSQL's default min_parallel_table_scan_size (8 MB in pages): it scans nothing smaller in parallel.</summary>
    public const long MinPages = 1024;

    /// <summary>Sessions for a table of <paramref name="pages"/> when the side's tables hold <paramref name="totalPages"/> and it has <paramref name="sessions"/>.</summary>
    public static int Sessions(long pages, long totalPages, int sessions)
    {
        if (sessions <= 1 || pages < MinPages || totalPages <= 0)
            return 1;
        var share = (long)Math.Ceiling((double)Math.Min(pages, totalPages) * sessions / totalPages);
        return (int)Math.Clamp(share, 1, sessions);
    }
}
