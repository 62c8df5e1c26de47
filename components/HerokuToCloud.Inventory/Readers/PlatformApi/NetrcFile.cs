using System.Text;

namespace HerokuToCloud.Inventory.Readers.PlatformApi;

/// <summary>
/// A parsed netrc file (the format curl, git and the Heroku CLI read credentials from):
/// whitespace-separated tokens, <c>machine NAME</c> or <c>default</c> starting an entry,
/// <c>login</c>/<c>password</c>/<c>account</c> values, <c>macdef</c> bodies up to a blank line,
/// <c>#</c> comments, and double-quoted values with backslash escapes for passwords that
/// contain spaces.
/// </summary>
public sealed class NetrcFile
{
    private NetrcFile(IReadOnlyList<NetrcEntry> entries) => Entries = entries;

    public IReadOnlyList<NetrcEntry> Entries { get; }

    /// <summary>The first entry for <paramref name="host"/> (case-insensitive, as host names are); null when none.</summary>
    public NetrcEntry? FindMachine(string host) =>
        Entries.FirstOrDefault(e => e.Machine is not null && string.Equals(e.Machine, host, StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses netrc text; <paramref name="path"/> only names the file in error messages.</summary>
    public static NetrcFile Parse(string text, string path)
    {
        var tokens = Tokenize(text, path);
        var entries = new List<NetrcEntry>();
        NetrcEntry? current = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var (token, line) = tokens[i];
            switch (token.Value)
            {
                case "machine" when !token.Quoted:
                    Flush();
                    current = new NetrcEntry { Machine = ValueAfter(i++, "machine") };
                    break;
                case "default" when !token.Quoted:
                    Flush();
                    current = new NetrcEntry();
                    break;
                case "login" when !token.Quoted && current is not null:
                    current = current with { Login = ValueAfter(i++, "login") };
                    break;
                case "password" when !token.Quoted && current is not null:
                    current = current with { Password = ValueAfter(i++, "password") };
                    break;
                case "account" when !token.Quoted && current is not null:
                case "port" when !token.Quoted && current is not null:
                    ValueAfter(i++, token.Value);
                    break;
                default:
                    // Tokens outside any entry or unknown keywords: other tools' extensions. Ignored,
                    // like curl does, rather than refusing a file the Heroku CLI itself accepts.
                    break;
            }

            string ValueAfter(int index, string keyword) =>
                index + 1 < tokens.Count
                    ? tokens[index + 1].Token.Value
                    : throw new InventoryException($"{path}:{line}: '{keyword}' has no value; fix or remove that line of the netrc file.");
        }

        Flush();
        return new NetrcFile(entries);

        void Flush()
        {
            if (current is not null)
                entries.Add(current);
            current = null;
        }
    }

    private readonly record struct NetrcToken(string Value, bool Quoted);

    private static List<(NetrcToken Token, int Line)> Tokenize(string text, string path)
    {
        var tokens = new List<(NetrcToken, int)>();
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                i++;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == '#')
            {
                while (i < text.Length && text[i] != '\n')
                    i++;
                continue;
            }

            var start = line;
            var value = new StringBuilder();
            var quoted = c == '"';
            if (quoted)
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                        throw new InventoryException($"{path}:{start}: a quoted value is not closed; add the closing \" in the netrc file.");
                    var q = text[i++];
                    if (q == '"')
                        break;
                    if (q == '\\' && i < text.Length)
                        q = text[i++];
                    if (q == '\n')
                        line++;
                    value.Append(q);
                }
            }
            else
            {
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                        i++;
                    value.Append(text[i++]);
                }
            }

            var token = new NetrcToken(value.ToString(), quoted);
            if (!quoted && token.Value == "macdef")
            {
                // A macro body runs to the next empty line; it is not credentials.
                SkipMacro(text, ref i, ref line);
                continue;
            }

            tokens.Add((token, start));
        }

        return tokens;
    }

    private static void SkipMacro(string text, ref int i, ref int line)
    {
        while (i < text.Length && text[i] != '\n')
            i++;
        while (i < text.Length)
        {
            // i is at a newline: the macro ends where the next line is empty.
            line++;
            i++;
            var lineStart = i;
            while (i < text.Length && text[i] != '\n')
                i++;
            if (text.AsSpan(lineStart, i - lineStart).Trim().IsEmpty)
                return;
        }
    }
}

/// <summary>One netrc entry; <see cref="Machine"/> is null for the <c>default</c> entry.</summary>
public sealed record NetrcEntry
{
    public string? Machine { get; init; }

    public string? Login { get; init; }

    public string? Password { get; init; }

    /// <summary>Never shows the password, so an entry can be logged or asserted on safely.</summary>
    public override string ToString() =>
        $"machine {Machine ?? "(default)"} login {Login ?? "(none)"} password {(Password is null ? "(none)" : "(set)")}";
}
