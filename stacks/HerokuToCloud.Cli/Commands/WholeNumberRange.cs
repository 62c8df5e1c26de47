using System.CommandLine;
using System.Globalization;
using System.Numerics;

namespace HerokuToCloud.Cli.Commands;

/// <summary>
/// Bounds a whole-number option at parse time, so a number that makes no sense (a negative chunk size,
/// -j 100000) fails at once with a usage error that names the option, instead of being quietly clamped or
/// failing after minutes of work. The option parses its own word, so a number past the int range
/// (--max-rows 2147483648) gets the same range message as any other, not a claim that it is no number.
/// </summary>
internal static class WholeNumberRange
{
    /// <summary>Accepts <paramref name="min"/>..<paramref name="max"/>; <paramref name="error"/> words the refusal from the word typed.</summary>
    public static Option<int> Between(this Option<int> option, int min, int max, Func<string, string> error)
    {
        var name = option.Name;
        option.CustomParser = result =>
        {
            var typed = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(' ', result.Tokens.Select(t => t.Value));
            if (!BigInteger.TryParse(typed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                result.AddError(ParseErrorMessage.NotConvertible(name, typeof(int), typed));
            else if (value < min || value > max)
                result.AddError(error(typed));
            else
                return (int)value;
            return default;
        };
        return option;
    }
}
