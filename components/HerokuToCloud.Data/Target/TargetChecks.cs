using Npgsql;

namespace HerokuToCloud.Data.Target;

/// <summary>Checks that the target can hold the source's schema before anything is written.</summary>
public static class TargetChecks
{
    /// <summary>Every extension the source uses must be installable on the target; the error names the missing ones.</summary>
    public static async Task EnsureExtensionsAvailableAsync(NpgsqlConnection target, IReadOnlyList<string> extensions, string targetDisplay, CancellationToken cancellationToken)
    {
        if (extensions.Count == 0)
            return;
        await using var command = new NpgsqlCommand(
            "SELECT wanted FROM unnest(@names) AS wanted WHERE NOT EXISTS (SELECT 1 FROM pg_available_extensions a WHERE a.name = wanted) ORDER BY 1",
            target);
        command.Parameters.AddWithValue("names", extensions.ToArray());
        var missing = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                missing.Add(reader.GetString(0));
        }

        if (missing.Count > 0)
        {
            var names = string.Join(", ", missing);
            throw new DataMigrationException($"the source uses the extension{(missing.Count > 1 ? "s" : "")} {names}, which the target server {targetDisplay} cannot install (not in pg_available_extensions). Install or allow {names} on the target (on RDS: a supported engine version; on CloudNativePG: an image that ships it), or drop it from the source first.");
        }
    }
}
