using HerokuToCloud.Data.Reporting;
using Npgsql;

namespace HerokuToCloud.Data.Catalog;

/// <summary>
/// Row-level security filters silently: a role its policies apply to reads only the rows they show, so a
/// copy through them would lose rows and a validation through them would compare two partial views and
/// pass. Every engine session therefore runs with <c>row_security=off</c>, under which PostgreSQL raises an
/// error rather than filter; this check finds every affected table before anything is read or written, so
/// the error names them all and says what to do instead of failing half-way on the first one.
/// </summary>
public static class RowSecurity
{
    /// <summary>The session setting every engine session carries: an error, never a filtered read.</summary>
    public const string SessionOption = "-c row_security=off";

    private const int ListedTables = 10;

    /// <summary>Throws a <see cref="DataMigrationException"/> naming the tables whose policies apply to this session's role.</summary>
    public static async Task EnsureNoPolicyAppliesAsync(NpgsqlConnection connection, string side, string endpoint, CancellationToken cancellationToken)
    {
        // row_security_active answers for the current role whatever row_security is set to: false for a
        // superuser or BYPASSRLS role, and for the owner unless the table has FORCE ROW LEVEL SECURITY.
        const string sql = """
            SELECT n.nspname, c.relname, c.relforcerowsecurity
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind = 'r' AND c.relrowsecurity AND pg_catalog.row_security_active(c.oid)
            ORDER BY 1, 2
            """;
        var tables = new List<(string Name, bool Forced)>();
        await using (var command = new NpgsqlCommand(sql, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                tables.Add((Identifier.Display(reader.GetString(0), reader.GetString(1)), reader.GetBoolean(2)));
        }

        if (tables.Count == 0)
            return;

        var advice = "connect as a role that bypasses row-level security (a superuser or a role with BYPASSRLS)";
        if (tables.Any(t => !t.Forced))
            advice += ", or as the tables' owner";
        if (tables.Any(t => t.Forced))
            advice += ". FORCE ROW LEVEL SECURITY applies the policies to the owner too: the owner can lift it for the move with ALTER TABLE … NO FORCE ROW LEVEL SECURITY and restore it afterwards";
        throw new DataMigrationException(
            $"row-level security policies apply to the role {connection.UserName} on {Describe(tables)} of the {side} database {endpoint}. " +
            $"They would show it only some of their rows, so the tool cannot read them all; {advice}.");
    }

    /// <summary>
    /// The copy keeps each table's FORCE ROW LEVEL SECURITY, and the target role that restores the schema
    /// owns the tables: unless it bypasses row-level security, no validation could read all their rows on the
    /// target afterwards. Refused before the copy, not after it.
    /// </summary>
    public static async Task EnsureTargetCanReadForcedTablesAsync(NpgsqlConnection source, NpgsqlConnection target, string targetDisplay, CancellationToken cancellationToken)
    {
        const string forcedSql = """
            SELECT n.nspname, c.relname
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind = 'r' AND c.relrowsecurity AND c.relforcerowsecurity
            ORDER BY 1, 2
            """;
        var forced = new List<(string Name, bool Forced)>();
        await using (var command = new NpgsqlCommand(forcedSql, source))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                forced.Add((Identifier.Display(reader.GetString(0), reader.GetString(1)), true));
        }

        if (forced.Count == 0)
            return;
        await using var bypass = new NpgsqlCommand("SELECT rolsuper OR rolbypassrls FROM pg_catalog.pg_roles WHERE rolname = current_user", target);
        if ((bool)(await bypass.ExecuteScalarAsync(cancellationToken))!)
            return;

        throw new DataMigrationException(
            $"the source has {Describe(forced)}. The copy keeps that, and on the target database {targetDisplay} the tables will belong to the role {target.UserName}, " +
            "which does not bypass row-level security, so their policies would hide rows from the validation that proves the copy. Nothing was written. " +
            "Migrate as a target role that bypasses row-level security (a superuser or a role with BYPASSRLS), or lift FORCE on the source for the move (ALTER TABLE … NO FORCE ROW LEVEL SECURITY) and set it again on the target afterwards.");
    }

    private static string Describe(List<(string Name, bool Forced)> tables)
    {
        var listed = string.Join(", ", tables.Take(ListedTables).Select(t => t.Forced ? t.Name + " (FORCE ROW LEVEL SECURITY)" : t.Name));
        var more = tables.Count > ListedTables ? $" and {tables.Count - ListedTables} more" : "";
        return $"{NounCount.Of(tables.Count, "table")}: {listed}{more}";
    }
}
