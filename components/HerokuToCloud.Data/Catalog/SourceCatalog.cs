using HerokuToCloud.Data.Connections;
using Npgsql;

namespace HerokuToCloud.Data.Catalog;

/// <summary>
/// Reads what the engine copies from the source, inside the caller's transaction so that every answer
/// belongs to the exported snapshot: tables (leaf partitions, not partitioned parents), their copyable
/// columns and split keys, sequences, large objects and extensions.
/// </summary>
public static class SourceCatalog
{
    private const string UserSchemas = """
        n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp%'
        """;

    public static async Task<IReadOnlyList<TableInfo>> ReadTablesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var typeCatalog = await ReadTypesAsync(connection, cancellationToken);

        // relkind 'r' is a table with storage: plain tables and leaf partitions. Partitioned parents ('p')
        // hold no rows, so copying leaves alone copies every row exactly once. Extension members are created
        // by CREATE EXTENSION, except the rows of configuration tables that pg_dump would also carry.
        var sql = $"""
            SELECT c.oid, n.nspname, c.relname, GREATEST(c.reltuples, 0)::bigint, pg_relation_size(c.oid),
                   (SELECT a.attname FROM pg_index i
                      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
                     WHERE i.indrelid = c.oid AND i.indisprimary AND i.indnkeyatts = 1
                       AND a.atttypid IN ('int2'::regtype, 'int4'::regtype, 'int8'::regtype)),
                   ext.condition,
                   ext.condition IS NOT NULL AS is_config,
                   EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e') AS member,
                   pg_indexes_size(c.oid)
              FROM pg_class c
              JOIN pg_namespace n ON n.oid = c.relnamespace
              LEFT JOIN LATERAL (
                   SELECT COALESCE(e.extcondition[array_position(e.extconfig, c.oid)], '') AS condition
                     FROM pg_extension e WHERE c.oid = ANY (e.extconfig)) ext ON true
             WHERE c.relkind = 'r' AND c.relpersistence <> 't' AND {UserSchemas}
             ORDER BY n.nspname, c.relname
            """;
        var found = new List<(uint Oid, TableInfo Table)>();
        await using (var command = new NpgsqlCommand(sql, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var isConfig = reader.GetBoolean(7);
                var member = reader.GetBoolean(8);
                if (member && !isConfig)
                    continue;
                var condition = reader.IsDBNull(6) ? null : reader.GetString(6);
                found.Add((reader.GetFieldValue<uint>(0), new TableInfo
                {
                    Schema = reader.GetString(1),
                    Name = reader.GetString(2),
                    EstimatedRows = reader.GetInt64(3),
                    Bytes = reader.GetInt64(4),
                    IndexBytes = reader.GetInt64(9),
                    IntegerKey = reader.IsDBNull(5) ? null : reader.GetString(5),
                    ExtensionCondition = member ? StripWhere(condition) : null,
                    ExtensionConfiguration = member,
                    Columns = [],
                }));
            }
        }

        var columns = await ReadColumnsAsync(connection, found.Select(f => f.Oid).ToArray(), cancellationToken);
        var rerouted = await EnumHashPartitions.ReadAsync(connection, cancellationToken);
        return found.Select(f =>
        {
            var own = columns.GetValueOrDefault(f.Oid) ?? [];
            var reason = own.Select(c => c.TypeOid).Distinct().Select(typeCatalog.TextFormatReason).FirstOrDefault(r => r is not null);
            var through = rerouted.GetValueOrDefault(f.Oid) is { } member ? Identifier.Qualify(member.RootSchema, member.RootName) : null;
            return f.Table with { Columns = own.Select(c => c.Name).ToList(), TextFormatReason = reason, LoadThrough = through };
        }).ToList();
    }

    /// <summary>The user sequences (not extension members) by schema and name; a catalog read that locks none of them.</summary>
    public static async Task<IReadOnlyList<(string Schema, string Name)>> ReadSequenceNamesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var names = new List<(string Schema, string Name)>();
        var sql = $"""
            SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind = 'S' AND {UserSchemas}
               AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
             ORDER BY 1, 2
            """;
        await using (var command = new NpgsqlCommand(sql, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                names.Add((reader.GetString(0), reader.GetString(1)));
        }

        return names;
    }

    /// <summary>The values of the sequences <paramref name="names"/> (as <see cref="ReadSequenceNamesAsync"/> read them in the same snapshot).</summary>
    public static async Task<IReadOnlyList<SequenceInfo>> ReadSequencesAsync(NpgsqlConnection connection, IReadOnlyList<(string Schema, string Name)> names, CancellationToken cancellationToken)
    {
        // Reading a sequence locks it until the transaction ends, and this runs in the coordinator's snapshot
        // transaction, which stays open: release the locks as the reads go.
        var sequences = new List<SequenceInfo>();
        var locks = await LockRelease.BeginAsync(connection, LockRelease.RelationsPerRelease, cancellationToken);
        foreach (var (schema, name) in names)
        {
            await using (var command = new NpgsqlCommand($"SELECT last_value, is_called FROM {Identifier.Qualify(schema, name)}", connection))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                await reader.ReadAsync(cancellationToken);
                sequences.Add(new SequenceInfo(schema, name, reader.GetInt64(0), reader.GetBoolean(1)));
            }

            await locks.ReadDoneAsync(cancellationToken);
        }

        await locks.EndAsync(cancellationToken);
        return sequences;
    }

    public static async Task<IReadOnlyList<uint>> ReadLargeObjectsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var oids = new List<uint>();
        await using var command = new NpgsqlCommand("SELECT oid FROM pg_largeobject_metadata ORDER BY oid", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            oids.Add(reader.GetFieldValue<uint>(0));
        return oids;
    }

    /// <summary>Extensions the schema needs, with their schemas (plpgsql is always there).</summary>
    public static async Task<IReadOnlyList<SourceExtension>> ReadExtensionsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var extensions = new List<SourceExtension>();
        await using var command = new NpgsqlCommand(
            "SELECT e.extname, n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql' ORDER BY 1", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            extensions.Add(new SourceExtension(reader.GetString(0), reader.GetString(1)));
        return extensions;
    }

    public static async Task<Connections.ServerVersion> ReadVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT current_setting('server_version_num')", connection);
        return Connections.ServerVersion.Parse((string)(await command.ExecuteScalarAsync(cancellationToken))!);
    }

    private static async Task<TypeCatalog> ReadTypesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var types = new Dictionary<uint, TypeCatalog.PgType>();
        await using var command = new NpgsqlCommand(
            "SELECT oid, format_type(oid, NULL), typtype, typbasetype, typelem, typcategory, typsend <> 0 AND typreceive <> 0 FROM pg_type",
            connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var oid = reader.GetFieldValue<uint>(0);
            types[oid] = new TypeCatalog.PgType(oid, reader.GetString(1), reader.GetChar(2), reader.GetFieldValue<uint>(3), reader.GetFieldValue<uint>(4), reader.GetChar(5), reader.GetBoolean(6));
        }

        return new TypeCatalog(types);
    }

    private static async Task<Dictionary<uint, List<(string Name, uint TypeOid)>>> ReadColumnsAsync(NpgsqlConnection connection, uint[] tables, CancellationToken cancellationToken)
    {
        var columns = new Dictionary<uint, List<(string, uint)>>();
        await using var command = new NpgsqlCommand(
            """
            SELECT attrelid, attname, atttypid FROM pg_attribute
             WHERE attrelid = ANY (@tables) AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
             ORDER BY attrelid, attnum
            """, connection);
        command.Parameters.AddWithValue("tables", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Oid, tables);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var table = reader.GetFieldValue<uint>(0);
            if (!columns.TryGetValue(table, out var list))
                columns[table] = list = [];
            list.Add((reader.GetString(1), reader.GetFieldValue<uint>(2)));
        }

        return columns;
    }

    private static string? StripWhere(string? condition)
    {
        if (string.IsNullOrWhiteSpace(condition))
            return null;
        var trimmed = condition.Trim();
        return trimmed.StartsWith("WHERE ", StringComparison.OrdinalIgnoreCase) ? trimmed[6..] : trimmed;
    }
}
