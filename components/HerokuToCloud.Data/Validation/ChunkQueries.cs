using System.Globalization;
using System.Numerics;
using HerokuToCloud.Data.Catalog;
using Npgsql;
using NpgsqlTypes;

namespace HerokuToCloud.Data.Validation;

/// <summary>
/// The server-side queries of content comparison, run on one side's snapshot session. Every query reads
/// <see cref="TablePair.Relation"/> (<c>ONLY</c> the table, but for a partition tree compared as a whole) and computes
/// hashes inside PostgreSQL: only counts, sums and, at the very end, the keys of differing rows cross
/// the network.
/// </summary>
internal static class ChunkQueries
{
    /// <summary>Characters of a value shown in a report.</summary>
    private const int ShownLength = 120;

    /// <summary>
    /// Checksum of a whole table (the first pass: one sequential read, no grouping). With
    /// <paramref name="parallelWorkers"/> above zero PostgreSQL may scan it with that many parallel workers;
    /// every other query of the session stays serial.
    /// </summary>
    public static async Task<ChunkChecksum> ChecksumAsync(NpgsqlConnection connection, TablePair pair, int parallelWorkers, CancellationToken cancellationToken)
    {
        await using var batch = WithParallelWorkers(connection, parallelWorkers, new NpgsqlBatchCommand(ChecksumSql(pair)));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new ChunkChecksum(reader.GetInt64(0), BigInteger.Parse(reader.GetString(1), CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// <paramref name="query"/> in a batch that lets PostgreSQL use <paramref name="parallelWorkers"/> parallel
    /// workers for it and makes the session serial again after it (one round trip). If the query fails, the
    /// transaction is aborted and the session retired, so the reset not running does not matter.
    /// </summary>
    private static NpgsqlBatch WithParallelWorkers(NpgsqlConnection connection, int parallelWorkers, NpgsqlBatchCommand query)
    {
        var batch = new NpgsqlBatch(connection);
        if (parallelWorkers > 0)
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"SET max_parallel_workers_per_gather = {Sql.Number(parallelWorkers)}"));
        batch.BatchCommands.Add(query);
        if (parallelWorkers > 0)
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SET max_parallel_workers_per_gather = 0"));
        return batch;
    }

    /// <summary>The whole-table checksum query: row count and the exact sum of the row hashes.</summary>
    public static string ChecksumSql(TablePair pair) =>
        $"SELECT count(*), coalesce(sum({pair.RowHashSql}), 0)::text FROM {pair.Relation}";

    /// <summary>
    /// Splits chunks of <paramref name="parentBits"/> bits (or the whole table) into chunks of
    /// <paramref name="childBits"/> bits and returns each non-empty child's checksum, in one pass, with up to
    /// <paramref name="parallelWorkers"/> PostgreSQL parallel workers.
    /// </summary>
    public static async Task<Dictionary<long, ChunkChecksum>> SplitAsync(NpgsqlConnection connection, TablePair pair, int parentBits, IReadOnlyCollection<long> parents, int childBits, int parallelWorkers, CancellationToken cancellationToken)
    {
        var childMask = Sql.Number(new HashChunk(childBits, 0).Mask);
        var parentMask = Sql.Number(new HashChunk(parentBits, 0).Mask);
        string sql;
        if (!pair.HasKey)
        {
            // The key hash is the row hash: compute it once per row behind an optimisation fence.
            var filter = parentBits == 0 ? "" : $" WHERE (x.h & {parentMask}) = ANY(@parents)";
            sql = $"SELECT x.h & {childMask}, count(*), sum(x.h)::text FROM (SELECT {pair.RowHashSql} AS h FROM {pair.Relation} OFFSET 0) x{filter} GROUP BY 1";
        }
        else if (parentBits == 0)
        {
            sql = $"SELECT x.k & {childMask}, count(*), sum(x.h)::text FROM (SELECT {pair.KeyHashSql} AS k, {pair.RowHashSql} AS h FROM {pair.Relation} OFFSET 0) x GROUP BY 1";
        }
        else
        {
            // No fence: the row hash is computed only for rows of the chunks being split.
            sql = $"SELECT ({pair.KeyHashSql}) & {childMask}, count(*), sum({pair.RowHashSql})::text FROM {pair.Relation} WHERE (({pair.KeyHashSql}) & {parentMask}) = ANY(@parents) GROUP BY 1";
        }

        var query = new NpgsqlBatchCommand(sql);
        if (parentBits != 0)
            query.Parameters.Add(new NpgsqlParameter("parents", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = parents.ToArray() });
        await using var batch = WithParallelWorkers(connection, parallelWorkers, query);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var chunks = new Dictionary<long, ChunkChecksum>();
        while (await reader.ReadAsync(cancellationToken))
            chunks[reader.GetInt64(0)] = new ChunkChecksum(reader.GetInt64(1), BigInteger.Parse(reader.GetString(2), CultureInfo.InvariantCulture));
        return chunks;
    }

    /// <summary>
    /// The rows of the given chunks. With a key: each row's hash and key values (text). Without one: each
    /// distinct row hash with how many rows have it and the ctids of the first <paramref name="ctidsPerHash"/>,
    /// so a million identical rows cost one result row.
    /// </summary>
    public static async Task<List<LeafRow>> LeafRowsAsync(NpgsqlConnection connection, TablePair pair, int bits, IReadOnlyCollection<long> chunks, int ctidsPerHash, CancellationToken cancellationToken)
    {
        var mask = Sql.Number(new HashChunk(bits, 0).Mask);
        string sql;
        if (pair.HasKey)
        {
            var keys = string.Join(", ", pair.Key.Select(k => $"{Identifier.Quote(k.Name)}::text"));
            var filter = bits == 0 ? "" : $" WHERE (({pair.KeyHashSql}) & {mask}) = ANY(@chunks)";
            sql = $"SELECT {pair.RowHashSql}, {keys} FROM {pair.Relation}{filter}";
        }
        else
        {
            var filter = bits == 0 ? "" : $" WHERE (x.h & {mask}) = ANY(@chunks)";
            sql = $"SELECT x.h, count(*), (array_agg(x.ctid ORDER BY x.ctid))[1:{Sql.Number(Math.Max(ctidsPerHash, 1))}]::text[] " +
                  $"FROM (SELECT {pair.RowHashSql} AS h, ctid FROM {pair.Relation} OFFSET 0) x{filter} GROUP BY x.h";
        }

        await using var command = new NpgsqlCommand(sql, connection);
        if (bits != 0)
            command.Parameters.Add(new NpgsqlParameter("chunks", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = chunks.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<LeafRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            if (pair.HasKey)
            {
                var key = new string[pair.Key.Count];
                for (var i = 0; i < key.Length; i++)
                    key[i] = reader.IsDBNull(i + 1) ? "NULL" : reader.GetString(i + 1);
                rows.Add(new LeafRow(reader.GetInt64(0), key, 1, []));
            }
            else
            {
                rows.Add(new LeafRow(reader.GetInt64(0), [], reader.GetInt64(1), reader.GetFieldValue<string[]>(2)));
            }
        }

        return rows;
    }

    /// <summary>
    /// For rows of a keyed table given by key text: each common column's md5 (to find which differ) and,
    /// when <paramref name="includeValues"/>, its text shortened for display.
    /// </summary>
    public static async Task<Dictionary<string, ColumnValues>> ColumnValuesAsync(NpgsqlConnection connection, TablePair pair, Side side, IReadOnlyList<string[]> keys, bool includeValues, CancellationToken cancellationToken)
    {
        var keyTexts = string.Join(", ", pair.Key.Select(k => $"{Identifier.Quote(k.Name)}::text"));
        var values = string.Join(", ", pair.Columns.Select(c =>
            includeValues
                ? $"md5({Identifier.Quote(c.Name)}::text), left({Identifier.Quote(c.Name)}::text, {ShownLength + 1})"
                : $"md5({Identifier.Quote(c.Name)}::text), NULL::text"));
        var keyList = string.Join(", ", pair.Key.Select(k => Identifier.Quote(k.Name)));
        var casts = string.Join(", ", pair.Key.Select((k, i) => $"u.k{i}::{pair.TypeName(k, side)}"));
        var arrays = string.Join(", ", pair.Key.Select((_, i) => $"@k{i}::text[]"));
        var names = string.Join(", ", pair.Key.Select((_, i) => $"k{i}"));
        var sql = $"SELECT {keyTexts}, {values} FROM {pair.Relation} WHERE ({keyList}) IN (SELECT {casts} FROM unnest({arrays}) AS u({names}))";

        await using var command = new NpgsqlCommand(sql, connection);
        for (var i = 0; i < pair.Key.Count; i++)
            command.Parameters.Add(new NpgsqlParameter($"k{i}", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = keys.Select(k => k[i]).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new Dictionary<string, ColumnValues>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = new string[pair.Key.Count];
            for (var i = 0; i < key.Length; i++)
                key[i] = reader.GetString(i);
            var digests = new string?[pair.Columns.Count];
            var shown = new string?[pair.Columns.Count];
            for (var c = 0; c < pair.Columns.Count; c++)
            {
                var at = key.Length + 2 * c;
                digests[c] = reader.IsDBNull(at) ? null : reader.GetString(at);
                shown[c] = reader.IsDBNull(at + 1) ? null : Shorten(reader.GetString(at + 1));
            }

            result[LeafRow.Identity(key)] = new ColumnValues(digests, shown);
        }

        return result;
    }

    /// <summary>Rows of a table without a key, by ctid, as shortened text.</summary>
    public static async Task<Dictionary<string, string>> RowTextsAsync(NpgsqlConnection connection, TablePair pair, IReadOnlyList<string> ctids, CancellationToken cancellationToken)
    {
        var sql = $"SELECT r.ctid::text, left(r::text, {ShownLength + 1}) FROM {pair.Relation} AS r WHERE r.ctid = ANY(@ctids::tid[])";
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter("ctids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = ctids.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
            rows[reader.GetString(0)] = Shorten(reader.GetString(1));
        return rows;
    }

    private static string Shorten(string value) => value.Length > ShownLength ? value[..ShownLength] + "…" : value;
}

/// <summary>A row fetched for row-by-row comparison (with a key), or a group of identical rows (without one).</summary>
internal sealed record LeafRow(long Hash, string[] Key, long Count, string[] Ctids)
{
    /// <summary>Key values joined unambiguously (NUL cannot occur in PostgreSQL text).</summary>
    public static string Identity(string[] key) => string.Join('\0', key);
}

/// <summary>A row's column digests (md5 of the text form, null for NULL) and display texts, in <see cref="TablePair.Columns"/> order.</summary>
internal sealed record ColumnValues(string?[] Digests, string?[] Shown);
