using System.Globalization;
using System.Text.RegularExpressions;

namespace HerokuToCloud.Graph.PulumiYaml;

/// <summary>
/// What an unquoted scalar means under the YAML 1.2 core schema, the schema go-yaml v3 (and so Pulumi)
/// applies: null, booleans, integers (decimal, 0o octal, 0x hex) and floats; anything else is a string.
/// </summary>
internal static partial class YamlScalarResolution
{
    /// <summary>The value of a plain scalar, or an error message for numbers a decimal cannot hold.</summary>
    public static (Value? Value, string? Error) ResolvePlain(string text)
    {
        if (text is "" or "~" or "null" or "Null" or "NULL")
            return (NullValue.Instance, null);
        if (text is "true" or "True" or "TRUE")
            return (new BoolValue(true), null);
        if (text is "false" or "False" or "FALSE")
            return (new BoolValue(false), null);
        if (text is ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" or "-.inf" or "-.Inf" or "-.INF" or ".nan" or ".NaN" or ".NAN")
            return (null, $"{text} is not a number a Pulumi program can use; quote it if it is text.");
        if (Octal().IsMatch(text))
            return (new NumberValue(Convert.ToInt64(text[2..], 8)), null);
        if (Hex().IsMatch(text))
            return (new NumberValue(long.Parse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)), null);
        if (Float().IsMatch(text))
        {
            return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? (new NumberValue(number), null)
                : (null, $"{text} is out of range; quote it if it is text.");
        }

        return (new StringValue(text), null);
    }

    [GeneratedRegex("^0o[0-7]{1,21}$")]
    private static partial Regex Octal();

    [GeneratedRegex("^0x[0-9a-fA-F]{1,15}$")]
    private static partial Regex Hex();

    // Covers integers too: [-+]?[0-9]+ is a float without fraction or exponent.
    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
