using System.CommandLine;

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
        return option.Between(1, Max, typed =>
            $"--jobs takes 1 to {Max}, not {typed}: each job holds a connection to both databases, so keep it under the smaller " +
            "server's free connections (heroku pg:info shows them as Connections: used/limit).");
    }
}
