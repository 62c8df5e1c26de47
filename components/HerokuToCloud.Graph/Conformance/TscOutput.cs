using System.Globalization;
using System.Text.RegularExpressions;

namespace HerokuToCloud.Graph.Conformance;

/// <summary>Parses <c>tsc --pretty false</c> output: <c>file(line,col): error TS1234: message</c>, continuation lines indented.</summary>
internal static partial class TscOutput
{
    public sealed record Entry(string? File, int Line, int Column, string Code, string Message);

    public static IReadOnlyList<Entry> Parse(string output)
    {
        var entries = new List<Entry>();
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
                continue;
            var located = Located().Match(line);
            if (located.Success)
            {
                entries.Add(new Entry(
                    located.Groups["file"].Value,
                    int.Parse(located.Groups["line"].Value, CultureInfo.InvariantCulture),
                    int.Parse(located.Groups["column"].Value, CultureInfo.InvariantCulture),
                    located.Groups["code"].Value,
                    located.Groups["message"].Value));
                continue;
            }

            var general = General().Match(line);
            if (general.Success)
                entries.Add(new Entry(null, 0, 0, general.Groups["code"].Value, general.Groups["message"].Value));
            else if (entries.Count > 0 && char.IsWhiteSpace(line[0]))
                entries[^1] = entries[^1] with { Message = entries[^1].Message + " " + line.Trim() };
        }

        return entries;
    }

    [GeneratedRegex(@"^(?<file>.+?)\((?<line>\d+),(?<column>\d+)\): error (?<code>TS\d+): (?<message>.*)$")]
    private static partial Regex Located();

    [GeneratedRegex(@"^error (?<code>TS\d+): (?<message>.*)$")]
    private static partial Regex General();
}
