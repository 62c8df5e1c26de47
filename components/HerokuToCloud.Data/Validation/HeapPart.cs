namespace HerokuToCloud.Data.Validation;

/// <summary>
/// A page range of one side's heap, scanned by one worker with a TID range scan (PostgreSQL 14+). Parts are
/// purely physical: each side cuts its own table into parts, and only their summed checksum is compared.
/// A null bound is open, so the last part also covers pages added after the size was read.
/// </summary>
internal readonly record struct HeapPart(long? FromPage, long? ToPage)
{
    public static IReadOnlyList<HeapPart> Plan(long pages, long pagesPerPart, int serverVersion)
    {
        if (serverVersion < 140000 || pages <= pagesPerPart * 3 / 2)
            return [new HeapPart(null, null)];

        var count = (int)Math.Min((pages + pagesPerPart - 1) / pagesPerPart, 4096);
        var step = (pages + count - 1) / count;
        var parts = new List<HeapPart>(count);
        for (var i = 0; i < count; i++)
            parts.Add(new HeapPart(i == 0 ? null : i * step, i == count - 1 ? null : (i + 1) * step));
        return parts;
    }

    public string Predicate()
    {
        var conditions = new List<string>(2);
        if (FromPage is { } from)
            conditions.Add($"ctid >= '({Sql.Number(from)},0)'::tid");
        if (ToPage is { } to)
            conditions.Add($"ctid < '({Sql.Number(to)},0)'::tid");
        return conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);
    }
}
