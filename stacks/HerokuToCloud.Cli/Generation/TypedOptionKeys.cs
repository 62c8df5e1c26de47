using System.CommandLine;
using HerokuToCloud.Graph;

namespace HerokuToCloud.Cli.Generation;

/// <summary>
/// The stack keys whose values options typed on this run determine (<c>--image-tag v7</c> sets every
/// app's image tag key). A stack file already in the output directory keeps the team's values, but
/// what someone types now is newer than the file, so these keys take the generated value as
/// <c>--set</c> keys do. Options left out determine nothing, even when their default feeds a key.
/// </summary>
internal sealed class TypedOptionKeys(ParseResult options, StackConfig stack)
{
    private readonly List<string> keys = [];

    /// <summary>The keys recorded, as the stack spells them (<c>logRetentionDays</c>, <c>aws:region</c>).</summary>
    public IReadOnlyList<string> Keys => keys;

    /// <summary>
    /// Records <paramref name="determined"/> when <paramref name="option"/> was typed. Keys this stack
    /// has no value for are skipped: the option did not reach them (an app without a web process has
    /// no hostnames for <c>--apps-domain</c> to set).
    /// </summary>
    public TypedOptionKeys Add(Option option, params IEnumerable<string> determined)
    {
        if (options.WasTyped(option))
            keys.AddRange(determined.Where(stack.Values.ContainsKey).Except(keys, StringComparer.Ordinal));
        return this;
    }
}
