using System.Globalization;
using HerokuToCloud.Data.Catalog;
using HerokuToCloud.Data.Connections;
using Npgsql;

namespace HerokuToCloud.Data.Copy;

/// <summary>
/// Cuts the source's tables into copy units of roughly <see cref="ChunkBytes"/> each, so large tables
/// copy in parallel and a resumed run repeats at most one unit per worker. A table with a single-column
/// integer primary key is split on key ranges (index scans); any other table on ctid block ranges, which
/// PostgreSQL 14+ serves with TID range scans. The first and last range are open-ended, so rows outside
/// the planned bounds are still copied exactly once.
/// </summary>
public sealed class CopyPlanner
{
    private const int MaxUnitsPerTable = 4096;
    private const int LargeObjectsPerUnit = 1000;

    /// <summary>Units are never cut smaller than this when the chunk size is lowered for parallelism.</summary>
    private const long MinimumBalancedChunk = 8L * 1024 * 1024;

    public CopyPlanner(long chunkBytes, int sourceMajorVersion, int jobs = 1)
    {
        ChunkBytes = Math.Max(chunkBytes, 8192);
        SourceMajorVersion = sourceMajorVersion;
        Jobs = Math.Max(1, jobs);
    }

    public int Jobs { get; }

    public long ChunkBytes { get; }

    public int SourceMajorVersion { get; }

    /// <summary>Plans every unit, tables in <see cref="CopyOrder"/>, inside the snapshot of <paramref name="connection"/>.</summary>
    public async Task<IReadOnlyList<CopyUnit>> PlanAsync(NpgsqlConnection connection, IReadOnlyList<TableInfo> tables, IReadOnlyList<uint> largeObjects, CancellationToken cancellationToken)
    {
        // Keep every worker busy to the end: with few large tables, cut units so there are about four per worker.
        var total = tables.Sum(t => t.Bytes);
        var chunk = Math.Min(ChunkBytes, Math.Max(MinimumBalancedChunk, total / (Jobs * 4L)));
        var units = new List<CopyUnit>();
        // A key range query locks its table and indexes until the snapshot transaction ends: release them as planning goes.
        var locks = await LockRelease.BeginAsync(connection, LockRelease.RelationsPerRelease, cancellationToken);
        foreach (var table in CopyOrder.Of(tables))
        {
            var parts = await SplitAsync(connection, table, chunk, cancellationToken);
            await locks.ReadDoneAsync(cancellationToken);
            foreach (var (condition, share) in parts)
            {
                units.Add(new CopyUnit
                {
                    Id = units.Count + 1,
                    Kind = CopyUnitKind.Table,
                    Schema = table.Schema,
                    Table = table.Name,
                    Condition = condition,
                    EstimatedRows = (long)(table.EstimatedRows * share),
                    EstimatedBytes = (long)(table.Bytes * share),
                });
            }
        }

        await locks.EndAsync(cancellationToken);
        foreach (var batch in largeObjects.Chunk(LargeObjectsPerUnit))
        {
            var last = batch[^1];
            units.Add(new CopyUnit
            {
                Id = units.Count + 1,
                Kind = CopyUnitKind.LargeObjects,
                Condition = string.Create(CultureInfo.InvariantCulture, $"oid >= {batch[0]} AND oid <= {last}"),
                EstimatedRows = batch.Length,
            });
        }

        return units;
    }

    private async Task<IReadOnlyList<(string? Condition, double Share)>> SplitAsync(NpgsqlConnection connection, TableInfo table, long chunk, CancellationToken cancellationToken)
    {
        var parts = (int)Math.Min(MaxUnitsPerTable, (table.Bytes + chunk - 1) / chunk);
        if (parts <= 1)
            return [(null, 1.0)];

        if (table.IntegerKey is not null)
        {
            await using var command = new NpgsqlCommand($"SELECT min({Identifier.Quote(table.IntegerKey)})::bigint, max({Identifier.Quote(table.IntegerKey)})::bigint FROM ONLY {table.QualifiedName}", connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            if (reader.IsDBNull(0))
                return [(null, 1.0)];
            return KeyRanges(Identifier.Quote(table.IntegerKey), reader.GetInt64(0), reader.GetInt64(1), parts);
        }

        if (SourceMajorVersion < 14)
            return [(null, 1.0)];
        return BlockRanges(table.Bytes / 8192, parts);
    }

    /// <summary>Ranges [min, b1), [b1, b2), … [bn, ∞) over the key; the first is open below, the last open above.</summary>
    public static IReadOnlyList<(string? Condition, double Share)> KeyRanges(string quotedKey, long min, long max, int parts)
    {
        var span = (decimal)max - min + 1;
        parts = (int)Math.Min(parts, span);
        if (parts <= 1)
            return [(null, 1.0)];
        var bounds = Enumerable.Range(1, parts - 1).Select(i => (long)(min + decimal.Floor(span * i / parts))).Distinct().ToList();
        var ranges = new List<(string?, double)>();
        var share = 1.0 / (bounds.Count + 1);
        ranges.Add((string.Create(CultureInfo.InvariantCulture, $"{quotedKey} < {bounds[0]}"), share));
        for (var i = 1; i < bounds.Count; i++)
            ranges.Add((string.Create(CultureInfo.InvariantCulture, $"{quotedKey} >= {bounds[i - 1]} AND {quotedKey} < {bounds[i]}"), share));
        ranges.Add((string.Create(CultureInfo.InvariantCulture, $"{quotedKey} >= {bounds[^1]}"), share));
        return ranges;
    }

    /// <summary>ctid block ranges; the last is open-ended so pages added after planning are not lost.</summary>
    public static IReadOnlyList<(string? Condition, double Share)> BlockRanges(long pages, int parts)
    {
        parts = (int)Math.Min(parts, Math.Max(pages, 1));
        if (parts <= 1)
            return [(null, 1.0)];
        var per = (pages + parts - 1) / parts;
        var ranges = new List<(string?, double)>();
        var share = 1.0 / parts;
        for (long start = 0; start < pages; start += per)
        {
            var end = start + per;
            ranges.Add(end >= pages
                ? (string.Create(CultureInfo.InvariantCulture, $"ctid >= '({start},0)'::tid"), share)
                : start == 0
                    ? (string.Create(CultureInfo.InvariantCulture, $"ctid < '({end},0)'::tid"), share)
                    : (string.Create(CultureInfo.InvariantCulture, $"ctid >= '({start},0)'::tid AND ctid < '({end},0)'::tid"), share));
        }

        return ranges;
    }
}
