namespace HerokuToCloud.Inventory.Readers.Manifests;

/// <summary>A Procfile line: process type, command and the line it was on.</summary>
internal sealed record ProcfileEntry(string Type, string Command, int Line);

/// <summary>The long-running process types of a Procfile, and its release-phase command.</summary>
internal sealed record ProcfileManifest(IReadOnlyList<ProcfileEntry> Processes, ProcfileEntry? Release);

/// <summary>
/// Reads a Procfile: one "type: command" per line, the colon right after the type; blank lines and lines
/// starting with # are skipped.
/// Heroku silently ignores lines it cannot parse; capture refuses them instead, because a process
/// that quietly disappears would not be migrated.
/// </summary>
internal static class ProcfileReader
{
    public static ProcfileManifest Read(ManifestFile file)
    {
        var text = file.Text.Length > 0 && file.Text[0] == '\uFEFF' ? file.Text[1..] : file.Text;
        var entries = new List<ProcfileEntry>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r').Trim();
            var number = i + 1;
            if (line.Length == 0 || line.StartsWith('#'))
                continue;

            var where = new SourceLocation(file.Name, number, 1, "");
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
                throw where.Error($"'{Shorten(line)}' has no colon; each Procfile line is 'type: command' (for example 'web: node server.js'); start comment lines with #.");

            var type = line[..colon].Trim();
            var command = line[(colon + 1)..].Trim();
            // Heroku reads a line only when the type is directly followed by the colon; it drops "web : ..." silently.
            if (HerokuNames.IsProcessType(type) && type.Length < colon)
                throw where.Error($"'{Shorten(line[..(colon + 1)])}' has a space before the colon, and Heroku would ignore this line; write '{type}:' with the colon right after the process type (for example '{type}: {Shorten(command)}').");
            if (!HerokuNames.IsProcessType(type))
                throw where.Error($"'{Shorten(type)}' is not a valid process type; use letters, digits, '-' and '_' before the colon (for example 'worker: ...').");
            if (command.Length == 0)
                throw where.Error($"the process type '{type}' has no command after the colon.");
            if (entries.FirstOrDefault(e => e.Type == type) is { } earlier)
                throw where.Error($"the process type '{type}' is defined twice, on lines {earlier.Line} and {number}; keep one.");

            entries.Add(new ProcfileEntry(type, command, number));
        }

        return new ProcfileManifest(
            entries.Where(e => e.Type != "release").ToArray(),
            entries.FirstOrDefault(e => e.Type == "release"));
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
