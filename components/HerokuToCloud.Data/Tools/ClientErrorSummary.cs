namespace HerokuToCloud.Data.Tools;

/// <summary>
/// Shortens a failed pg_dump/pg_restore's standard error for a one-paragraph message. The lines that say
/// what went wrong (ERROR, FATAL, DETAIL, HINT, "pg_restore: error: …") come first, in the order printed,
/// then the last few lines for context. A plain tail is not enough: pg_restore ends with the whole failed
/// statement ("Command was: CREATE TABLE …", one line per column), which would push the error itself out.
/// </summary>
internal static class ClientErrorSummary
{
    private const int MaxDiagnosticLines = 6;
    private const int MaxTailLines = 3;
    private const int MaxLineLength = 300;
    private const int MaxLength = 1500;

    private static readonly string[] DiagnosticMarkers = ["ERROR:", "FATAL:", "PANIC:", "DETAIL:", "HINT:", ": error:", ": fatal:"];

    public static string Summarize(string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith("pg_restore: processing", StringComparison.Ordinal))
            .ToList();
        var diagnostics = lines.Select((line, index) => (line, index))
            .Where(l => DiagnosticMarkers.Any(m => l.line.Contains(m, StringComparison.Ordinal)))
            .Take(MaxDiagnosticLines)
            .ToList();
        var shown = diagnostics.Select(d => d.index).ToHashSet();
        var tail = Enumerable.Range(0, lines.Count).TakeLast(MaxTailLines).Where(i => !shown.Contains(i)).ToList();

        var parts = diagnostics.Select(d => Shorten(d.line)).ToList();
        if (tail.Count > 0)
        {
            if (diagnostics.Count > 0 && tail[0] > diagnostics[^1].index + 1)
                parts.Add("…");
            parts.AddRange(tail.Select(i => Shorten(lines[i])));
        }

        var summary = string.Join(" | ", parts);
        return summary.Length > MaxLength ? summary[..MaxLength] + "…" : summary;
    }

    private static string Shorten(string line) => line.Length > MaxLineLength ? line[..MaxLineLength] + "…" : line;
}
