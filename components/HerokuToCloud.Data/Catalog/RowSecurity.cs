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

        var listed = string.Join(", ", tables.Take(ListedTables).Select(t => t.Forced ? t.Name + " (FORCE ROW LEVEL SECURITY)" : t.Name));
        var more = tables.Count > ListedTables ? $" and {tables.Count - ListedTables} more" : "";
        var advice = "connect as a role that bypasses row-level security (a superuser or a role with BYPASSRLS)";
        if (tables.Any(t => !t.Forced))
            advice += ", or as the tables' owner";
        if (tables.Any(t => t.Forced))
            advice += ". FORCE ROW LEVEL SECURITY applies the policies to the owner too: the owner can lift it for the move with ALTER TABLE … NO FORCE ROW LEVEL SECURITY and restore it afterwards";
        throw new DataMigrationException(
            $"row-level security policies apply to the role {connection.UserName} on {tables.Count} table{(tables.Count == 1 ? "" : "s")} of the {side} database {endpoint}: {listed}{more}. " +
            $"Reading through them would see only the rows the policies show, and rows would be missed without any error. Nothing was written; {advice}.");
    }
}
