using System.Globalization;
using System.Text;

namespace HerokuToCloud.Data.Reporting;

/// <summary>
/// Text shown on one line of a terminal or log: a table, app or process name may hold a newline, a tab or an
/// escape sequence, which would split a progress line in two or drive the terminal. Those characters are
/// written as escapes (<c>\n</c>, <c>\t</c>, <c>\u001B</c>); everything else, non-ASCII letters included, is
/// kept. For display only: JSON output and the engine's own matching keep the real name.
/// </summary>
public static class OneLine
{
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(NeedsEscape))
            return text;

        var shown = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            shown.Append(c switch
            {
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                _ when NeedsEscape(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => c.ToString(),
            });
        }

        return shown.ToString();
    }

    /// <summary>C0 and C1 controls and DEL, and the two Unicode separators a terminal or editor also breaks lines at.</summary>
    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
