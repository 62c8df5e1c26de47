using System.CommandLine;
using System.Globalization;

namespace HerokuToCloud.Cli.Commands;

/// <summary>
/// Bounds a whole-number option at parse time, so a number that makes no sense (a negative chunk size,
/// -j 100000) fails at once with a usage error that names the option, instead of being quietly clamped or
/// failing after minutes of work.
/// </summary>
internal static class WholeNumberRange
{
    /// <summary>Accepts <paramref name="min"/>..<paramref name="max"/>; <paramref name="error"/> words the refusal from the token typed.</summary>
    public static Option<int> Between(this Option<int> option, int min, int max, Func<string, string> error)
    {
        option.Validators.Add(result =>
        {
            // A word that is not a number is the conversion's error (ParseErrorMessage words it); only a number is checked here.
            if (result.Tokens is [var token] && int.TryParse(token.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && (value < min || value > max))
                result.AddError(error(token.Value));
        });
        return option;
    }
}
