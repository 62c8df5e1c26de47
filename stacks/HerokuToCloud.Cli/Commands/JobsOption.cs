using System.CommandLine;
using System.Globalization;

namespace HerokuToCloud.Cli.Commands;

/// <summary>
/// `--jobs`/`-j` of the data verbs: parallel sessions, each holding a connection to both databases.
/// It is bounded at parse time: a number past any server's connection limit fails late with
/// "too many clients" (-j 200), and a huge one (-j 100000) spends minutes opening sessions before it
/// fails, so both are refused up front with what the number means.
/// </summary>
internal static class JobsOption
{
    public const int Max = 64;

    public static Option<int> Create(string description)
    {
        var option = new Option<int>("--jobs", "-j")
        {
            Description = $"{description} 1 to {Max} (default: the number of cores, at most {Max}).",
            DefaultValueFactory = _ => Math.Min(Environment.ProcessorCount, Max),
        };
        option.Validators.Add(result =>
        {
            // A word that is not a number is the conversion's error (ParseErrorMessage words it); only a number is checked here.
            if (result.Tokens is [var token] && int.TryParse(token.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var jobs) && jobs is < 1 or > Max)
            {
                result.AddError(
                    $"--jobs takes 1 to {Max}, not {token.Value}: each job holds a connection to both databases, so keep it under the smaller " +
                    "server's free connections (heroku pg:info shows them as Connections: used/limit).");
            }
        });
        return option;
    }
}
