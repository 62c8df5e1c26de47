using HerokuToCloud.Data.Reporting;
using Npgsql;

namespace HerokuToCloud.Data.Catalog;

/// <summary>
/// Checks, before a run reads any data, that a role may read everything the run will read, and names what
/// it cannot and the GRANTs that would let it: USAGE on every schema holding a table or sequence read,
/// SELECT on every such table and sequence, and SELECT on every large object. Without this a missing grant
/// surfaced as a raw permission error midway (for data migrate, after the target's state schema had been
/// created, when pg_dump failed; for data validate, while hashing), and named one object at a time.
/// Two runs use it: data migrate for its source (<see cref="EnsureMigrationSourceReadableAsync"/>) and
/// data validate for each side (<see cref="EnsureValidationReadableAsync"/>); they differ in which relations
/// they read. Only catalog functions are called: the check reads nothing of the data and writes nothing.
/// </summary>
public static class ReadPrivileges
{
    private const int ListedObjects = 5;

    /// <summary>
    /// What pg_dump and the copy read, as SourceCatalog selects it: tables (partitioned ones too, which
    /// pg_dump locks, and that takes SELECT) and sequences; extension members only when they are
    /// configuration tables, whose rows are copied.
    /// </summary>
    private const string MigrationReads = """
        c.relkind IN ('r', 'p', 'S') AND c.relpersistence <> 't'
        AND (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
             OR EXISTS (SELECT 1 FROM pg_catalog.pg_extension e WHERE c.oid = ANY (e.extconfig)))
        """;

    /// <summary>
    /// What validation reads, as its catalog reader selects it: tables and materialized views (whose rows
    /// are hashed), partitioned tables (a sequence owned by one is checked against its column) and
    /// sequences; no extension member, since extensions are compared as a whole.
    /// </summary>
    private const string ValidationReads = """
        c.relkind IN ('r', 'p', 'm', 'S') AND c.relpersistence <> 't'
        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
        """;

    /// <summary>
    /// The relations <paramref name="reads"/> selects in user schemas, each with whether the role lacks its
    /// privilege, and the schemas holding them the role may not use. Names come back through quote_ident,
    /// so they read as SQL would need them.
    /// </summary>
    private static string MissingSql(string reads) => $"""
        WITH read AS (
            SELECT n.oid AS nsp, n.nspname, c.oid, c.relname, c.relkind
              FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
               AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp%'
               AND {reads}
        )
        SELECT 'schema', pg_catalog.quote_ident(nspname), NULL
          FROM (SELECT DISTINCT nsp, nspname FROM read) s
         WHERE NOT pg_catalog.has_schema_privilege(nsp, 'USAGE')
        UNION ALL
        SELECT CASE relkind WHEN 'S' THEN 'sequence' ELSE 'table' END,
               pg_catalog.quote_ident(nspname) || '.' || pg_catalog.quote_ident(relname), pg_catalog.quote_ident(nspname)
          FROM read
         WHERE CASE relkind WHEN 'S' THEN NOT pg_catalog.has_sequence_privilege(oid, 'SELECT')
                            ELSE NOT pg_catalog.has_table_privilege(oid, 'SELECT') END
         ORDER BY 1, 2
        """;

    /// <summary>
    /// Large objects the role may not read: neither owned by a role it has the privileges of nor granted
    /// SELECT to one of those or PUBLIC (a NULL ACL means the owner alone). Superusers have every role's
    /// privileges; lo_compat_privileges turns the checks off.
    /// </summary>
    private const string UnreadableLargeObjectsSql = """
        SELECT count(*), min(m.oid::text)
          FROM pg_catalog.pg_largeobject_metadata m
         WHERE NOT pg_catalog.current_setting('lo_compat_privileges')::boolean
           AND NOT pg_catalog.pg_has_role(m.lomowner, 'USAGE')
           AND NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode(m.lomacl) a
                            WHERE a.privilege_type = 'SELECT' AND (a.grantee = 0 OR pg_catalog.pg_has_role(a.grantee, 'USAGE')))
        """;

    /// <summary>
    /// data migrate, before anything is written to the target: throws a <see cref="DataMigrationException"/>
    /// naming what the source role cannot read and the GRANTs that would let it.
    /// </summary>
    public static Task EnsureMigrationSourceReadableAsync(NpgsqlConnection source, string sourceDisplay, CancellationToken cancellationToken) =>
        EnsureReadableAsync(source, MigrationReads, cancellationToken, (role, lacks, grants) =>
            $"the source role {role} cannot read everything the migration reads from {sourceDisplay}: it lacks {lacks}. " +
            "Nothing has been written to the target. Connect with a role that can read the whole database (on Heroku, the default credential: heroku pg:credentials:url DATABASE --name default), " +
            $"or have the objects' owner run: {grants}");

    /// <summary>
    /// data validate, before any row is hashed: throws a <see cref="DataMigrationException"/> naming the
    /// side (<paramref name="side"/> is "source" or "target"), what its role cannot read and the GRANTs
    /// that would let it.
    /// </summary>
    public static Task EnsureValidationReadableAsync(NpgsqlConnection connection, string side, string display, CancellationToken cancellationToken) =>
        EnsureReadableAsync(connection, ValidationReads, cancellationToken, (role, lacks, grants) =>
            $"the {side} role {role} cannot read everything validation compares in the {side} database {display}: it lacks {lacks}. " +
            "Nothing has been compared. Validate as a role that can read the whole database" +
            (side == "source" ? " (on Heroku, the default credential: heroku pg:credentials:url DATABASE --name default)" : " (the role the migration wrote the target as)") +
            $", or have the objects' owner run: {grants}");

    private static async Task EnsureReadableAsync(NpgsqlConnection connection, string reads, CancellationToken cancellationToken, Func<string, string, string, string> message)
    {
        var missing = new List<(string Kind, string Name, string? Schema)>();
        await using (var command = new NpgsqlCommand(MissingSql(reads), connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                missing.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        long largeObjects;
        string? firstLargeObject;
        await using (var command = new NpgsqlCommand(UnreadableLargeObjectsSql, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            largeObjects = reader.GetInt64(0);
            firstLargeObject = reader.IsDBNull(1) ? null : reader.GetString(1);
        }

        if (missing.Count == 0 && largeObjects == 0)
            return;

        string role, roleName;
        await using (var command = new NpgsqlCommand("SELECT pg_catalog.quote_ident(current_user), current_user", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (role, roleName) = (reader.GetString(0), reader.GetString(1));
        }

        var lacks = new List<string>();
        var grants = new List<string>();
        Describe(missing, "schema", "USAGE on", lacks, grants, names => names.Select(n => $"GRANT USAGE ON SCHEMA {n} TO {role};"));
        Describe(missing, "table", "SELECT on", lacks, grants, _ => Grants(missing, "table", "TABLES", "", role));
        Describe(missing, "sequence", "SELECT on", lacks, grants, _ => Grants(missing, "sequence", "SEQUENCES", "SEQUENCE ", role));
        if (largeObjects > 0)
        {
            lacks.Add($"SELECT on {NounCount.Of(largeObjects, "large object")} (the first is {firstLargeObject})");
            // There is no GRANT … ON ALL LARGE OBJECTS: one per object, which a loop does for many.
            grants.Add(largeObjects == 1
                ? $"GRANT SELECT ON LARGE OBJECT {firstLargeObject} TO {role};"
                // Only the owner may grant on a large object, and one refused GRANT aborts the whole block: each owner
                // runs it for its own objects. The role goes in as a %I argument, not into the template, where a '%' would break it.
                : $"DO $$DECLARE o oid; BEGIN FOR o IN SELECT oid FROM pg_largeobject_metadata WHERE lomowner = (SELECT oid FROM pg_roles WHERE rolname = current_user) LOOP " +
                  $"EXECUTE format('GRANT SELECT ON LARGE OBJECT %s TO %I', o, '{roleName.Replace("'", "''", StringComparison.Ordinal)}'); END LOOP; END$$; (as each owner of large objects)");
        }

        throw new DataMigrationException(message(role, string.Join("; ", lacks), string.Join(" ", grants.Distinct(StringComparer.Ordinal))));
    }

    private static void Describe(List<(string Kind, string Name, string? Schema)> missing, string kind, string privilege, List<string> lacks, List<string> grants, Func<IReadOnlyList<string>, IEnumerable<string>> grant)
    {
        var names = missing.Where(m => m.Kind == kind).Select(m => m.Name).ToList();
        if (names.Count == 0)
            return;
        var more = names.Count > ListedObjects ? $" and {names.Count - ListedObjects} more" : "";
        lacks.Add($"{privilege} {NounCount.Of(names.Count, kind)}: {string.Join(", ", names.Take(ListedObjects))}{more}");
        grants.AddRange(grant(names));
    }

    /// <summary>One GRANT per object when they are few, else one per schema (ALL … IN SCHEMA), which stays short for hundreds of tables.</summary>
    private static IEnumerable<string> Grants(List<(string Kind, string Name, string? Schema)> missing, string kind, string plural, string keyword, string role)
    {
        var objects = missing.Where(m => m.Kind == kind).ToList();
        return objects.Count <= ListedObjects
            ? objects.Select(o => $"GRANT SELECT ON {keyword}{o.Name} TO {role};")
            : objects.Select(o => o.Schema!).Distinct(StringComparer.Ordinal).Select(schema => $"GRANT SELECT ON ALL {plural} IN SCHEMA {schema} TO {role};");
    }
}
