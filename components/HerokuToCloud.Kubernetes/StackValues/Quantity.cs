using System.Globalization;
using System.Text.RegularExpressions;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// A Kubernetes resource quantity ("250m", "1.5", "512Mi", "64Gi", "1e3") read the way the API server
/// reads it (k8s.io/apimachinery resource.Quantity): a decimal number and one suffix, binary (Ki … Ei),
/// decimal (m, k, M … E) or an exponent. Its <see cref="Amount"/> is in base units: cores for CPU,
/// bytes for memory and storage.
/// </summary>
public sealed partial record Quantity(string Text, decimal Amount)
{
    private static readonly Dictionary<string, decimal> Multipliers = new(StringComparer.Ordinal)
    {
        [""] = 1m,
        ["m"] = 0.001m,
        ["k"] = 1e3m,
        ["M"] = 1e6m,
        ["G"] = 1e9m,
        ["T"] = 1e12m,
        ["P"] = 1e15m,
        ["E"] = 1e18m,
        ["Ki"] = 1024m,
        ["Mi"] = 1024m * 1024,
        ["Gi"] = 1024m * 1024 * 1024,
        ["Ti"] = 1024m * 1024 * 1024 * 1024,
        ["Pi"] = 1024m * 1024 * 1024 * 1024 * 1024,
        ["Ei"] = 1024m * 1024 * 1024 * 1024 * 1024 * 1024,
    };

    /// <summary>The quantity <paramref name="text"/> denotes, or null when Kubernetes would refuse to parse it.</summary>
    public static Quantity? Parse(string text)
    {
        var match = Syntax().Match(text);
        if (!match.Success)
            return null;
        var number = decimal.Parse(match.Groups["number"].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var suffix = match.Groups["suffix"].Value;
        try
        {
            if (suffix.Length > 1 && suffix[0] is 'e' or 'E')
            {
                var exponent = int.Parse(suffix[1..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                // Beyond ±27 no quantity a container or volume could ask for is meant; decimal would overflow too.
                if (Math.Abs(exponent) > 27)
                    return null;
                return new Quantity(text, number * Pow10(exponent));
            }

            return new Quantity(text, number * Multipliers[suffix]);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
            result = exponent > 0 ? result * 10 : result / 10;
        return result;
    }

    [GeneratedRegex(@"^(?<number>[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(?<suffix>Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Syntax();
}
