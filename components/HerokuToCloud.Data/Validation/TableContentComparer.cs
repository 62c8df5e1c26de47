using System.Globalization;
using HerokuToCloud.Data.Progress;

namespace HerokuToCloud.Data.Validation;

/// <summary>
/// Compares one table's content on both sides and, when it differs, narrows the difference down to rows.
///
/// 1. Checksum: each side sums its row hashes over the whole table in one sequential scan, a large table
///    with PostgreSQL parallel workers (<see cref="ParallelScan"/>). Equal counts and sums: identical.
///    <paramref name="sourcePages"/> and <paramref name="targetPages"/> are the pages of every compared table
///    on each side, from which a table's share of the sessions follows.
/// 2. Bisection: a differing chunk is split by more bits of the key hash and re-hashed on both sides in
///    one pass (GROUP BY chunk); only the children whose checksums differ are kept, recursively, until a
///    chunk holds few enough rows to compare row by row.
/// 3. Leaves: the rows of the differing chunks are fetched as (row hash, key) and matched by key: a key on
///    the source only is a missing row, on the target only an extra row, on both with different hashes a
///    changed row. Without a primary key the rows are a multiset matched by row hash (with counts, so
///    duplicates are handled), and reported with their ctid on the side that holds them.
/// </summary>
internal sealed class TableContentComparer(SnapshotSessions source, SnapshotSessions target, ValidationOptions options, IDataProgress progress, long sourcePages, long targetPages)
{
    /// <summary>Bits a split adds; 256 children per differing chunk.</summary>
    private const int SplitBits = 8;

    /// <summary>No chunk is cut finer than this.</summary>
    private const int MaxBits = 56;

    /// <summary>At most 2^16 chunks in the first split: small enough for PostgreSQL's hash aggregate to stay in memory.</summary>
    private const int MaxInitialBits = 16;

    public async Task<TableValidation> CompareAsync(TablePair pair, CancellationToken cancellationToken)
    {
        var name = pair.DisplayName;
        var started = 0;
        long rowsDone = 0;

        void Start()
        {
            if (Interlocked.Exchange(ref started, 1) == 0)
                progress.TableStarted(name, Math.Max(pair.Source.EstimatedRows, 0));
        }

        async Task<ChunkChecksum> ChecksumAsync(SnapshotSessions side)
        {
            var sum = await WholeTableAsync(side, pair, (connection, parallelWorkers) =>
            {
                Start();
                return ChunkQueries.ChecksumAsync(connection, pair, parallelWorkers, cancellationToken);
            }, cancellationToken);
            progress.TableAdvanced(name, Interlocked.Add(ref rowsDone, sum.Rows) / 2);
            return sum;
        }

        var both = await Task.WhenAll(ChecksumAsync(source), ChecksumAsync(target));
        var (s, t) = (both[0], both[1]);
        var result = new TableValidation(name, TableStatus.Identical, s.Rows, t.Rows)
        {
            KeyColumns = pair.Key.Select(k => k.Name).ToList(),
            Reason = pair.Reason,
        };
        if (s != t)
        {
            progress.Note($"{name}: content differs; narrowing to the differing rows");
            result = await NarrowAsync(pair, result, s, t, cancellationToken);
        }

        progress.TableFinished(name, s.Rows);
        return result;
    }

    private sealed record PendingChunk(HashChunk Chunk, long SourceRows, long TargetRows, bool Unsplittable = false)
    {
        public long Rows => Math.Max(SourceRows, TargetRows);
    }

    private async Task<TableValidation> NarrowAsync(TablePair pair, TableValidation result, ChunkChecksum s, ChunkChecksum t, CancellationToken cancellationToken)
    {
        var pending = new List<PendingChunk> { new(HashChunk.Whole, s.Rows, t.Rows) };
        var leaves = new List<PendingChunk>();
        while (pending.Count > 0)
        {
            var large = new List<PendingChunk>();
            foreach (var chunk in pending)
            {
                if (chunk.Rows <= options.LeafRows || chunk.Unsplittable || chunk.Chunk.Bits >= MaxBits)
                    leaves.Add(chunk);
                else
                    large.Add(chunk);
            }

            if (large.Count == 0)
                break;
            pending = [];
            foreach (var level in large.GroupBy(c => c.Chunk.Bits))
                pending.AddRange(await SplitAsync(pair, level.Key, level.ToList(), cancellationToken));
        }

        return await CompareLeavesAsync(pair, result, leaves, cancellationToken);
    }

    private async Task<List<PendingChunk>> SplitAsync(TablePair pair, int parentBits, List<PendingChunk> parents, CancellationToken cancellationToken)
    {
        var childBits = parentBits == 0 ? InitialBits(parents.Max(p => p.Rows)) : Math.Min(parentBits + SplitBits, MaxBits);
        var values = parents.Select(p => p.Chunk.Value).ToList();
        // Each split pass reads the whole table, as the checksum pass did.
        Task<Dictionary<long, ChunkChecksum>> Split(SnapshotSessions side) => WholeTableAsync(
            side, pair, (c, parallelWorkers) => ChunkQueries.SplitAsync(c, pair, parentBits, values, childBits, parallelWorkers, cancellationToken), cancellationToken);
        var sides = await Task.WhenAll(Split(source), Split(target));
        var parentMask = new HashChunk(parentBits, 0).Mask;
        var byParent = parents.ToDictionary(p => p.Chunk.Value);
        var differing = new List<PendingChunk>();
        foreach (var value in sides[0].Keys.Union(sides[1].Keys).Order())
        {
            var sc = sides[0].GetValueOrDefault(value, ChunkChecksum.Empty);
            var tc = sides[1].GetValueOrDefault(value, ChunkChecksum.Empty);
            if (sc == tc)
                continue;
            var parent = byParent[value & parentMask];

            // Without a key, identical rows share a hash and can never be separated: when a split leaves a
            // chunk as big as its parent, compare it as a leaf (its rows are fetched grouped by hash).
            var unsplittable = !pair.HasKey && sc.Rows == parent.SourceRows && tc.Rows == parent.TargetRows;
            differing.Add(new PendingChunk(new HashChunk(childBits, value), sc.Rows, tc.Rows, unsplittable));
        }

        return differing;
    }

    /// <summary>
    /// Runs a query that reads the whole of one side's table: it takes that side's sessions in proportion to
    /// the table's share of the side's pages (<see cref="ParallelScan"/>) and asks for one parallel worker per
    /// extra session it holds.
    /// </summary>
    private Task<T> WholeTableAsync<T>(SnapshotSessions side, TablePair pair, Func<Npgsql.NpgsqlConnection, int, Task<T>> query, CancellationToken cancellationToken)
    {
        var (table, totalPages) = side == source ? (pair.Source, sourcePages) : (pair.Target, targetPages);
        return side.WithWorkersAsync(
            ParallelScan.Sessions(table.Pages, totalPages, side.Workers),
            (connection, sessions) => Run(side, pair.DisplayName, () => query(connection, sessions - 1)),
            cancellationToken);
    }

    /// <summary>Enough bits that an average chunk holds a quarter of a leaf, so nearly every differing chunk is a leaf after one split.</summary>
    private int InitialBits(long rows)
    {
        var bits = 1;
        while (bits < MaxInitialBits && (rows >> bits) * 4 > options.LeafRows)
            bits++;
        return bits;
    }

    private async Task<TableValidation> CompareLeavesAsync(TablePair pair, TableValidation result, List<PendingChunk> leaves, CancellationToken cancellationToken)
    {
        // Fetch leaves within the budget; the rest only contribute their count difference (a lower bound).
        var fetched = new List<PendingChunk>();
        var budget = options.MaxRowsNarrowed;
        long missing = 0, extra = 0, changed = 0;
        var exact = true;
        foreach (var leaf in leaves.OrderBy(l => l.Chunk.Bits).ThenBy(l => l.Chunk.Value))
        {
            if (fetched.Count == 0 || leaf.Rows <= budget || leaf.Unsplittable)
            {
                fetched.Add(leaf);
                budget -= leaf.Rows;
            }
            else
            {
                exact = false;
                missing += Math.Max(0, leaf.SourceRows - leaf.TargetRows);
                extra += Math.Max(0, leaf.TargetRows - leaf.SourceRows);
            }
        }

        var ctidsPerHash = options.MaxListedRowsPerTable;
        async Task<List<LeafRow>> RowsAsync(SnapshotSessions side)
        {
            var rows = new List<LeafRow>();
            foreach (var level in fetched.GroupBy(l => l.Chunk.Bits))
            {
                var values = level.Select(l => l.Chunk.Value).ToList();
                rows.AddRange(await side.WithWorkerAsync(c => Run(side, pair.DisplayName, () => ChunkQueries.LeafRowsAsync(c, pair, level.Key, values, ctidsPerHash, cancellationToken)), cancellationToken));
            }

            return rows;
        }

        var sides = await Task.WhenAll(RowsAsync(source), RowsAsync(target));
        var found = pair.HasKey ? MatchByKey(sides[0], sides[1]) : MatchByContent(sides[0], sides[1]);
        missing += found.Where(f => f.Kind == RowDifferenceKind.Missing).Sum(f => f.Repeat);
        extra += found.Where(f => f.Kind == RowDifferenceKind.Extra).Sum(f => f.Repeat);
        changed += found.Where(f => f.Kind == RowDifferenceKind.Changed).Sum(f => f.Repeat);

        var listed = found.Take(options.MaxListedRowsPerTable).ToList();
        var rows = pair.HasKey
            ? await DescribeKeyedAsync(pair, listed, cancellationToken)
            : await DescribeKeylessAsync(pair, listed, cancellationToken);

        return result with
        {
            Status = TableStatus.Different,
            MissingRows = missing,
            ExtraRows = extra,
            ChangedRows = changed,
            TotalsExact = exact,
            Rows = rows,
        };
    }

    /// <summary>A difference found at a leaf, before it is described for the report.</summary>
    private sealed record Found(RowDifferenceKind Kind, string[] Key, string? Ctid, long Repeat = 1);

    private static List<Found> MatchByKey(List<LeafRow> sourceRows, List<LeafRow> targetRows)
    {
        var targetByKey = new Dictionary<string, List<LeafRow>>(StringComparer.Ordinal);
        foreach (var row in targetRows)
        {
            var id = LeafRow.Identity(row.Key);
            if (!targetByKey.TryGetValue(id, out var list))
                targetByKey[id] = list = [];
            list.Add(row);
        }

        var found = new List<Found>();
        foreach (var row in sourceRows)
        {
            var id = LeafRow.Identity(row.Key);
            if (!targetByKey.TryGetValue(id, out var candidates) || candidates.Count == 0)
            {
                found.Add(new Found(RowDifferenceKind.Missing, row.Key, null));
                continue;
            }

            var same = candidates.FindIndex(c => c.Hash == row.Hash);
            var match = same >= 0 ? same : 0;
            if (same < 0)
                found.Add(new Found(RowDifferenceKind.Changed, row.Key, null));
            candidates.RemoveAt(match);
        }

        // What is left on the target: keys the source lacks, or a key the target holds twice.
        foreach (var leftover in targetByKey.Values.SelectMany(l => l))
            found.Add(new Found(RowDifferenceKind.Extra, leftover.Key, null));

        found.Sort((a, b) =>
        {
            var byKey = KeyOrder.Compare(a.Key, b.Key);
            return byKey != 0 ? byKey : a.Kind.CompareTo(b.Kind);
        });
        return found;
    }

    private static List<Found> MatchByContent(List<LeafRow> sourceRows, List<LeafRow> targetRows)
    {
        var targetByHash = targetRows.GroupBy(r => r.Hash).ToDictionary(g => g.Key, g => g.First());
        var sourceByHash = sourceRows.GroupBy(r => r.Hash).ToDictionary(g => g.Key, g => g.First());
        var found = new List<Found>();
        foreach (var (hash, row) in sourceByHash)
        {
            var other = targetByHash.GetValueOrDefault(hash)?.Count ?? 0;
            if (row.Count > other)
                found.AddRange(Spread(RowDifferenceKind.Missing, row, row.Count - other));
        }

        foreach (var (hash, row) in targetByHash)
        {
            var other = sourceByHash.GetValueOrDefault(hash)?.Count ?? 0;
            if (row.Count > other)
                found.AddRange(Spread(RowDifferenceKind.Extra, row, row.Count - other));
        }

        found.Sort((a, b) => a.Kind != b.Kind ? a.Kind.CompareTo(b.Kind) : KeyOrder.CompareCtid(a.Ctid, b.Ctid));
        return found;
    }

    /// <summary>The surplus copies of a row: one finding per ctid fetched, the last one carrying the rest of the count.</summary>
    private static IEnumerable<Found> Spread(RowDifferenceKind kind, LeafRow row, long surplus)
    {
        // The ctids fetched are the first of the group; which copies are "the surplus" is arbitrary, so the last ones are shown.
        var ctids = row.Ctids.Length <= surplus ? row.Ctids : row.Ctids[^(int)surplus..];
        for (var i = 0; i < ctids.Length; i++)
            yield return new Found(kind, [], ctids[i], i == ctids.Length - 1 ? surplus - ctids.Length + 1 : 1);
        if (ctids.Length == 0)
            yield return new Found(kind, [], null, surplus);
    }

    private async Task<List<RowDifference>> DescribeKeyedAsync(TablePair pair, List<Found> listed, CancellationToken cancellationToken)
    {
        var changedKeys = listed.Where(f => f.Kind == RowDifferenceKind.Changed).Select(f => f.Key).ToList();
        Dictionary<string, ColumnValues>[] values = [[], []];
        if (changedKeys.Count > 0)
        {
            values = await Task.WhenAll(
                source.WithWorkerAsync(c => Run(source, pair.DisplayName, () => ChunkQueries.ColumnValuesAsync(c, pair, Side.Source, changedKeys, options.IncludeValues, cancellationToken)), cancellationToken),
                target.WithWorkerAsync(c => Run(target, pair.DisplayName, () => ChunkQueries.ColumnValuesAsync(c, pair, Side.Target, changedKeys, options.IncludeValues, cancellationToken)), cancellationToken));
        }

        var rows = new List<RowDifference>();
        foreach (var found in listed)
        {
            var key = pair.Key.Select((k, i) => new KeyValue(k.Name, found.Key[i])).ToList();
            var columns = new List<ColumnDifference>();
            var id = LeafRow.Identity(found.Key);
            if (found.Kind == RowDifferenceKind.Changed && values[0].TryGetValue(id, out var sv) && values[1].TryGetValue(id, out var tv))
            {
                for (var c = 0; c < pair.Columns.Count; c++)
                {
                    if (!string.Equals(sv.Digests[c], tv.Digests[c], StringComparison.Ordinal))
                        columns.Add(new ColumnDifference(pair.Columns[c].Name, sv.Shown[c], tv.Shown[c]));
                }
            }

            rows.Add(new RowDifference(found.Kind, key) { Columns = columns });
        }

        return rows;
    }

    private async Task<List<RowDifference>> DescribeKeylessAsync(TablePair pair, List<Found> listed, CancellationToken cancellationToken)
    {
        Dictionary<string, string>[] texts = [[], []];
        if (options.IncludeValues)
        {
            var sourceCtids = listed.Where(f => f.Kind == RowDifferenceKind.Missing && f.Ctid is not null).Select(f => f.Ctid!).ToList();
            var targetCtids = listed.Where(f => f.Kind == RowDifferenceKind.Extra && f.Ctid is not null).Select(f => f.Ctid!).ToList();
            texts = await Task.WhenAll(
                sourceCtids.Count == 0 ? Task.FromResult(new Dictionary<string, string>()) : source.WithWorkerAsync(c => Run(source, pair.DisplayName, () => ChunkQueries.RowTextsAsync(c, pair, sourceCtids, cancellationToken)), cancellationToken),
                targetCtids.Count == 0 ? Task.FromResult(new Dictionary<string, string>()) : target.WithWorkerAsync(c => Run(target, pair.DisplayName, () => ChunkQueries.RowTextsAsync(c, pair, targetCtids, cancellationToken)), cancellationToken));
        }

        return listed.Select(f =>
        {
            var onSource = f.Kind == RowDifferenceKind.Missing;
            var text = f.Ctid is null ? null : (onSource ? texts[0] : texts[1]).GetValueOrDefault(f.Ctid);
            if (text is not null && f.Repeat > 1)
                text += string.Create(CultureInfo.InvariantCulture, $" (and {f.Repeat - 1:N0} more identical rows)");
            return new RowDifference(f.Kind, [])
            {
                SourceCtid = onSource ? f.Ctid : null,
                TargetCtid = onSource ? null : f.Ctid,
                Row = text,
            };
        }).ToList();
    }

    /// <summary>Runs a query of a table on a side; a server error becomes a message naming both.</summary>
    private static async Task<T> Run<T>(SnapshotSessions side, string table, Func<Task<T>> query)
    {
        try
        {
            return await query();
        }
        catch (Npgsql.PostgresException ex)
        {
            throw new DataMigrationException($"comparing {table} failed on the {side.Name} database {side.Endpoint}: {ex.MessageText} (SQLSTATE {ex.SqlState}).", ex);
        }
        catch (Npgsql.NpgsqlException ex) when (ex is not Npgsql.PostgresException)
        {
            throw new DataMigrationException($"comparing {table} failed: lost the {side.Name} database {side.Endpoint} ({ex.InnerException?.Message ?? ex.Message}).", ex);
        }
    }
}
