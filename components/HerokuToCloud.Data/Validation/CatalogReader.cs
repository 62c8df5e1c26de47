using System.Globalization;
using HerokuToCloud.Data.Catalog;
using Npgsql;

namespace HerokuToCloud.Data.Validation;

/// <summary>
/// Reads one side's catalog into normalised object descriptions (for schema parity) and the tables and
/// sequences content comparison works on. It runs in a session whose search_path is pg_catalog only,
/// so every name that pg_get_*def, format_type and regclass print is schema-qualified and the same text
/// on both servers; OIDs never leave this class. Objects are named by <see cref="Identifier.Display"/>,
/// which quotes a name part that is not plain lower case (one holding a dot too), so no two objects share
/// a name. System schemas and objects that belong to an extension are left out (the extension itself is
/// compared). Owners and privileges are not compared: roles are different on a new platform by design
/// (a policy's roles are, see <see cref="ReadPoliciesAsync"/>).
/// </summary>
internal static class CatalogReader
{
    /// <summary>User schemas: everything but information_schema and the reserved pg_* schemas (pg_catalog, pg_toast, pg_temp_N).</summary>
    private const string UserSchema = "n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'";

    public static async Task<DatabaseCatalog> ReadAsync(NpgsqlConnection connection, int serverVersion, CancellationToken cancellationToken)
    {
        var objects = new List<SchemaObject>();
        var domains = await ReadDomainBasesAsync(connection, cancellationToken);

        await ReadSchemasAsync(connection, objects, cancellationToken);
        await ReadExtensionsAsync(connection, objects, cancellationToken);
        var relations = await ReadRelationsAsync(connection, objects, cancellationToken);
        var columns = await ReadColumnsAsync(connection, serverVersion, domains, objects, cancellationToken);
        var keys = await ReadPrimaryKeysAsync(connection, cancellationToken);
        await ReadIndexesAsync(connection, objects, cancellationToken);
        await ReadConstraintsAsync(connection, objects, cancellationToken);
        var sequences = await ReadSequencesAsync(connection, domains, objects, cancellationToken);
        await ReadTypesAsync(connection, objects, cancellationToken);
        await ReadFunctionsAsync(connection, objects, cancellationToken);
        await ReadTriggersAsync(connection, objects, cancellationToken);
        await ReadPoliciesAsync(connection, objects, cancellationToken);
        await ReadRulesAsync(connection, objects, cancellationToken);

        var trees = await EnumHashPartitions.ReadAsync(connection, cancellationToken);
        // A root compared as a whole is as large as its partitions together (what scheduling goes by).
        var treeSizes = relations.Where(r => trees.ContainsKey(r.Oid))
            .GroupBy(r => trees[r.Oid].Root)
            .ToDictionary(g => g.Key, g => (Pages: g.Sum(r => r.Pages), Rows: g.Sum(r => r.EstimatedRows)));
        var tables = relations
            .Where(r => r.Kind is 'r' or 'p' or 'm' or 'f')
            .Select(r =>
            {
                var role = !trees.TryGetValue(r.Oid, out var member) ? TreeRole.None : member.Root == r.Oid ? TreeRole.Root : TreeRole.Member;
                var (pages, rows) = role == TreeRole.Root ? treeSizes[r.Oid] : (r.Pages, r.EstimatedRows);
                return new CatalogTable(
                    r.Schema,
                    r.Name,
                    r.Kind,
                    columns.TryGetValue(r.Oid, out var cols) ? cols : [],
                    keys.TryGetValue(r.Oid, out var key) ? key : [],
                    pages,
                    rows,
                    r.Populated,
                    role);
            })
            .ToList();

        long largeObjects;
        await using (var command = new NpgsqlCommand("SELECT count(*) FROM pg_catalog.pg_largeobject_metadata", connection))
            largeObjects = (long)(await command.ExecuteScalarAsync(cancellationToken))!;

        objects.Sort((a, b) => string.CompareOrdinal(a.Identity, b.Identity));
        return new DatabaseCatalog(objects, tables, sequences, largeObjects);
    }

    /// <summary>The pg_catalog base type of a (possibly nested) domain, or the type itself.</summary>
    public static uint BaseType(uint type, IReadOnlyDictionary<uint, uint> domains)
    {
        for (var depth = 0; depth < 32 && domains.TryGetValue(type, out var baseType); depth++)
            type = baseType;
        return type;
    }

    private static string NotExtensionMember(string catalog, string oid) =>
        $"NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = '{catalog}'::pg_catalog.regclass AND e.objid = {oid} AND e.deptype = 'e')";

    private static async Task<Dictionary<uint, uint>> ReadDomainBasesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var domains = new Dictionary<uint, uint>();
        await foreach (var row in QueryAsync(connection, "SELECT t.oid, t.typbasetype FROM pg_catalog.pg_type t WHERE t.typtype = 'd'", cancellationToken))
            domains[(uint)row[0]!] = (uint)row[1]!;
        return domains;
    }

    private static async Task ReadSchemasAsync(NpgsqlConnection connection, List<SchemaObject> objects, CancellationToken cancellationToken)
    {
        var sql = $"SELECT n.nspname FROM pg_catalog.pg_namespace n WHERE {UserSchema} AND {NotExtensionMember("pg_namespace", "n.oid")}";
        await foreach (var row in QueryAsync(connection, sql, cancellationToken))
            objects.Add(new SchemaObject("schema", Identifier.Display((string)row[0]!), Attributes()));
    }

    private static async Task ReadExtensionsAsync(NpgsqlConnection connection, List<SchemaObject> objects, CancellationToken cancellationToken)
    {
        const string sql = "SELECT x.extname, n.nspname, x.extversion FROM pg_catalog.pg_extension x JOIN pg_catalog.pg_namespace n ON n.oid = x.extnamespace";
        await foreach (var row in QueryAsync(connection, sql, cancellationToken))
        {
            objects.Add(new SchemaObject("extension", (string)row[0]!, Attributes(("schema", (string)row[1]!)))
            {
                Notes = Attributes(("version", (string)row[2]!)),
            });
        }
    }

    private sealed record Relation(uint Oid, string Schema, string Name, char Kind, long Pages, long EstimatedRows, bool Populated);

    private static async Task<List<Relation>> ReadRelationsAsync(NpgsqlConnection connection, List<SchemaObject> objects, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT c.oid, n.nspname, c.relname, c.relkind::text, c.relpersistence::text,
                   CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END,
                   CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END,
                   (SELECT pg_catalog.string_agg(i.inhparent::pg_catalog.regclass::text, ', ' ORDER BY i.inhseqno) FROM pg_catalog.pg_inherits i WHERE i.inhrelid = c.oid),
                   pg_catalog.pg_relation_size(c.oid) / pg_catalog.current_setting('block_size')::int8,
                   greatest(c.reltuples, 0)::int8,
                   c.relrowsecurity, c.relforcerowsecurity, c.relispopulated
            FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND {UserSchema} AND {NotExtensionMember("pg_class", "c.oid")}
            """;
        var relations = new List<Relation>();
        await foreach (var row in QueryAsync(connection, sql, cancellationToken))
        {
            var kind = ((string)row[3]!)[0];
            var relation = new Relation((uint)row[0]!, (string)row[1]!, (string)row[2]!, kind, (long)row[8]!, (long)row[9]!, (bool)row[12]!);
            relations.Add(relation);
            // Row-level security only exists on tables; both flags are listed so a difference reads "enabled"/"disabled".
            var hasRowSecurity = kind is 'r' or 'p';
            objects.Add(new SchemaObject("table", Identifier.Display(relation.Schema, relation.Name), Attributes(
                ("kind", kind switch
                {
                    'r' => "table",
                    'p' => "partitioned table",
                    'v' => "view",
                    'm' => "materialized view",
                    _ => "foreign table",
                }),
                ("persistence", (string)row[4]! switch { "u" => "unlogged", "t" => "temporary", _ => "permanent" }),
                ("partition key", row[5] as string),
                ("partition bound", row[6] as string),
                ("inherits", row[7] as string),
                ("row level security", hasRowSecurity ? ((bool)row[10]! ? "enabled" : "disabled") : null),
                ("forced row level security", hasRowSecurity ? YesNo((bool)row[11]!) : null),
                // A materialized view created WITH NO DATA (or never refreshed) cannot be read at all.
                ("populated", kind == 'm' ? YesNo(relation.Populated) : null))));
        }

        return relations;
    }

    private static async Task<Dictionary<uint, List<CatalogColumn>>> ReadColumnsAsync(NpgsqlConnection connection, int serverVersion, IReadOnlyDictionary<uint, uint> domains, List<SchemaObject> objects, CancellationToken cancellationToken)
    {
        // attgenerated exists from PostgreSQL 12; before that no column is generated.
        var generated = serverVersion >= 120000 ? "a.attgenerated::text" : "''::text";
        var sql = $"""
            SELECT a.attrelid, n.nspname, c.relname, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.atttypid, a.attnotnull,
                   pg_catalog.pg_get_expr(d.adbin, d.adrelid), {generated}, a.attidentity::text,
                   CASE WHEN a.attcollation <> t.typcollation THEN (SELECT pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname)
                        FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) END
            FROM pg_catalog.pg_attribute a
            JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
              AND {UserSchema} AND {NotExtensionMember("pg_class", "c.oid")}
            ORDER BY a.attrelid, a.attnum
            """;
        var columns = new Dictionary<uint, List<CatalogColumn>>();
        await foreach (var row in QueryAsync(connection, sql, cancellationToken))
        {
            var relation = (uint)row[0]!;
            if (!columns.TryGetValue(relation, out var list))
                columns[relation] = list = [];
            var name = (string)row[3]!;
            var type = (string)row[4]!;
            var notNull = (bool)row[6]!;
            list.Add(new CatalogColumn(name, type, BaseType((uint)row[5]!, domains), notNull));

            var expression = row[7] as string;
            var isGenerated = (string)row[8]! == "s";
            objects.Add(new SchemaObject("column", Identifier.Display((string)row[1]!, (string)row[2]!, name), Attributes(
                ("position", list.Count.ToString(CultureInfo.InvariantCulture)),
                ("type", type),
                ("not null", YesNo(notNull)),
                ("default", isGenerated ? null : expression),
                ("generated", isGenerated ? "stored: " + expression : null),
                ("identity", (string)row[9]! switch { "a" => "always", "d" => "by default", _ => null }),
                ("collation", row[10] as string))));
        }

        return columns;
    }

    private static async Task<Dictionary<uint, IReadOnlyList<string>>> ReadPrimaryKeysAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT con.conrelid,
                   ARRAY(SELECT a.attname::text FROM pg_catalog.unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                         JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord)
            FROM pg_catalog.pg_constraint con WHERE con.contype = 'p'
            """;
        var keys = new Dictionary<uint, IReadOnlyList<string>>();
        await foreach (var row in QueryAsync(connection, sql, cancellationToken))
            keys[(uint)row[0]!] = (string[])row[1]!;
        return keys;
    }

    private static async Task ReadIndexesAsync(NpgsqlConnection connection, List<SchemaObject> objects, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT n.nspname, ic.relname, i.indrelid::pg_catalog.regclass::text, pg_catalog.pg_get_indexdef(i.indexrelid), i.indisvalid
            FROM pg_catalog.pg_index i
            JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = ic.relnamespace
            WHERE {UserSchema} AND {NotExtensionMember("pg_class", "i.indrelid")}
            """;
        await foreach (var row in QueryAsync(connection, sql, cancellationToken))
        {
            objects.Add(new SchemaObject("index", Identifier.Display((string)row[0]!, (string)row[1]!), Attributes(
                ("table", (string)row[2]!),
                ("definition", (string)row[3]!),
                ("valid", YesNo((bool)row[4]!)))));
        }
    }

    private static async Task ReadConstraintsAsync(NpgsqlConnection connection, List<SchemaObject> objects, CancellationToken cancellationToken)
    {
        // Table constraints only; NOT NULL (contype 'n' from PostgreSQL 18) is compared on the column.
        var sql = $"""
            SELECT n.nspname, c.relname, con.conname, con.contype::text, pg_catalog.pg_get_constraintdef(con.oid), con.convalidated
            FROM pg_catalog.pg_constraint con
            JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE con.contype IN ('p', 'u', 'f', 'c', 'x') AND {UserSchema} AND {NotExtensionMember("pg_class", "c.oid")}
            """;
        await foreach (var row in QueryAsync(connection, sql, cancellationToken))
        {
            objects.Add(new SchemaObject("constraint", Identifier.Display((string)row[0]!, (string)row[1]!, (string)row[2]!), Attributes(
                ("type", (string)row[3]! switch
                {
                    "p" => "primary key",
                    "u" => "unique",
                    "f" => "foreign key",
                    "c" => "check",
                    _ => "exclusion",
                }),
                ("definition", (string)row[4]!),
                ("validated", YesNo((bool)row[5]!)))));
        }
    }

    private static async Task<List<CatalogSequence>> ReadSequencesAsync(NpgsqlConnection connection, IReadOnlyDictionary<uint, uint> domains, List<SchemaObject> objects, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT n.nspname, c.relname, pg_catalog.format_type(s.seqtypid, NULL), s.seqincrement, s.seqmin, s.seqmax, s.seqcycle,
                   o.nspname, o.relname, o.attname, o.atttypid
            FROM pg_catalog.pg_sequence s
            JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN LATERAL (
                SELECT tn.nspname, tc.relname, a.attname, a.atttypid
                FROM pg_catalog.pg_depend d
                JOIN pg_catalog.pg_class tc ON tc.oid = d.refobjid
                JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
                JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid
                  AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype IN ('a', 'i') AND d.refobjsubid > 0
                LIMIT 1) o ON true
            WHERE {UserSchema} AND {NotExtensionMember("pg_class", "c.oid")}
            """;
        var sequences = new List<CatalogSequence>();
        await foreach (var row in QueryAsync(connection, sql, cancellationToken))
        {
            var sequence = new CatalogSequence(
                (string)row[0]!,
                (string)row[1]!,
                (long)row[3]!,
                row[7] as string,
                row[8] as string,
                row[9] as string,
                row[10] is uint type ? BaseType(type, domains) : 0);
            sequences.Add(sequence);
            objects.Add(new SchemaObject("sequence", sequence.DisplayName, Attributes(
                ("type", (string)row[2]!),
                ("increment", Number((long)row[3]!)),
                ("minimum", Number((long)row[4]!)),
                ("maximum", Number((long)row[5]!)),
                ("cycle", YesNo((bool)row[6]!)),
                ("owned by", sequence.OwnerDisplayName))));
        }

        return sequences;
    }

    private static async Task ReadTypesAsync(NpgsqlConnection connection, List<SchemaObject> objects, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT n.nspname, t.typname, t.typtype::text,
                   (SELECT pg_catalog.string_agg(pg_catalog.quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid),
                   CASE WHEN t.typtype = 'd' THEN pg_catalog.format_type(t.typbasetype, t.typtypmod) END,
                   t.typnotnull, t.typdefault,
                   (SELECT pg_catalog.string_agg(con.conname || ' ' || pg_catalog.pg_get_constraintdef(con.oid), '; ' ORDER BY con.conname)
                    FROM pg_catalog.pg_constraint con WHERE con.contypid = t.oid AND con.contype <> 'n'),
                   (SELECT pg_catalog.string_agg(pg_catalog.quote_ident(a.attname) || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum)
                    FROM pg_catalog.pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped)
            FROM pg_catalog.pg_type t
            JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
            LEFT JOIN pg_catalog.pg_class r ON r.oid = t.typrelid
            WHERE (t.typtype IN ('e', 'd') OR (t.typtype = 'c' AND r.relkind = 'c'))
              AND {UserSchema} AND {NotExtensionMember("pg_type", "t.oid")}
            """;
        await foreach (var row in QueryAsync(connection, sql, cancellationToken))
        {
            var name = Identifier.Display((string)row[0]!, (string)row[1]!);
            var attributes = (string)row[2]! switch
            {
                "e" => Attributes(("kind", "enum"), ("labels", row[3] as string ?? "")),
                "d" => Attributes(("kind", "domain"), ("base type", (string)row[4]!), ("not null", YesNo((bool)row[5]!)), ("default", row[6] as string), ("constraints", row[7] as string)),
                _ => Attributes(("kind", "composite"), ("attributes", row[8] as string ?? "")),
            };
            objects.Add(new SchemaObject("type", name, attributes));
        }
    }

    private static async Task ReadFunctionsAsync(NpgsqlConnection connection, List<SchemaObject> objects, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT p.oid::pg_catalog.regprocedure::text, l.lanname, pg_catalog.pg_get_function_result(p.oid), pg_catalog.md5(coalesce(p.prosrc, ''))
            FROM pg_catalog.pg_proc p
            JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
            JOIN pg_catalog.pg_language l ON l.oid = p.prolang
            WHERE {UserSchema} AND {NotExtensionMember("pg_proc", "p.oid")}
            """;
        await foreach (var row in QueryAsync(connection, sql, cancellationToken))
        {
            objects.Add(new SchemaObject("function", (string)row[0]!, Attributes(
                ("language", (string)row[1]!),
                ("returns", row[2] as string),
                ("body md5", (string)row[3]!))));
        }
    }

    private static async Task ReadTriggersAsync(NpgsqlConnection connection, List<SchemaObject> objects, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT n.nspname, c.relname, tg.tgname, pg_catalog.pg_get_triggerdef(tg.oid), tg.tgenabled::text
            FROM pg_catalog.pg_trigger tg
            JOIN pg_catalog.pg_class c ON c.oid = tg.tgrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE NOT tg.tgisinternal AND {UserSchema} AND {NotExtensionMember("pg_class", "c.oid")}
            """;
        await foreach (var row in QueryAsync(connection, sql, cancellationToken))
        {
            objects.Add(new SchemaObject("trigger", Identifier.Display((string)row[0]!, (string)row[1]!, (string)row[2]!), Attributes(
                ("definition", (string)row[3]!),
                ("enabled", Firing((string)row[4]!)))));
        }
    }

    private static async Task ReadPoliciesAsync(NpgsqlConnection connection, List<SchemaObject> objects, CancellationToken cancellationToken)
    {
        // Unlike owners and grants, a policy's roles are compared: they decide which rows each role sees, so a
        // policy naming other roles on the target gives the application different rows. Role 0 is PUBLIC,
        // read as '' (no role can have an empty name).
        var sql = $"""
            SELECT n.nspname, c.relname, pol.polname, pol.polcmd::text, pol.polpermissive,
                   ARRAY(SELECT CASE WHEN u.oid = 0 THEN '' ELSE ro.rolname::text END
                         FROM pg_catalog.unnest(pol.polroles) AS u(oid) LEFT JOIN pg_catalog.pg_roles ro ON ro.oid = u.oid),
                   pg_catalog.pg_get_expr(pol.polqual, pol.polrelid), pg_catalog.pg_get_expr(pol.polwithcheck, pol.polrelid)
            FROM pg_catalog.pg_policy pol
            JOIN pg_catalog.pg_class c ON c.oid = pol.polrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE {UserSchema} AND {NotExtensionMember("pg_class", "c.oid")}
            """;
        await foreach (var row in QueryAsync(connection, sql, cancellationToken))
        {
            objects.Add(new SchemaObject("policy", Identifier.Display((string)row[0]!, (string)row[1]!, (string)row[2]!), Attributes(
                ("command", (string)row[3]! switch { "r" => "SELECT", "a" => "INSERT", "w" => "UPDATE", "d" => "DELETE", _ => "ALL" }),
                ("type", (bool)row[4]! ? "permissive" : "restrictive"),
                ("roles", string.Join(", ", ((string[])row[5]!).Select(r => r.Length == 0 ? "PUBLIC" : Identifier.Display(r)).Order(StringComparer.Ordinal))),
                ("using", row[6] as string),
                ("with check", row[7] as string))));
        }
    }

    private static async Task ReadRulesAsync(NpgsqlConnection connection, List<SchemaObject> objects, CancellationToken cancellationToken)
    {
        // A view's _RETURN rule is the view's body, left out as view bodies are: its deparsed text changes
        // between major versions, and the view's columns are compared. Any other rule rewrites what a
        // statement does, so a missing or changed one matters more than the rare wording change of its text.
        var sql = $"""
            SELECT n.nspname, c.relname, r.rulename, pg_catalog.pg_get_ruledef(r.oid), r.ev_enabled::text
            FROM pg_catalog.pg_rewrite r
            JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE r.rulename <> '_RETURN' AND {UserSchema} AND {NotExtensionMember("pg_class", "c.oid")}
            """;
        await foreach (var row in QueryAsync(connection, sql, cancellationToken))
        {
            objects.Add(new SchemaObject("rule", Identifier.Display((string)row[0]!, (string)row[1]!, (string)row[2]!), Attributes(
                ("definition", (string)row[3]!),
                ("enabled", Firing((string)row[4]!)))));
        }
    }

    /// <summary>When a trigger or rule fires (tgenabled, ev_enabled): session_replication_role decides which ones run.</summary>
    private static string Firing(string code) => code switch { "D" => "disabled", "R" => "replica only", "A" => "always", _ => "origin" };

    private static SortedDictionary<string, string> Attributes(params (string Name, string? Value)[] values)
    {
        var attributes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            if (value is not null)
                attributes[name] = value;
        }

        return attributes;
    }

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static async IAsyncEnumerable<object?[]> QueryAsync(NpgsqlConnection connection, string sql, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            yield return row;
        }
    }
}
