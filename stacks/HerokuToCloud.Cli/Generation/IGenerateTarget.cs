using System.CommandLine;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Cli.Generation;

/// <summary>
/// A platform `heroku2cloud generate --target NAME` lands a system on: the options only it reads and
/// the step from a landing plan to a program. Everything before (inventory, planning) and after
/// (stack values from --set, policy check, writing the files, the summary) is shared.
/// </summary>
internal interface IGenerateTarget
{
    /// <summary>The --target value ("aws").</summary>
    string Name { get; }

    /// <summary>One line for --help.</summary>
    string Description { get; }

    /// <summary>Options only this target reads; they are added to the generate verb.</summary>
    IReadOnlyList<Option> Options { get; }

    /// <param name="plan">The plan of the stack to generate.</param>
    /// <param name="stages">The plans of every stack of the system (this one included), for the program's shape.</param>
    /// <param name="options">The parsed command line, to read <see cref="Options"/>.</param>
    GeneratedProgram Generate(LandingPlan plan, IReadOnlyList<LandingPlan> stages, ParseResult options);
}
