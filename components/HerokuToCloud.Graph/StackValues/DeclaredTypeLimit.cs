using System.Globalization;

namespace HerokuToCloud.Graph;

/// <summary>
/// The type the program's <c>config:</c> section declares for a key, held as Pulumi holds a stack value
/// to it before the program runs (the CLI's stack-config validation, "must be of type"): a boolean is
/// <c>true</c> or <c>false</c>, written plain or as the text "true"/"false"; an integer is a whole number,
/// written plain or as digits in a string ("3"); an array of strings is a list of text items; a string
/// is any single value, because Pulumi reads a plain scalar's text as the string. Only what Pulumi would
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
        if (!stack.Values.TryGetValue(Key, out var value) || Accepts(value))
            yield break;
        yield return new StackValueProblem(Key, Type switch
        {
            ConfigType.Boolean => $"{Shown(value)} is not a boolean; use true or false.",
            ConfigType.Integer => $"{Shown(value)} is not an integer; use a whole number such as 1.",
            ConfigType.StringList => $"{Shown(value)} is not a list of strings; put each item on its own line under the key (- item), quoting any that look like numbers.",
            _ => $"{Shown(value)} is a list, but the program reads one string; write the value on the key's line.",
        });
    }

    private bool Accepts(Value value) => (Type, value) switch
    {
        (ConfigType.String, StringValue or NumberValue or BoolValue) => true,
        // A plain True is a boolean to go-yaml v3 as to our reader, so Pulumi takes it; a quoted "True" is text, which it refuses.
        (ConfigType.Boolean, BoolValue) => true,
        (ConfigType.Boolean, StringValue { Text: "true" or "false" }) => true,
        // Pulumi parses the text with Go's strconv.Atoi: an optional sign and ASCII digits within 64 bits.
        // 3.0 is taken too: Pulumi reads a YAML number and passes it on as 3.
        (ConfigType.Integer, NumberValue n) => n.Number == decimal.Truncate(n.Number) && n.Number is >= long.MinValue and <= long.MaxValue,
        (ConfigType.Integer, StringValue s) => long.TryParse(s.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        (ConfigType.StringList, ListValue list) => list.Items.All(i => i is StringValue),
        _ => false,
    };

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
