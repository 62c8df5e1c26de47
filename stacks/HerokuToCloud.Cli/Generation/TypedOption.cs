using System.CommandLine;

namespace HerokuToCloud.Cli.Generation;

/// <summary>Whether the user typed an option on this run, as opposed to it holding its default.</summary>
internal static class TypedOption
{
    /// <summary>
    /// True when <paramref name="option"/> is on the command line. An option left out still has a
    /// result when it has a default (<c>--region</c>), marked implicit, so "has a value" is not enough.
    /// </summary>
    public static bool WasTyped(this ParseResult options, Option option) => options.GetResult(option) is { Implicit: false };
}
