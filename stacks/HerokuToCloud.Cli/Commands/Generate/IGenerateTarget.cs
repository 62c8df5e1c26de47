using System.CommandLine;
using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Cli.Commands.Generate;

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

/// <summary>A target's program for one stack, with what the team must read and do before deploying.</summary>
/// <param name="SecretConfigKeys">Keys to set with <c>pulumi config set --secret</c>.</param>
/// <param name="FirstUp">
/// Resources to create on their own before the first full <c>pulumi up</c> (image repositories an image
/// must be pushed to), as logical names; empty when the program deploys in one go.
/// </param>
internal sealed record GeneratedProgram(
    ResourceGraph Program,
    StackConfig Stack,
    IReadOnlyList<PlanFinding> Findings,
    IReadOnlyList<string> SecretConfigKeys,
    IReadOnlyList<string> FirstUp);
