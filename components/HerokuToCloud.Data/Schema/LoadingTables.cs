using HerokuToCloud.Data.Catalog;
using HerokuToCloud.Data.Copy;
using HerokuToCloud.Data.State;
using Npgsql;

namespace HerokuToCloud.Data.Schema;

/// <summary>
/// Which tables still have rows on the way, so post-data can build a table's indexes and keys while other tables
/// are copied (on a real landing the source, the tool and the target are separate machines, and an index build
/// busies only the target). A table counts as loaded once every copy unit of it has committed. Only plain tables
/// qualify: a partition may receive rows through its root, and a table with inheritance children gets
/// constraints that reach into them, so statements on those (and statements whose table cannot be read) wait
/// for the whole copy. Relations are keyed as post-data statements write them. Thread-safe.
/// </summary>
public sealed class LoadingTables
{
    private readonly object gate = new();
    private readonly Dictionary<string, int> unitsLeft;
    private readonly Dictionary<string, List<string>> relationsOfTable;
    private readonly TaskCompletionSource everything = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal LoadingTables(Dictionary<string, int> unitsLeft, Dictionary<string, List<string>> relationsOfTable, IReadOnlyDictionary<string, long> sizes)
    {
        this.unitsLeft = unitsLeft;
        this.relationsOfTable = relationsOfTable;
        Sizes = sizes;
    }

    /// <summary>Raised with a relation (as post-data writes it) when it becomes loaded, and with null when the whole copy is.</summary>
    public event Action<string?>? Loaded;

    /// <summary>The source size in bytes of each relation post-data builds on (0 for a partitioned parent), to start the largest builds first.</summary>
    public IReadOnlyDictionary<string, long> Sizes { get; }

    /// <summary>Completes when every unit of the copy has committed and the sequences are set (<see cref="Finished"/>).</summary>
    public Task Everything => everything.Task;

    /// <summary>
    /// Resolves the relations named by <paramref name="items"/> and the source's <paramref name="tables"/> on the
    /// target (whose schema is restored) and counts, for each relation, its units in <paramref name="units"/> not yet done.
    /// </summary>
    public static async Task<LoadingTables> ReadAsync(NpgsqlConnection target, IReadOnlyList<PostDataItem> items, IReadOnlyList<TableInfo> tables, IReadOnlyList<MigrationState.UnitRecord> units, CancellationToken cancellationToken)
    {
        // A foreign key's referenced table too: its own keys may be built already (a resumed run), and the key still waits for it to load.
        var relations = items.SelectMany(i => new[] { PostDataScript.RelationOf(i.Sql), PostDataScript.ReferencedRelationOf(i.Sql) })
            .OfType<string>().Distinct(StringComparer.Ordinal).ToArray();

        // Both sides by OID: post-data writes names as pg_dump quotes them, the catalog keeps schema and name apart.
        var relationOids = new Dictionary<string, (uint Oid, bool Plain)>(StringComparer.Ordinal);
        var tableOids = new Dictionary<uint, TableInfo>();
        try
        {
            await using var command = new NpgsqlCommand(
                """
                SELECT r, c.oid, c.relkind = 'r' AND NOT c.relispartition AND NOT c.relhassubclass
                  FROM unnest(@relations) AS r JOIN pg_catalog.pg_class c ON c.oid = to_regclass(r);
                SELECT u.i, c.oid
                  FROM unnest(@schemas, @names) WITH ORDINALITY AS u(s, t, i) JOIN pg_catalog.pg_class c ON c.oid = to_regclass(format('%I.%I', u.s, u.t))
                """, target);
            command.Parameters.AddWithValue("relations", relations);
            command.Parameters.AddWithValue("schemas", tables.Select(t => t.Schema).ToArray());
            command.Parameters.AddWithValue("names", tables.Select(t => t.Name).ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                relationOids[reader.GetString(0)] = (reader.GetFieldValue<uint>(1), reader.GetBoolean(2));
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                tableOids[reader.GetFieldValue<uint>(1)] = tables[(int)reader.GetInt64(0) - 1];
        }
        catch (PostgresException)
        {
            // A name to_regclass cannot read only costs the overlap and the order: post-data then runs after the copy, in dump order.
            return new LoadingTables([], [], new Dictionary<string, long>());
        }

        var pending = units.Where(u => !u.Done && u.Unit.Kind == CopyUnitKind.Table).ToLookup(u => u.Unit.DisplayName, StringComparer.Ordinal);
        var unitsLeft = new Dictionary<string, int>(StringComparer.Ordinal);
        var relationsOfTable = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (relation, (oid, plain)) in relationOids)
        {
            var table = tableOids.GetValueOrDefault(oid);
            sizes[relation] = table?.Bytes ?? 0;
            if (!plain)
                continue;
            unitsLeft[relation] = table is null ? 0 : pending[table.DisplayName].Count();
            if (table is not null)
                (relationsOfTable.TryGetValue(table.DisplayName, out var list) ? list : relationsOfTable[table.DisplayName] = []).Add(relation);
        }

        return new LoadingTables(unitsLeft, relationsOfTable, sizes);
    }

    /// <summary>Whether no more rows will arrive in <paramref name="relation"/> (as a post-data statement writes it).</summary>
    public bool IsLoaded(string relation)
    {
        if (everything.Task.IsCompleted)
            return true;
        lock (gate)
            return unitsLeft.TryGetValue(relation, out var left) && left == 0;
    }

    /// <summary>Records that <paramref name="unit"/> committed its rows.</summary>
    public void Committed(CopyUnit unit)
    {
        var loaded = new List<string>();
        lock (gate)
        {
            foreach (var relation in relationsOfTable.GetValueOrDefault(unit.DisplayName) ?? [])
            {
                if (--unitsLeft[relation] == 0)
                    loaded.Add(relation);
            }
        }

        foreach (var relation in loaded)
            Loaded?.Invoke(relation);
    }

    /// <summary>Records that the copy ended and the sequences are set: every table is loaded.</summary>
    public void Finished()
    {
        if (everything.TrySetResult())
            Loaded?.Invoke(null);
    }
}
