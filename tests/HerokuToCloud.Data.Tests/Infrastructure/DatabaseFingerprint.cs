using HerokuToCloud.Data.Connections;

namespace HerokuToCloud.Data.Tests.Infrastructure;

/// <summary>
/// An independent description of a database's contents, computed with plain catalog queries and
/// whole-row text digests (not with the engine, not with the validator): for every table its row count and
/// the md5 of all rows in sorted text form; the definitions of indexes and constraints; sequence positions;
/// large object contents; extensions.
/// </summary>
public static class DatabaseFingerprint
{
    public static async Task<IReadOnlyList<string>> TakeAsync(PostgresEndpoint endpoint)
    {
        var lines = new List<string>();
        var tables = await Sql.ColumnAsync(endpoint, """
            SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
               AND n.nspname <> 'heroku2cloud_state'
             ORDER BY 1
            """);
        foreach (var table in tables)
        {
            var digest = await Sql.ColumnAsync(endpoint, $"SELECT count(*) || ' ' || coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '-') FROM {table} t");
            lines.Add($"table {table}: {digest[0]}");
        }

        lines.AddRange((await Sql.ColumnAsync(endpoint, """
            SELECT 'index ' || schemaname || '.' || indexname || ': ' || indexdef FROM pg_indexes
             WHERE schemaname NOT IN ('pg_catalog', 'heroku2cloud_state') ORDER BY 1
            """)));
        lines.AddRange(await Sql.ColumnAsync(endpoint, """
            SELECT 'constraint ' || conrelid::regclass || '.' || conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint
             WHERE connamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace) AND conrelid <> 0 ORDER BY 1
            """));
        lines.AddRange(await Sql.ColumnAsync(endpoint, """
            SELECT 'trigger ' || tgrelid::regclass || '.' || tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1
            """));
        var sequences = await Sql.ColumnAsync(endpoint, """
            SELECT format('%I.%I', schemaname, sequencename) FROM pg_sequences WHERE schemaname <> 'heroku2cloud_state' ORDER BY 1
            """);
        foreach (var sequence in sequences)
            lines.Add($"sequence {sequence}: " + (await Sql.ColumnAsync(endpoint, $"SELECT last_value || ' ' || is_called FROM {sequence}"))[0]);
        lines.AddRange(await Sql.ColumnAsync(endpoint, "SELECT 'large object ' || oid || ': ' || md5(lo_get(oid)) FROM pg_largeobject_metadata ORDER BY oid"));
        lines.AddRange(await Sql.ColumnAsync(endpoint, "SELECT 'extension ' || extname FROM pg_extension ORDER BY 1"));
        lines.AddRange(await Sql.ColumnAsync(endpoint, "SELECT 'view ' || schemaname || '.' || viewname || ': ' || definition FROM pg_views WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1"));
        return lines;
    }
}
