using HerokuToCloud.Data.Catalog;
using HerokuToCloud.Data.State;
using Npgsql;

namespace HerokuToCloud.Data.Target;

/// <summary>
/// What a target database holds beyond a fresh database's defaults, and how <c>--replace</c> removes it.
/// A fresh database has the schemas pg_catalog, information_schema and public (empty), the extension
/// plpgsql and no large objects; anything else is user content. The tool's own state schema is not content:
/// it belongs to an unfinished run of the tool. Nor is an extension the source uses, with its member objects:
/// an administrator may have created it beforehand for a target role that cannot (see
/// <see cref="TargetChecks.EnsureExtensionsCreatableAsync"/>), and the restore keeps it.
/// </summary>
public static class TargetContents
{
    /// <summary>
    /// Relations dropped per transaction: each drop locks the relation, its indexes, TOAST table and owned
    /// sequences, so a hundred stay well inside even a small lock table.
    /// </summary>
    private const int RelationsPerTransaction = 100;

    /// <summary>Every schema but PostgreSQL's own (catalogs, TOAST, temporary); the tool's state schema included.</summary>
    private const string NonSystemNamespaces = """
        n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp%'
        """;

    private const string UserNamespaces = $"{NonSystemNamespaces} AND n.nspname <> '{MigrationState.SchemaName}'";

    /// <summary>
    /// Up to <paramref name="limit"/> descriptions of user content ("table public.orders", "index billing.\"Invoices_pkey\""),
    /// and how many there are in all. Names are quoted as PostgreSQL quotes them (quote_ident), so a name
    /// with a dot, a space or capitals reads as the one object it is.
    /// Installed extensions named in <paramref name="sourceExtensions"/> are not content, nor the schemas they are in.
    /// </summary>
    public static async Task<(IReadOnlyList<string> Sample, long Total)> FindAsync(NpgsqlConnection target, IReadOnlyList<string> sourceExtensions, int limit, CancellationToken cancellationToken)
    {
        var sql = $"""
            WITH content(kind, name) AS (
                SELECT 'schema', quote_ident(n.nspname) FROM pg_namespace n WHERE {UserNamespaces} AND n.nspname <> 'public'
                   AND NOT EXISTS (SELECT 1 FROM pg_extension e WHERE e.extnamespace = n.oid AND e.extname = ANY(@sourceExtensions))
                UNION ALL
                SELECT 'extension', quote_ident(e.extname) FROM pg_extension e WHERE e.extname <> 'plpgsql' AND e.extname <> ALL(@sourceExtensions)
                UNION ALL
                SELECT CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view'
                                      WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'foreign table' WHEN 'i' THEN 'index' WHEN 'I' THEN 'index' ELSE 'relation' END,
                       quote_ident(n.nspname) || '.' || quote_ident(c.relname)
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE {UserNamespaces} AND c.relkind <> 'c'
                   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
                UNION ALL
                SELECT 'function', quote_ident(n.nspname) || '.' || quote_ident(p.proname) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE {UserNamespaces} AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
                UNION ALL
                SELECT 'type', quote_ident(n.nspname) || '.' || quote_ident(t.typname) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                 WHERE {UserNamespaces} AND t.typrelid = 0 AND t.typcategory <> 'A'
                   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
                UNION ALL
                SELECT 'large object', oid::text FROM pg_largeobject_metadata
            )
            SELECT kind || ' ' || name, count(*) OVER () FROM content ORDER BY kind, name LIMIT {limit}
            """;
        var sample = new List<string>();
        long total = 0;
        await using var command = new NpgsqlCommand(sql, target);
        command.Parameters.AddWithValue("sourceExtensions", sourceExtensions.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            sample.Add(reader.GetString(0));
            total = reader.GetInt64(1);
        }

        return (sample, total);
    }

    /// <summary>Throws the "not empty" refusal when the target holds user content.</summary>
    public static async Task EnsureEmptyAsync(NpgsqlConnection target, string targetDisplay, IReadOnlyList<string> sourceExtensions, CancellationToken cancellationToken)
    {
        var (sample, total) = await FindAsync(target, sourceExtensions, 5, cancellationToken);
        if (total == 0)
            return;
        var more = total > sample.Count ? $" and {total - sample.Count} more" : "";
        // A finished run leaves no state behind, so a copy this tool completed earlier looks like any other
        // content: point at validate before --replace, which would throw a good copy away.
        throw new DataMigrationException($"the target database {targetDisplay} is not empty ({string.Join(", ", sample)}{more}). " +
            "If an earlier heroku2cloud data migrate into it completed, check it with heroku2cloud data validate instead of copying again; " +
            "otherwise migrate into an empty database, or add --replace to drop the target's contents first.");
    }

    /// <summary>
    /// Empties the target: drops every user schema with everything in it (CASCADE), every extension but
    /// plpgsql, every large object, and recreates an empty <c>public</c> schema with PostgreSQL's default
    /// owner and privileges. Roles, database settings and other databases are not touched. With
    /// <paramref name="keepState"/> the tool's state schema survives (a resumed run clearing its own half-made
    /// schema); otherwise it goes too.
    /// The extensions of <paramref name="keepExtensions"/> installed in their source schema survive too, and so
    /// do the schemas they are in, whose other objects are dropped one by one: a resumed run and --replace keep
    /// the source's extensions, because an administrator may have created them for a role that cannot (and
    /// DROP SCHEMA … CASCADE would take an extension along whoever owns it); dropping them would leave a target
    /// the role can no longer migrate into. The restore then finds them in place. The rows a copy puts in such
    /// an extension's configuration tables (those its filter selects, as pg_dump's) are deleted, so the next
    /// copy does not add them twice.
    /// Dropping an object locks it until its transaction ends, and a server's lock table holds only about
    /// max_locks_per_transaction × max_connections locks (6,400 on default settings): dropping a few thousand
    /// tables in one transaction fails with "out of shared memory". So the relations go first, a bounded
    /// number per transaction, then the rest in one. A wipe that fails half way leaves part of the content,
    /// which the next --replace (or resumed run) removes.
    /// </summary>
    public static async Task WipeAsync(NpgsqlConnection target, int targetMajorVersion, bool keepState, IReadOnlyCollection<SourceExtension> keepExtensions, CancellationToken cancellationToken)
    {
        var kept = await InstalledAsAtSourceAsync(target, keepExtensions, cancellationToken);
        await DropRelationsAsync(target, keepState, cancellationToken);

        var schemas = new List<(string Name, bool HoldsKeptExtension)>();
        await using (var list = new NpgsqlCommand(
            $"""
            SELECT n.nspname, EXISTS (SELECT 1 FROM pg_extension e WHERE e.extnamespace = n.oid AND e.extname = ANY(@keep))
              FROM pg_namespace n
             WHERE {NonSystemNamespaces}
             ORDER BY 1
            """, target))
        {
            list.Parameters.AddWithValue("keep", kept.ToArray());
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                schemas.Add((reader.GetString(0), reader.GetBoolean(1)));
        }

        var statements = new List<string>();
        foreach (var (schema, holdsKeptExtension) in schemas)
        {
            if (keepState && schema == MigrationState.SchemaName)
                continue;
            statements.Add(holdsKeptExtension ? DropContentsOf(schema) : $"DROP SCHEMA {Identifier.Quote(schema)} CASCADE");
        }

        statements.Add($"""
            DO $wipe$
            DECLARE e record;
            BEGIN
              FOR e IN SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' AND extname <> ALL({ArrayLiteral(kept)}) LOOP
                EXECUTE format('DROP EXTENSION IF EXISTS %I CASCADE', e.extname);
              END LOOP;
            END
            $wipe$
            """);
        statements.Add("SELECT count(lo_unlink(oid)) FROM pg_largeobject_metadata");
        if (kept.Count > 0)
            statements.Add(DeleteCopiedConfigurationRows(kept));
        if (!schemas.Any(s => s.Name == "public" && s.HoldsKeptExtension))
        {
            statements.Add("CREATE SCHEMA public");
            if (targetMajorVersion >= 14)
                statements.Add("ALTER SCHEMA public OWNER TO pg_database_owner");
            statements.Add("COMMENT ON SCHEMA public IS 'standard public schema'");
            statements.Add(targetMajorVersion >= 15 ? "GRANT USAGE ON SCHEMA public TO PUBLIC" : "GRANT ALL ON SCHEMA public TO PUBLIC");
        }

        await RunInTransactionAsync(target, statements, cancellationToken);
    }

    /// <summary>
    /// Drops every object in <paramref name="schema"/> but extensions and their members, each with CASCADE.
    /// Every object in a schema depends on it ('n' in pg_depend); objects that belong to another (a table's
    /// row type, an index, an owned sequence) go with that one, so they are skipped, and one whose owner an
    /// earlier drop already took along no longer has an identity.
    /// </summary>
    private static string DropContentsOf(string schema) => $"""
        DO $wipe$
        DECLARE o record; found record;
        BEGIN
          FOR o IN SELECT d.classid, d.objid FROM pg_depend d
                    WHERE d.refclassid = 'pg_namespace'::regclass AND d.refobjid = {Identifier.Literal(Identifier.Quote(schema))}::regnamespace AND d.deptype = 'n'
                      AND d.classid <> 'pg_extension'::regclass
                      AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = d.classid AND x.objid = d.objid AND x.deptype IN ('e', 'i', 'a'))
          LOOP
            SELECT * INTO found FROM pg_identify_object(o.classid, o.objid, 0);
            IF found.identity IS NOT NULL THEN
              EXECUTE format('DROP %s IF EXISTS %s CASCADE', CASE found.type WHEN 'statistics object' THEN 'STATISTICS' ELSE upper(found.type) END, found.identity);
            END IF;
          END LOOP;
        END
        $wipe$
        """;

    /// <summary>
    /// Deletes from the configuration tables of <paramref name="extensions"/> the rows a copy writes there
    /// (pg_extension_config_dump's filter; an empty one means every row). A table the role may not delete
    /// from is left: the copy could not have written to it either.
    /// </summary>
    private static string DeleteCopiedConfigurationRows(IReadOnlyCollection<string> extensions) => $$"""
        DO $wipe$
        DECLARE r record;
        BEGIN
          FOR r IN SELECT t.config::regclass AS config, COALESCE(t.condition, '') AS condition
                     FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS t(config, condition)
                    WHERE e.extname = ANY({{ArrayLiteral(extensions)}})
                      AND (SELECT k.relkind FROM pg_class k WHERE k.oid = t.config) IN ('r', 'p')
                      AND has_table_privilege(t.config, 'DELETE')
          LOOP
            EXECUTE format('DELETE FROM %s %s', r.config, r.condition);
          END LOOP;
        END
        $wipe$
        """;

    /// <summary>The extensions of <paramref name="extensions"/> the target has installed in the schema the source has them in.</summary>
    private static async Task<IReadOnlyList<string>> InstalledAsAtSourceAsync(NpgsqlConnection target, IReadOnlyCollection<SourceExtension> extensions, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await using var command = new NpgsqlCommand(
            """
            SELECT e.extname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
              JOIN unnest(@names, @schemas) AS wanted(name, schema) ON wanted.name = e.extname AND wanted.schema = n.nspname
             ORDER BY 1
            """, target);
        command.Parameters.AddWithValue("names", extensions.Select(e => e.Name).ToArray());
        command.Parameters.AddWithValue("schemas", extensions.Select(e => e.Schema).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            names.Add(reader.GetString(0));
        return names;
    }

    private static string ArrayLiteral(IReadOnlyCollection<string> names) =>
        names.Count == 0 ? "ARRAY[]::text[]" : "ARRAY[" + string.Join(", ", names.Select(Identifier.Literal)) + "]::text[]";

    private static async Task RunInTransactionAsync(NpgsqlConnection target, IReadOnlyList<string> statements, CancellationToken cancellationToken)
    {
        await using var transaction = await target.BeginTransactionAsync(cancellationToken);
        foreach (var statement in statements)
        {
            await using var command = new NpgsqlCommand(statement, target, transaction);
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InsufficientPrivilege)
            {
                throw new DataMigrationException($"cannot empty the target: {ex.MessageText}. Emptying it (for --replace, or to redo the schema of an interrupted run) needs a user that owns the target database and its objects (the database's master/owner user).", ex);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Drops the user schemas' tables, views, materialized views, foreign tables and sequences, at most
    /// <see cref="RelationsPerTransaction"/> per transaction. CASCADE takes dependent objects along (a view of a
    /// table in a later batch, a partition with its parent), so each drop is IF EXISTS; relations an extension
    /// owns go with their extension, and sequences a column owns (serial, identity) with their table.
    /// </summary>
    private static async Task DropRelationsAsync(NpgsqlConnection target, bool keepState, CancellationToken cancellationToken)
    {
        var drops = new List<string>();
        await using (var list = new NpgsqlCommand(
            $"""
            SELECT format('DROP %s IF EXISTS %I.%I CASCADE',
                          CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END,
                          n.nspname, c.relname)
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
               AND {NonSystemNamespaces}
               AND ({(keepState ? $"n.nspname <> '{MigrationState.SchemaName}'" : "true")})
               AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                  AND (d.deptype = 'e' OR (c.relkind = 'S' AND d.deptype IN ('a', 'i') AND d.refclassid = 'pg_class'::regclass)))
             ORDER BY CASE c.relkind WHEN 'v' THEN 0 WHEN 'm' THEN 0 WHEN 'S' THEN 2 ELSE 1 END, n.nspname, c.relname
            """, target))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                drops.Add(reader.GetString(0));
        }

        foreach (var batch in drops.Chunk(RelationsPerTransaction))
            await RunInTransactionAsync(target, batch, cancellationToken);
    }

    /// <summary>The target's schemas, so a restore leaves out creating those it already has (see <see cref="Schema.RestoreList.ForTarget"/>).</summary>
    public static async Task<IReadOnlyList<string>> ReadSchemaNamesAsync(NpgsqlConnection target, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await using var command = new NpgsqlCommand("SELECT nspname FROM pg_namespace ORDER BY 1", target);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            names.Add(reader.GetString(0));
        return names;
    }

    /// <summary>Ends sessions a killed earlier run left behind (an orphaned pg_restore keeps writing after its parent died).</summary>
    public static async Task<int> EndLeftoverSessionsAsync(NpgsqlConnection target, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
             WHERE datname = current_database() AND pid <> pg_backend_pid()
               AND application_name IN ('heroku2cloud-restore', 'heroku2cloud-target')
            """, target);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
