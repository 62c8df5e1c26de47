using System.Globalization;

namespace HerokuToCloud.Graph;

/// <summary>Reading a stack value as the number or text it was written as, for the limits and their messages.</summary>
public static class StackValueText
{
    /// <summary>
    /// A whole number, written as a number or as digits in a string (Pulumi reads "3" for an integer
    /// key too); null when the value is anything else, including a fraction or a number beyond int.
    /// </summary>
    public static int? WholeNumber(StackConfig stack, string key) =>
        stack.Values.GetValueOrDefault(key) switch
        {
            NumberValue n when n.Number == decimal.Truncate(n.Number) && n.Number is >= int.MinValue and <= int.MaxValue => (int)n.Number,
            StringValue s when int.TryParse(s.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) => i,
            _ => null,
        };

    /// <summary>The value as the stack file shows it, for messages.</summary>
    public static string Show(StackConfig stack, string key) => stack.Values.GetValueOrDefault(key) switch
    {
        StringValue s => s.Text.Length == 0 ? "\"\"" : s.Text,
        NumberValue n => n.Number.ToString(CultureInfo.InvariantCulture),
        BoolValue b => b.Flag ? "true" : "false",
        ListValue l => $"[{string.Join(", ", l.Items.Select(i => i is StringValue s ? s.Text : i.ToString()))}]",
        null => "(no value)",
        var other => other.ToString() ?? "",
    };
}
