using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HerokuToCloud.Inventory.Readers.Manifests;

/// <summary>
/// Parses JSON strictly (no comments, no trailing commas, as Heroku does) into a <see cref="JsonTree"/>
/// with positions. Syntax errors name the file, line, column and the JSON path being read.
/// </summary>
internal static partial class JsonTreeParser
{
    public static JsonTree Parse(string text, string file)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
            text = text[1..];
        var state = new ParseState(file, Encoding.UTF8.GetBytes(text));
        if (text.Trim().Length == 0)
            throw new SourceLocation(file, 1, 1, "").Error("the file is empty; app.json is a JSON object such as {\"name\": \"my-app\"}.");

        var reader = new Utf8JsonReader(state.Bytes, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
            MaxDepth = 64,
        });
        try
        {
            reader.Read();
            var root = ReadValue(ref reader, state, "$");
            if (reader.Read())
                throw state.At(reader.TokenStartIndex, "$").Error("there is more after the end of the JSON value; app.json holds exactly one object.");
            return root;
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0);
            var column = state.CharColumn(line, (int)(ex.BytePositionInLine ?? 0));
            throw new SourceLocation(file, line + 1, column, state.CurrentPath).Error($"{CleanMessage(ex.Message)} This is not valid JSON; fix the syntax at this place.");
        }
    }

    private static JsonTree ReadValue(ref Utf8JsonReader reader, ParseState state, string path)
    {
        state.CurrentPath = path;
        var location = state.At(reader.TokenStartIndex, path);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var properties = new List<JsonProperty>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var key = GetString(ref reader, state, path);
                    var childPath = ChildPath(path, key);
                    var keyLocation = state.At(reader.TokenStartIndex, childPath);
                    state.CurrentPath = childPath;
                    reader.Read();
                    properties.Add(new JsonProperty(key, keyLocation, ReadValue(ref reader, state, childPath)));
                    state.CurrentPath = path;
                }

                return new JsonObject(location, properties);
            }

            case JsonTokenType.StartArray:
            {
                var items = new List<JsonTree>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, state, $"{path}[{items.Count}]"));
                    state.CurrentPath = path;
                }

                return new JsonArray(location, items);
            }

            case JsonTokenType.String:
                return new JsonString(location, GetString(ref reader, state, path));
            case JsonTokenType.Number:
                return new JsonNumber(location, Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True:
                return new JsonBool(location, true);
            case JsonTokenType.False:
                return new JsonBool(location, false);
            default:
                return new JsonNull(location);
        }
    }

    private static string GetString(ref Utf8JsonReader reader, ParseState state, string path)
    {
        try
        {
            return reader.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            throw state.At(reader.TokenStartIndex, path).Error("this string is not valid Unicode (for example a lone \\uD800 escape); fix the text.");
        }
    }

    /// <summary>$.env.SECRET_KEY, or $['odd key'] when the key is not a plain name.</summary>
    public static string ChildPath(string path, string key) =>
        PlainKey().IsMatch(key) ? $"{path}.{key}" : $"{path}['{key.Replace("'", "\\'", StringComparison.Ordinal)}']";

    private static string CleanMessage(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = (cut >= 0 ? message[..cut] : message).Trim();

        // System.Text.Json words these two for programmers ("not supported in this mode. Change the reader
        // options."); Heroku reads app.json as strict JSON, so the fix is in the file.
        if (text.Contains("trailing comma", StringComparison.OrdinalIgnoreCase))
            return "There is a trailing comma, which JSON does not allow; remove it.";
        if (text.StartsWith("'/' is", StringComparison.Ordinal) || text.Contains("comment", StringComparison.OrdinalIgnoreCase))
            return "There is a comment, which JSON does not allow; remove it.";
        return text.EndsWith('.') ? text : text + ".";
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex PlainKey();

    private sealed class ParseState
    {
        private readonly List<int> _lineStarts = [0];

        public ParseState(string file, byte[] bytes)
        {
            File = file;
            Bytes = bytes;
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                    _lineStarts.Add(i + 1);
            }
        }

        public string File { get; }

        public byte[] Bytes { get; }

        public string CurrentPath { get; set; } = "$";

        public SourceLocation At(long offset, string path)
        {
            var index = _lineStarts.BinarySearch((int)offset);
            var line = index >= 0 ? index : ~index - 1;
            return new SourceLocation(File, line + 1, CharColumn(line, (int)offset - _lineStarts[line]), path);
        }

        /// <summary>1-based column in characters of a byte position within a 0-based line.</summary>
        public int CharColumn(int line, int bytePosition)
        {
            if (line >= _lineStarts.Count)
                return bytePosition + 1;
            var start = _lineStarts[line];
            var end = Math.Min(start + bytePosition, Bytes.Length);
            var chars = 0;
            for (var i = start; i < end; i++)
            {
                if ((Bytes[i] & 0xC0) != 0x80)
                    chars++;
            }

            return chars + 1;
        }
    }
}
