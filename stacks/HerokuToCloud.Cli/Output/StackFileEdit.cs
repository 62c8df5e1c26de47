using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace HerokuToCloud.Cli.Output;

/// <summary>
/// Applies a stack-file merge to the team's own text instead of writing the file anew, so their comments,
/// blank lines and key order survive a regenerate: only the config entries whose value changes are
/// rewritten (with the generated entry's lines), and keys new to the program are added after the last
/// entry. It works on block-style files as Pulumi and heroku2cloud write them; for anything else it
/// returns null and the merge writes the file anew.
/// </summary>
internal static class StackFileEdit
{
    private static readonly YamlScalarNode ConfigKey = new("config");

    /// <param name="existing">The team's stack file.</param>
    /// <param name="generated">The stack file generated on this run.</param>
    /// <param name="replaced">Keys whose generated entry replaces the team's.</param>
    /// <param name="added">Keys only the generated file has, in its order.</param>
    public static string? Apply(string existing, string generated, IReadOnlyCollection<string> replaced, IReadOnlyList<string> added)
    {
        var old = Entries(existing);
        var fresh = Entries(generated);
        if (old is null || fresh is null || old.Entries.Count == 0)
            return null;

        var lines = old.Lines;
        // Lines taken from the generated file follow the team's line endings.
        var ending = existing.Contains("\r\n", StringComparison.Ordinal) ? "\r" : "";
        string[] Taken(int start, int end) => fresh.Lines[start..(end + 1)].Select(l => l + ending).ToArray();
        var replacements = new Dictionary<int, (int End, IReadOnlyList<string> Lines)>();
        foreach (var key in replaced)
        {
            if (!old.Entries.TryGetValue(key, out var mine) || !fresh.Entries.TryGetValue(key, out var theirs))
                return null;
            replacements[mine.Start] = (mine.End, Taken(theirs.Start, theirs.End));
        }

        var addedLines = new List<string>();
        foreach (var key in added)
        {
            if (!fresh.Entries.TryGetValue(key, out var entry))
                return null;
            addedLines.AddRange(Taken(entry.Start, entry.End));
        }

        var lastEntryEnd = old.Entries.Values.Max(e => e.End);
        var result = new List<string>(lines.Length + addedLines.Count);
        for (var i = 0; i < lines.Length; i++)
        {
            if (replacements.TryGetValue(i, out var replacement))
            {
                result.AddRange(replacement.Lines);
                i = replacement.End;
            }
            else
            {
                result.Add(lines[i]);
            }

            if (i == lastEntryEnd)
                result.AddRange(addedLines);
        }

        return string.Join('\n', result);
    }

    /// <summary>A file's lines and the line range (0-based, inclusive) of each config entry, or null when its layout is not the plain block style this edits.</summary>
    private static ConfigLines? Entries(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException)
        {
            return null;
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode { Style: not MappingStyle.Flow } root
            || !root.Children.TryGetValue(ConfigKey, out var node) || node is not YamlMappingNode { Style: not MappingStyle.Flow } config)
        {
            return null;
        }

        var lines = text.Split('\n');
        // The config block ends where the next top-level line starts (a key at column 1), or at the end.
        var configLine = (int)root.Children.Keys.First(k => k.Equals(ConfigKey)).Start.Line - 1;
        var blockEnd = configLine + 1;
        while (blockEnd < lines.Length && !StartsTopLevelKey(lines[blockEnd]))
            blockEnd++;

        var starts = config.Children.Keys.Select(k => (Key: (k as YamlScalarNode)?.Value, Line: (int)k.Start.Line - 1)).ToList();
        if (starts.Any(s => s.Key is null || s.Line <= configLine || s.Line >= blockEnd) || starts.Select(s => s.Line).Distinct().Count() != starts.Count)
            return null;

        var entries = new Dictionary<string, (int Start, int End)>(StringComparer.Ordinal);
        for (var i = 0; i < starts.Count; i++)
        {
            var end = (i + 1 < starts.Count ? starts[i + 1].Line : blockEnd) - 1;
            // Blank and comment lines before the next key belong to it (a comment above a key describes that key).
            while (end > starts[i].Line && IsBlankOrComment(lines[end]))
                end--;
            entries[starts[i].Key!] = (starts[i].Line, end);
        }

        return new ConfigLines(lines, entries);
    }

    private static bool StartsTopLevelKey(string line) => line.Length > 0 && !char.IsWhiteSpace(line[0]) && line[0] != '#';

    private static bool IsBlankOrComment(string line) => line.Trim() is var trimmed && (trimmed.Length == 0 || trimmed.StartsWith('#'));

    private sealed record ConfigLines(string[] Lines, Dictionary<string, (int Start, int End)> Entries);
}
