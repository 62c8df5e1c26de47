using System.Globalization;

namespace HerokuToCloud.Graph;

/// <summary>
/// The type the program's <c>config:</c> section declares for a key, held as Pulumi holds a stack value
/// to it before the program runs (the CLI's stack-config validation, "must be of type"). Pulumi reads a
/// stack file's single values as their text, whether plain or quoted, and checks that text: a boolean is
/// exactly <c>true</c> or <c>false</c> (not True), an integer is digits with an optional sign (not 3.0 or
/// 0x10); a string is any single value; an array of strings is a list of text items. Only what Pulumi would
/// refuse is reported, so this is looser than what <c>generate</c> itself writes (<see cref="ConfigTypes.Matches"/>).
/// Secret keys are left to the policy's plaintext-secret rule, so a value that should never have been
/// written is not repeated in a message.
/// </summary>
public sealed record DeclaredTypeLimit(string Key, ConfigType Type) : IStackValueLimit
{
    /// <summary>A limit for each non-secret key the program declares.</summary>
    public static IEnumerable<DeclaredTypeLimit> Read(ResourceGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return graph.Config.Where(c => !c.Secret).Select(c => new DeclaredTypeLimit(c.Key, c.Type));
    }

    public IEnumerable<StackValueProblem> Check(StackConfig stack)
    {
        if (!stack.Values.TryGetValue(Key, out var value))
            yield break;
        var written = stack.WrittenAs(Key);
        if (Accepts(value, written))
            yield break;
        var shown = written ?? Shown(value);
        yield return new StackValueProblem(Key, Type switch
        {
            ConfigType.Boolean => $"{shown} is not a boolean; use true or false.",
            ConfigType.Integer => $"{shown} is not an integer; use a whole number such as 1.",
            ConfigType.StringList => $"{Shown(value)} is not a list of strings; put each item on its own line under the key (- item), quoting any that look like numbers.",
            _ => $"{Shown(value)} is a list, but the program reads one string; write the value on the key's line.",
        });
    }

    /// <param name="written">The text a stack file wrote a plain boolean or number as, which is what Pulumi checks; null for a value heroku2cloud writes itself (true, 3).</param>
    private bool Accepts(Value value, string? written) => (Type, value) switch
    {
        (ConfigType.String, StringValue or NumberValue or BoolValue) => true,
        // Pulumi compares the text: a plain True resolves to a boolean in YAML, but its text is not "true".
        (ConfigType.Boolean, BoolValue) => written is null or "true" or "false",
        (ConfigType.Boolean, StringValue { Text: "true" or "false" }) => true,
        // Pulumi parses the text with Go's strconv.Atoi (an optional sign and ASCII digits within 64 bits),
        // so a plain 3.0, 1e3 or 0x10 is refused although YAML reads a whole number.
        (ConfigType.Integer, NumberValue n) => written is null
            ? n.Number == decimal.Truncate(n.Number) && n.Number is >= long.MinValue and <= long.MaxValue
            : IsAtoiInteger(written),
        (ConfigType.Integer, StringValue s) => IsAtoiInteger(s.Text),
        (ConfigType.StringList, ListValue list) => list.Items.All(i => i is StringValue),
        _ => false,
    };

    private static bool IsAtoiInteger(string text) => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    /// <summary>Text in quotes, so "true" written as text reads differently from true in the message.</summary>
    private static string Shown(Value value) => value switch
    {
        StringValue s => $"\"{s.Text}\"",
        NumberValue n => n.Number.ToString(CultureInfo.InvariantCulture),
        BoolValue b => b.Flag ? "true" : "false",
        ListValue l => $"[{string.Join(", ", l.Items.Select(Shown))}]",
        _ => value.ToString() ?? "",
    };
}
