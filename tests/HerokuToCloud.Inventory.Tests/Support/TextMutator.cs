namespace HerokuToCloud.Inventory.Tests.Support;

/// <summary>
/// Breaks text the ways files get broken: truncation, deleted spans, stray punctuation, duplicated and
/// swapped lines, odd characters. Deterministic for a given <see cref="Random"/> seed.
/// </summary>
internal static class TextMutator
{
    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", "\"", "'", ":", ",", "\n", "\r\n", "#", " ", "    ", "-", "- ", "\t", "null", "true", "0", "-1",
        "99999999999999999999", "1.5e400", "\"x\"", "&a ", "*a", "!!str ", "---\n", "\\", "\\u", "\\ud800", "\ud800", "\u0000",
        "\u2028", "é", "%", "|", ">", "?", "~", ".inf", "<<: ", "${X}", "web:", "size: ", "plan: ", "kind: addon", "[]", "{}",
    ];

    public static string Mutate(string text, Random random)
    {
        var operations = random.Next(1, 4);
        for (var i = 0; i < operations; i++)
            text = MutateOnce(text, random);
        return text;
    }

    private static string MutateOnce(string text, Random random)
    {
        if (text.Length == 0)
            return Tokens[random.Next(Tokens.Length)];

        var at = random.Next(text.Length);
        var lines = text.Split('\n');
        switch (random.Next(7))
        {
            case 0:
                return text[..at];
            case 1:
                return text.Remove(at, Math.Min(random.Next(1, 24), text.Length - at));
            case 2:
                return text.Insert(at, Tokens[random.Next(Tokens.Length)]);
            case 3:
                var line = random.Next(lines.Length);
                return string.Join('\n', lines.Take(line + 1).Append(lines[line]).Concat(lines.Skip(line + 1)));
            case 4:
                var (a, b) = (random.Next(lines.Length), random.Next(lines.Length));
                (lines[a], lines[b]) = (lines[b], lines[a]);
                return string.Join('\n', lines);
            case 5:
                return text.Remove(at, 1).Insert(at, Tokens[random.Next(Tokens.Length)]);
            default:
                lines[random.Next(lines.Length)] = lines[random.Next(lines.Length)];
                return string.Join('\n', lines);
        }
    }
}
