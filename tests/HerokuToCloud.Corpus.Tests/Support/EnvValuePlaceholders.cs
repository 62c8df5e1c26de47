using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HerokuToCloud.Corpus.Tests.Support;

/// <summary>
/// Rewrites an app.json so that every env value (env.VAR, env.VAR.value and the same under
/// environments.*.env) is replaced by a different value of the same JSON kind, leaving every other
/// byte alone. If generating from the rewritten file gives the same output, no value reached it.
/// PROCFILE_PATH keeps its value: it names a file, which decides what is captured.
/// </summary>
public static class EnvValuePlaceholders
{
    public static (string Text, int Replaced) Replace(string appJson)
    {
        var bytes = Encoding.UTF8.GetBytes(appJson);
        var reader = new Utf8JsonReader(bytes);
        var containers = new List<string?>();
        string? property = null;
        var edits = new List<(int Start, int Length, string Replacement)>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    containers.Add(property);
                    property = null;
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    containers.RemoveAt(containers.Count - 1);
                    break;
                case JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                    if (EnvVariable([.. containers, property]) is { } variable && variable != "PROCFILE_PATH")
                    {
                        var start = (int)reader.TokenStartIndex;
                        var length = reader.TokenType == JsonTokenType.String ? reader.ValueSpan.Length + 2 : reader.ValueSpan.Length;
                        var n = edits.Count;
                        edits.Add((start, length, reader.TokenType switch
                        {
                            JsonTokenType.String => $"\"h2c-placeholder-{n}\"",
                            JsonTokenType.Number => (424242 + n).ToString(CultureInfo.InvariantCulture),
                            JsonTokenType.True => "false",
                            _ => "true",
                        }));
                    }

                    property = null;
                    break;
                default:
                    property = null;
                    break;
            }
        }

        var text = new StringBuilder();
        var at = 0;
        foreach (var (start, length, replacement) in edits)
        {
            text.Append(Encoding.UTF8.GetString(bytes, at, start - at)).Append(replacement);
            at = start + length;
        }

        text.Append(Encoding.UTF8.GetString(bytes, at, bytes.Length - at));
        return (text.ToString(), edits.Count);
    }

    /// <summary>The variable a scalar at this path is the value of, or null. The path starts with the root (null).</summary>
    private static string? EnvVariable(IReadOnlyList<string?> path)
    {
        // [root, env, VAR] or [root, env, VAR, value]; the same under [root, environments, NAME, ...].
        var env = path.Count >= 5 && path[1] == "environments" && path[3] == "env" ? 4 : path.Count >= 3 && path[1] == "env" ? 2 : -1;
        if (env < 0)
            return null;
        if (path.Count == env + 1)
            return path[env];
        return path.Count == env + 2 && path[env + 1] == "value" ? path[env] : null;
    }
}
