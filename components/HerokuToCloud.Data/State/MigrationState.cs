using HerokuToCloud.Data.Copy;
using HerokuToCloud.Data.Schema;
using Npgsql;

namespace HerokuToCloud.Data.State;

/// <summary>
/// The run's progress, kept in the target itself (schema <c>heroku2cloud_state</c>) so it commits in the
/// same transactions as the data it describes: a unit's rows and its "done" mark, a post-data statement
/// and its mark. Whatever kills the process, the target and its state agree, and a rerun of the same
/// command continues from there. The schema is dropped when a run completes.
/// </summary>
public sealed class MigrationState
{
    public const string SchemaName = "heroku2cloud_state";

    private const int FormatVersion = 1;

    /// <summary>What the run row records about an unfinished run.</summary>
    public sealed record RunRecord(string Mode, string Source, int Format, bool PreDataDone, bool UnitsPlanned);

    public static async Task<bool> ExistsAsync(NpgsqlConnection target, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT to_regclass('{SchemaName}.run') IS NOT NULL", target);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public static async Task<RunRecord?> ReadRunAsync(NpgsqlConnection target, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(target, cancellationToken))
            return null;
        await using var command = new NpgsqlCommand($"SELECT mode, source, format, pre_data_done, units_planned FROM {SchemaName}.run", target);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        return new RunRecord(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetBoolean(3), reader.GetBoolean(4));
    }

    public static async Task CreateAsync(NpgsqlConnection target, string mode, string source, CancellationToken cancellationToken)
    {
        var sql = $"""
            CREATE SCHEMA {SchemaName};
            COMMENT ON SCHEMA {SchemaName} IS 'heroku2cloud data migrate: progress of an unfinished run. Rerun the same command to resume; dropped when the run completes.';
            CREATE TABLE {SchemaName}.run (
                mode text NOT NULL, source text NOT NULL, format int NOT NULL,
                started_at timestamptz NOT NULL DEFAULT now(),
                pre_data_done boolean NOT NULL DEFAULT false, units_planned boolean NOT NULL DEFAULT false);
            CREATE TABLE {SchemaName}.unit (
                id int PRIMARY KEY, kind text NOT NULL, table_schema text NOT NULL, table_name text NOT NULL,
                condition text, estimated_rows bigint NOT NULL, estimated_bytes bigint NOT NULL,
                done boolean NOT NULL DEFAULT false, rows bigint, bytes bigint, seconds double precision);
            CREATE TABLE {SchemaName}.post_data (
                ordinal int PRIMARY KEY, wave int NOT NULL, kind text NOT NULL, name text NOT NULL,
                target_table text, sql text NOT NULL, done boolean NOT NULL DEFAULT false);
            INSERT INTO {SchemaName}.run (mode, source, format) VALUES (@mode, @source, {FormatVersion});
            """;
        await using var transaction = await target.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(sql, target, transaction))
        {
            command.Parameters.AddWithValue("mode", mode);
            command.Parameters.AddWithValue("source", source);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public static bool IsCompatible(RunRecord run) => run.Format == FormatVersion;

    /// <summary>Records the post-data statements still to run and that pre-data is in place, atomically.</summary>
    public static async Task MarkPreDataDoneAsync(NpgsqlConnection target, IReadOnlyList<PostDataItem> items, CancellationToken cancellationToken)
    {
        await using var transaction = await target.BeginTransactionAsync(cancellationToken);
        await using (var batch = new NpgsqlBatch(target, transaction))
        {
            foreach (var item in items)
            {
                var insert = new NpgsqlBatchCommand($"INSERT INTO {SchemaName}.post_data (ordinal, wave, kind, name, target_table, sql) VALUES ($1, $2, $3, $4, $5, $6)");
                insert.Parameters.Add(new NpgsqlParameter { Value = item.Ordinal });
                insert.Parameters.Add(new NpgsqlParameter { Value = (int)item.Wave });
                insert.Parameters.Add(new NpgsqlParameter { Value = item.Kind });
                insert.Parameters.Add(new NpgsqlParameter { Value = item.Name });
                insert.Parameters.Add(new NpgsqlParameter { Value = (object?)item.Table ?? DBNull.Value });
                insert.Parameters.Add(new NpgsqlParameter { Value = item.Sql });
                batch.BatchCommands.Add(insert);
            }

            batch.BatchCommands.Add(new NpgsqlBatchCommand($"UPDATE {SchemaName}.run SET pre_data_done = true"));
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public static async Task SaveUnitsAsync(NpgsqlConnection target, IReadOnlyList<CopyUnit> units, CancellationToken cancellationToken)
    {
        await using var transaction = await target.BeginTransactionAsync(cancellationToken);
        await using (var batch = new NpgsqlBatch(target, transaction))
        {
            foreach (var unit in units)
            {
                var insert = new NpgsqlBatchCommand($"INSERT INTO {SchemaName}.unit (id, kind, table_schema, table_name, condition, estimated_rows, estimated_bytes) VALUES ($1, $2, $3, $4, $5, $6, $7)");
                insert.Parameters.Add(new NpgsqlParameter { Value = unit.Id });
                insert.Parameters.Add(new NpgsqlParameter { Value = unit.Kind == CopyUnitKind.Table ? "table" : "large_objects" });
                insert.Parameters.Add(new NpgsqlParameter { Value = unit.Schema });
                insert.Parameters.Add(new NpgsqlParameter { Value = unit.Table });
                insert.Parameters.Add(new NpgsqlParameter { Value = (object?)unit.Condition ?? DBNull.Value });
                insert.Parameters.Add(new NpgsqlParameter { Value = unit.EstimatedRows });
                insert.Parameters.Add(new NpgsqlParameter { Value = unit.EstimatedBytes });
                batch.BatchCommands.Add(insert);
            }

            batch.BatchCommands.Add(new NpgsqlBatchCommand($"UPDATE {SchemaName}.run SET units_planned = true"));
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A unit as recorded: its plan, and whether a previous run already committed it.</summary>
    public sealed record UnitRecord(CopyUnit Unit, bool Done, long Rows, long Bytes);

    public static async Task<IReadOnlyList<UnitRecord>> ReadUnitsAsync(NpgsqlConnection target, CancellationToken cancellationToken)
    {
        var units = new List<UnitRecord>();
        await using var command = new NpgsqlCommand($"SELECT id, kind, table_schema, table_name, condition, estimated_rows, estimated_bytes, done, COALESCE(rows, 0), COALESCE(bytes, 0) FROM {SchemaName}.unit ORDER BY id", target);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            units.Add(new UnitRecord(
                new CopyUnit
                {
                    Id = reader.GetInt32(0),
                    Kind = reader.GetString(1) == "table" ? CopyUnitKind.Table : CopyUnitKind.LargeObjects,
                    Schema = reader.GetString(2),
                    Table = reader.GetString(3),
                    Condition = reader.IsDBNull(4) ? null : reader.GetString(4),
                    EstimatedRows = reader.GetInt64(5),
                    EstimatedBytes = reader.GetInt64(6),
                },
                reader.GetBoolean(7),
                reader.GetInt64(8),
                reader.GetInt64(9)));
        }

        return units;
    }

    /// <summary>The statement that marks a unit done; runs inside the unit's own target transaction.</summary>
    public static NpgsqlCommand MarkUnitDone(NpgsqlConnection target, NpgsqlTransaction transaction, int unitId, long rows, long bytes, double seconds)
    {
        var command = new NpgsqlCommand($"UPDATE {SchemaName}.unit SET done = true, rows = @rows, bytes = @bytes, seconds = @seconds WHERE id = @id AND NOT done", target, transaction);
        command.Parameters.AddWithValue("rows", rows);
        command.Parameters.AddWithValue("bytes", bytes);
        command.Parameters.AddWithValue("seconds", seconds);
        command.Parameters.AddWithValue("id", unitId);
        return command;
    }

    public static async Task<IReadOnlyList<(PostDataItem Item, bool Done)>> ReadPostDataAsync(NpgsqlConnection target, CancellationToken cancellationToken)
    {
        var items = new List<(PostDataItem, bool)>();
        await using var command = new NpgsqlCommand($"SELECT ordinal, wave, kind, name, target_table, sql, done FROM {SchemaName}.post_data ORDER BY ordinal", target);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add((new PostDataItem(reader.GetInt32(0), (PostDataWave)reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5)), reader.GetBoolean(6)));
        }

        return items;
    }

    public static NpgsqlCommand MarkPostDataDone(NpgsqlConnection target, NpgsqlTransaction transaction, int ordinal)
    {
        var command = new NpgsqlCommand($"UPDATE {SchemaName}.post_data SET done = true WHERE ordinal = @ordinal", target, transaction);
        command.Parameters.AddWithValue("ordinal", ordinal);
        return command;
    }

    public static async Task DropAsync(NpgsqlConnection target, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {SchemaName} CASCADE", target);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
