using System.Text;

namespace HerokuToCloud.Data.Schema;

/// <summary>
/// Edits a <c>pg_restore --list</c> table of contents. Comments on extensions are dropped: CREATE EXTENSION
/// sets them anyway, and only the extension's owner may change them, which on a managed target
/// (RDS, Cloud SQL) is often not the migrating user.
/// </summary>
public static class RestoreList
{
    public static string WithoutExtensionComments(string list)
    {
        var builder = new StringBuilder();
        foreach (var line in list.Split('\n'))
        {
            if (line.Contains(" COMMENT - EXTENSION ", StringComparison.Ordinal))
                builder.Append(';');
            builder.Append(line).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>Extensions the archive creates ("… EXTENSION - hstore" entries).</summary>
    public static IReadOnlyList<string> Extensions(string list) =>
        list.Split('\n')
            .Select(line => line.Trim())
            .Where(line => !line.StartsWith(';') && line.Contains(" EXTENSION - ", StringComparison.Ordinal) && !line.Contains(" COMMENT ", StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf(" EXTENSION - ", StringComparison.Ordinal) + 13)..].Split(' ')[0])
            .Where(name => name != "plpgsql")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The "Dumped from database version" of the archive header, or null.</summary>
    public static string? SourceVersion(string list)
    {
        const string marker = "Dumped from database version:";
        var line = list.Split('\n').FirstOrDefault(l => l.Contains(marker, StringComparison.Ordinal));
        return line?[(line.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].Trim();
    }
}
