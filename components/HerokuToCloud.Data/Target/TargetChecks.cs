using HerokuToCloud.Data.Catalog;
using HerokuToCloud.Data.Connections;
using Npgsql;

namespace HerokuToCloud.Data.Target;

/// <summary>Checks that the target can hold the source's schema before anything is written.</summary>
public static class TargetChecks
{
    /// <summary>
    /// Roles that managed services give their admin user instead of superuser, whose members may create the
    /// extensions the service allows (RDS and Aurora: rds_superuser, through rds.allowed_extensions; Azure
    /// Flexible Server: azure_pg_admin, through azure.extensions; Cloud SQL: cloudsqlsuperuser). Which ones a
    /// service allows is not readable in SQL, but pg_available_extensions lists only those it ships, so a
    /// member is taken as able: checking trusted-ness for them would refuse what the service permits.
    /// </summary>
    private static readonly string[] ManagedAdminRoles = ["rds_superuser", "azure_pg_admin", "cloudsqlsuperuser"];

    /// <summary>
    /// Every extension the source uses must be installable on the target, and the target role must be able to
    /// create it: a non-superuser can create only trusted extensions, and only with CREATE on the database,
    /// which <see cref="TargetWritability"/> has already made sure of (both ways in claim the target first).
    /// Without this check the restore fails halfway through the schema at CREATE EXTENSION. An extension
    /// already in the target in the schema the source has it in is kept (pg_dump writes CREATE EXTENSION IF
    /// NOT EXISTS), by <paramref name="replace"/> too. One in another schema is refused without
    /// <paramref name="replace"/>: the restore would keep it there, the schema's functions and defaults would
    /// not find it, and validation would report it only after the whole copy; <paramref name="replace"/>
    /// drops it, so then it must be creatable again. The error names the extensions and what to do,
    /// with the SQL an administrator runs.
    /// </summary>
    public static async Task EnsureExtensionsCreatableAsync(NpgsqlConnection target, IReadOnlyList<SourceExtension> extensions, string targetDisplay, ServerVersion targetVersion, bool replace, CancellationToken cancellationToken)
    {
        if (extensions.Count == 0)
            return;
        var wanted = await ReadExtensionsAsync(target, extensions, targetVersion, cancellationToken);

        var missing = wanted.Where(e => !e.Available).Select(e => e.Source.Name).ToList();
        if (missing.Count > 0)
        {
            var names = string.Join(", ", missing);
            throw new DataMigrationException($"the source uses the extension{(missing.Count > 1 ? "s" : "")} {names}, which the target server {targetDisplay} cannot install (not in pg_available_extensions). Install or allow {names} on the target (on RDS: a supported engine version; on CloudNativePG: an image that ships it), or drop it from the source first.");
        }

        var role = await ReadRoleAsync(target, cancellationToken);
        var misplaced = replace ? [] : wanted.Where(e => e.InstalledIn is { } schema && schema != e.Source.Schema).ToList();
        if (misplaced.Count > 0)
        {
            var list = string.Join(", ", misplaced.Select(e => $"{e.Source.Name} (target: {e.InstalledIn}; source: {e.Source.Schema})"));
            var it = misplaced.Count > 1 ? "them" : "it";
            throw new DataMigrationException(
                $"the target {targetDisplay} has the extension{(misplaced.Count > 1 ? "s" : "")} {list} in another schema than the source, and the migration keeps an installed extension where it is; nothing has been written. " +
                $"Have its owner or a superuser move {it}: {CreateSql(misplaced, role.Name)} (or drop {it} if the target role may create {it}), then run again.");
        }

        var toCreate = wanted.Where(e => e.InstalledIn != e.Source.Schema).ToList();
        if (toCreate.Count == 0 || role.Superuser || role.ManagedAdmin)
            return;

        var blocked = toCreate.Where(e => !e.Trusted).ToList();
        if (blocked.Count == 0)
            return;
        var reasons = string.Join(", ", blocked.Select(e => $"{e.Source.Name} ({Reason(e, replace)})"));
        var them = blocked.Count > 1 ? "them" : "it";
        throw new DataMigrationException(
            $"the target role {role.Name} cannot create the extension{(blocked.Count > 1 ? "s" : "")} {reasons} on {targetDisplay}, and the source uses {them}; nothing has been written. " +
            $"Have an administrator (a superuser, or on RDS the master user, a member of rds_superuser) create {them} in the target database first, in the source's schema: {CreateSql(blocked, role.Name)} " +
            $"Then run again; or migrate with a target role that can create {them}.");
    }

    /// <summary>
    /// The SQL that puts the <paramref name="wanted"/> extensions where the source has them: created, or moved
    /// there when installed elsewhere (CREATE EXTENSION IF NOT EXISTS would leave it where it is), or dropped and
    /// created there when it cannot be moved. A schema other than public is made for <paramref name="role"/>,
    /// which restores into it the source's other objects there and calls the extension's functions through it.
    /// </summary>
    private static string CreateSql(IEnumerable<WantedExtension> wanted, string role)
    {
        var statements = new List<string>();
        foreach (var want in wanted)
        {
            var (name, schema) = (Identifier.Quote(want.Source.Name), Identifier.Quote(want.Source.Schema));
            if (want.Source.Schema != "public")
                statements.Add($"CREATE SCHEMA IF NOT EXISTS {schema} AUTHORIZATION {Identifier.Quote(role)};");
            // An extension that is not relocatable (xml2, postgis) cannot be moved, only made again.
            if (want.InstalledIn is not null && !want.Relocatable)
                statements.Add($"DROP EXTENSION {name};");
            statements.Add(want.InstalledIn is not null && want.Relocatable
                ? $"ALTER EXTENSION {name} SET SCHEMA {schema};"
                : $"CREATE EXTENSION IF NOT EXISTS {name} WITH SCHEMA {schema};");
        }

        return string.Join(" ", statements.Distinct(StringComparer.Ordinal));
    }

    private static string Reason(WantedExtension extension, bool replace)
    {
        const string reason = "not trusted: only a superuser can create it";
        return extension.InstalledIn is { } schema && replace ? $"installed in {schema}, not the source's {extension.Source.Schema}, so --replace drops it; {reason}" : reason;
    }

    /// <summary>A source extension as the target has it: installable at all, the schema it is installed in (null: not installed), trusted, movable to another schema.</summary>
    private sealed record WantedExtension(SourceExtension Source, bool Available, string? InstalledIn, bool Trusted, bool Relocatable);

    private sealed record TargetRole(string Name, bool Superuser, bool ManagedAdmin);

    private static async Task<IReadOnlyList<WantedExtension>> ReadExtensionsAsync(NpgsqlConnection target, IReadOnlyList<SourceExtension> extensions, ServerVersion targetVersion, CancellationToken cancellationToken)
    {
        // CREATE EXTENSION without VERSION installs the default version; trusted extensions came with PostgreSQL 13.
        var trusted = targetVersion.Major >= 13
            ? "COALESCE((SELECT v.trusted FROM pg_available_extension_versions v WHERE v.name = a.name AND v.version = a.default_version), false)"
            : "false";
        await using var command = new NpgsqlCommand(
            $"""
            SELECT wanted, a.name IS NOT NULL,
                   (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = wanted), {trusted},
                   COALESCE((SELECT e.extrelocatable FROM pg_extension e WHERE e.extname = wanted), true)
              FROM unnest(@names) AS wanted LEFT JOIN pg_available_extensions a ON a.name = wanted
             ORDER BY 1
            """,
            target);
        command.Parameters.AddWithValue("names", extensions.Select(e => e.Name).ToArray());
        var byName = extensions.ToDictionary(e => e.Name, StringComparer.Ordinal);
        var result = new List<WantedExtension>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            result.Add(new WantedExtension(byName[reader.GetString(0)], reader.GetBoolean(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetBoolean(3), reader.GetBoolean(4)));
        return result;
    }

    private static async Task<TargetRole> ReadRoleAsync(NpgsqlConnection target, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT current_user, r.rolsuper,
                   EXISTS (SELECT 1 FROM pg_roles m WHERE m.rolname = ANY(@admins) AND pg_has_role(current_user, m.oid, 'MEMBER'))
              FROM pg_roles r WHERE r.rolname = current_user
            """,
            target);
        command.Parameters.AddWithValue("admins", ManagedAdminRoles);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new TargetRole(reader.GetString(0), reader.GetBoolean(1), reader.GetBoolean(2));
    }
}
