using System.Buffers;
using System.Diagnostics;
using HerokuToCloud.Data.Catalog;
using HerokuToCloud.Data.State;
using Npgsql;

namespace HerokuToCloud.Data.Copy;

/// <summary>
/// Copies one unit straight from a source session into a target session: the source streams
/// <c>COPY (SELECT …) TO STDOUT (FORMAT binary)</c>, the bytes go unchanged into the target's
/// <c>COPY … FROM STDIN (FORMAT binary)</c> through two fixed buffers (reading the next while the last is
/// written), so memory stays flat whatever the table's size. Tables whose values embed type OIDs travel as
/// text COPY instead. The target transaction holds the rows and the unit's done mark and commits both at once.
///
/// A unit that is a whole table of a megabyte or more empties it and loads it with <c>COPY … FREEZE</c> in that
/// transaction: the rows arrive frozen and their pages all-visible, so the first scan on the target (an index
/// build, a foreign key check, validation) sets no hint bits and autovacuum never has to rewrite those pages to
/// freeze them. FREEZE needs the table emptied in the same transaction; key and ctid ranges share their table
/// with other units, which rules it out for them. Below a megabyte the emptying (a new file for the table) costs
/// more than the vacuum it saves.
/// </summary>
public sealed class UnitCopier(string snapshot, TableProgress progress)
{
    private const int BufferBytes = 256 * 1024;
    private const int LargeObjectChunk = 1024 * 1024;
    private const long FreezeMinimumBytes = 1024 * 1024;

    /// <summary>What one unit moved.</summary>
    public sealed record Result(long Rows, long Bytes, double Seconds, bool Text);

    public async Task<Result> CopyAsync(NpgsqlConnection source, NpgsqlConnection target, CopyUnit unit, TableInfo? table, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await ExecuteAsync(source, "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY", cancellationToken);
        await ExecuteAsync(source, $"SET TRANSACTION SNAPSHOT {Identifier.Literal(snapshot)}", cancellationToken);
        try
        {
            await using var transaction = await target.BeginTransactionAsync(cancellationToken);
            var freeze = table is not null && Freezes(unit, table);
            if (freeze)
                await ExecuteAsync(target, $"TRUNCATE ONLY {table!.QualifiedName}", cancellationToken);
            (long Rows, long Bytes) moved;
            bool text = false;
            if (unit.Kind == CopyUnitKind.LargeObjects)
            {
                moved = await CopyLargeObjectsAsync(source, target, unit, cancellationToken);
            }
            else
            {
                var info = table ?? throw new DataMigrationException($"table {unit.DisplayName} is in the recorded plan but no longer on the source. The source changed during an interrupted run: rerun with --replace to start over.");
                text = info.TextFormatReason is not null;
                moved = text
                    ? await CopyTextAsync(source, target, unit, info, freeze, cancellationToken)
                    : await CopyBinaryAsync(source, target, unit, info, freeze, cancellationToken);
            }

            await using (var mark = MigrationState.MarkUnitDone(target, transaction, unit.Id, moved.Rows, moved.Bytes, clock.Elapsed.TotalSeconds))
                await mark.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new Result(moved.Rows, moved.Bytes, clock.Elapsed.TotalSeconds, text);
        }
        finally
        {
            if (source.FullState == System.Data.ConnectionState.Open)
                await ExecuteAsync(source, "ROLLBACK", CancellationToken.None);
        }
    }

    public static string SelectSql(CopyUnit unit, TableInfo table)
    {
        var conditions = new[] { unit.Condition, table.ExtensionCondition }.Where(c => c is not null).ToList();
        var where = conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions.Select(c => $"({c})"));
        var columns = table.Columns.Count == 0 ? "" : table.ColumnList;
        return $"SELECT {columns} FROM ONLY {table.QualifiedName}{where}";
    }

    /// <summary>
    /// Whether the unit is loaded frozen: it writes every row its target table will hold (a whole table of its
    /// own, not an extension's configuration table, where the extension's own rows are, and not rows routed
    /// through a partition root), and the table is worth it.
    /// </summary>
    private static bool Freezes(CopyUnit unit, TableInfo table) =>
        unit.Kind == CopyUnitKind.Table && unit.Condition is null && !table.ExtensionConfiguration && table.LoadThrough is null &&
        unit.EstimatedBytes >= FreezeMinimumBytes;

    private static string CopyInSql(TableInfo table, bool binary, bool freeze)
    {
        var options = new[] { binary ? "FORMAT binary" : null, freeze ? "FREEZE" : null }.OfType<string>().ToList();
        return $"COPY {table.LoadThrough ?? table.QualifiedName}{(table.Columns.Count == 0 ? "" : $" ({table.ColumnList})")} FROM STDIN" +
               (options.Count == 0 ? "" : $" ({string.Join(", ", options)})");
    }

    private async Task<(long Rows, long Bytes)> CopyBinaryAsync(NpgsqlConnection source, NpgsqlConnection target, CopyUnit unit, TableInfo table, bool freeze, CancellationToken cancellationToken)
    {
        var counter = new BinaryCopyRowCounter();
        var buffers = new[] { ArrayPool<byte>.Shared.Rent(BufferBytes), ArrayPool<byte>.Shared.Rent(BufferBytes) };
        long bytes = 0, reported = 0;
        var writer = await target.BeginRawBinaryCopyAsync(CopyInSql(table, binary: true, freeze), cancellationToken);
        var pendingWrite = Task.CompletedTask;
        try
        {
            await using (var reader = await source.BeginRawBinaryCopyAsync($"COPY ({SelectSql(unit, table)}) TO STDOUT (FORMAT binary)", cancellationToken))
            {
                var current = 0;
                while (true)
                {
                    var read = await FillAsync(reader, buffers[current], cancellationToken);
                    await pendingWrite;
                    if (read == 0)
                        break;
                    counter.Feed(buffers[current].AsSpan(0, read));
                    bytes += read;
                    pendingWrite = writer.WriteAsync(buffers[current].AsMemory(0, read), cancellationToken).AsTask();
                    current ^= 1;
                    if (counter.Rows - reported >= 5000)
                    {
                        progress.Advanced(unit.DisplayName, counter.Rows - reported);
                        reported = counter.Rows;
                    }
                }
            }

            await writer.DisposeAsync();
        }
        catch
        {
            progress.Discarded(unit.DisplayName, reported);
            // A write still in flight uses the connection and a buffer: both must be free before the copy is
            // cancelled on that connection and the buffers go back to the pool.
            await Task.WhenAny(pendingWrite);
            await CancelQuietlyAsync(writer);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffers[0]);
            ArrayPool<byte>.Shared.Return(buffers[1]);
        }

        progress.Advanced(unit.DisplayName, counter.Rows - reported);
        return (counter.Rows, bytes);
    }

    /// <summary>
    /// Reads until <paramref name="buffer"/> is full or the stream ends. A raw copy stream returns at most one
    /// CopyData message per read, and the server sends one message per row: passing each read on as it came
    /// cost a write, a counter call and an await per row (1.4 of the 10 CPU-seconds a bench migrate took).
    /// </summary>
    private static async ValueTask<int> FillAsync(NpgsqlRawCopyStream reader, byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await reader.ReadAsync(buffer.AsMemory(filled), cancellationToken);
            if (read == 0)
                break;
            filled += read;
        }

        return filled;
    }

    private async Task<(long Rows, long Bytes)> CopyTextAsync(NpgsqlConnection source, NpgsqlConnection target, CopyUnit unit, TableInfo table, bool freeze, CancellationToken cancellationToken)
    {
        // Object references (regclass, regtype …) print unqualified when visible on the source's search_path,
        // which the target may resolve differently; with only pg_catalog searched they print schema-qualified,
        // as pg_dump writes them. SET LOCAL ends with the unit's source transaction.
        await ExecuteAsync(source, "SET LOCAL search_path = pg_catalog", cancellationToken);
        var buffer = ArrayPool<char>.Shared.Rent(BufferBytes / 2);
        long rows = 0, chars = 0, reported = 0;
        var writer = await target.BeginTextImportAsync(CopyInSql(table, binary: false, freeze), cancellationToken);
        try
        {
            using (var reader = await source.BeginTextExportAsync($"COPY ({SelectSql(unit, table)}) TO STDOUT", cancellationToken))
            {
                int read;
                while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
                {
                    rows += buffer.AsSpan(0, read).Count('\n');
                    chars += read;
                    await writer.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    if (rows - reported >= 5000)
                    {
                        progress.Advanced(unit.DisplayName, rows - reported);
                        reported = rows;
                    }
                }
            }

            await writer.DisposeAsync();
        }
        catch
        {
            progress.Discarded(unit.DisplayName, reported);
            if (writer is NpgsqlCopyTextWriter copyWriter)
            {
                try
                {
                    await copyWriter.CancelAsync();
                }
                catch (Exception ex) when (ex is NpgsqlException or IOException or InvalidOperationException)
                {
                    // the connection is already broken; the transaction is lost with it
                }
            }

            throw;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        progress.Advanced(unit.DisplayName, rows - reported);
        return (rows, chars);
    }

    /// <summary>Large objects are not table rows: read them in chunks at the snapshot with lo_get and write with lo_put into the entries pre-data created.</summary>
    private async Task<(long Rows, long Bytes)> CopyLargeObjectsAsync(NpgsqlConnection source, NpgsqlConnection target, CopyUnit unit, CancellationToken cancellationToken)
    {
        var oids = new List<uint>();
        await using (var list = new NpgsqlCommand($"SELECT oid FROM pg_largeobject_metadata WHERE {unit.Condition} ORDER BY oid", source))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                oids.Add(reader.GetFieldValue<uint>(0));
        }

        long bytes = 0;
        await using var get = new NpgsqlCommand("SELECT lo_get(@oid, @offset, @length)", source);
        var getOid = new NpgsqlParameter<uint>("oid", NpgsqlTypes.NpgsqlDbType.Oid);
        var getOffset = new NpgsqlParameter<long>("offset", NpgsqlTypes.NpgsqlDbType.Bigint);
        get.Parameters.Add(getOid);
        get.Parameters.Add(getOffset);
        get.Parameters.Add(new NpgsqlParameter<int>("length", NpgsqlTypes.NpgsqlDbType.Integer) { TypedValue = LargeObjectChunk });
        await using var put = new NpgsqlCommand("SELECT lo_put(@oid, @offset, @data)", target);
        var putOid = new NpgsqlParameter<uint>("oid", NpgsqlTypes.NpgsqlDbType.Oid);
        var putOffset = new NpgsqlParameter<long>("offset", NpgsqlTypes.NpgsqlDbType.Bigint);
        var putData = new NpgsqlParameter<byte[]>("data", NpgsqlTypes.NpgsqlDbType.Bytea);
        put.Parameters.Add(putOid);
        put.Parameters.Add(putOffset);
        put.Parameters.Add(putData);
        foreach (var oid in oids)
        {
            for (long offset = 0; ; offset += LargeObjectChunk)
            {
                getOid.TypedValue = oid;
                getOffset.TypedValue = offset;
                var chunk = (byte[])(await get.ExecuteScalarAsync(cancellationToken))!;
                if (chunk.Length > 0)
                {
                    putOid.TypedValue = oid;
                    putOffset.TypedValue = offset;
                    putData.TypedValue = chunk;
                    await put.ExecuteNonQueryAsync(cancellationToken);
                    bytes += chunk.Length;
                }

                if (chunk.Length < LargeObjectChunk)
                    break;
            }

            progress.Advanced(unit.DisplayName, 1);
        }

        return (oids.Count, bytes);
    }

    private static async Task CancelQuietlyAsync(NpgsqlRawCopyStream writer)
    {
        try
        {
            await writer.CancelAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or IOException or InvalidOperationException or ObjectDisposedException)
        {
            // the connection is already broken; the transaction is lost with it
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
