using System.CommandLine;

namespace HerokuToCloud.Cli.Commands;

/// <summary>
/// `--hide-values` of the data verbs: the validation report names each differing row by its key and
/// column but leaves the column values out, for reports that end up in shared logs (the generated cloud
/// steps always pass it). Keys stay: without them a difference could not be found again.
/// </summary>
internal static class HideValuesOption
{
    public static Option<bool> Create() => new("--hide-values")
    {
        Description = "Leave column values of differing rows out of the validation report (keys are still shown), for reports that end up in logs.",
    };
}
