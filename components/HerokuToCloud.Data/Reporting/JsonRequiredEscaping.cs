using System.Text;
using System.Text.Encodings.Web;

namespace HerokuToCloud.Data.Reporting;

/// <summary>
/// Escapes in JSON strings only what JSON requires (RFC 8259: the quote, the backslash and control characters
/// below U+0020) and writes everything else as UTF-8, so "café" and "🚀" read as they are. The built-in
/// encoders escape more: the default one every non-ASCII character (é as \u00E9), the relaxed one every
/// character outside the Basic Multilingual Plane (an emoji as two \uXXXX surrogates).
/// </summary>
internal sealed class JsonRequiredEscaping : JavaScriptEncoder
{
    /// <summary>The longest escape, \u001F.</summary>
    public override int MaxOutputCharactersPerInputCharacter => 6;

    public override bool WillEncode(int unicodeScalar) => unicodeScalar is < 0x20 or '"' or '\\';

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        // A lone surrogate is reported too: the writer then puts U+FFFD in its place, where written as it is it
        // would be invalid UTF-8 and the writer would cut the string short.
        var span = new ReadOnlySpan<char>(text, textLength);
        for (var i = 0; i < span.Length;)
        {
            if (Rune.DecodeFromUtf16(span[i..], out var rune, out var used) != System.Buffers.OperationStatus.Done || WillEncode(rune.Value))
                return i;
            i += used;
        }

        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var escape = unicodeScalar switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\b' => "\\b",
            '\f' => "\\f",
            < 0x20 => $"\\u{unicodeScalar:X4}",
            _ => char.ConvertFromUtf32(unicodeScalar),
        };
        if (escape.Length > bufferLength)
        {
            numberOfCharactersWritten = 0;
            return false;
        }

        escape.AsSpan().CopyTo(new Span<char>(buffer, bufferLength));
        numberOfCharactersWritten = escape.Length;
        return true;
    }
}
