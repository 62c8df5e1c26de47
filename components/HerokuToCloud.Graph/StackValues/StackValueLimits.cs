namespace HerokuToCloud.Graph;

/// <summary>
/// The limits a program's stack values must keep: the types its <c>config:</c> section declares, and the
/// limits those types cannot express, read from where the program uses each key (a target's reader knows which properties of its resources take
/// counts, ranges and sizes). Reading them from the program rather than recording them while it is
/// built lets <c>generate</c> (after <c>--set</c> and a kept stack file) and <c>check DIR</c> (on the
/// stack files a team edited) apply the same limits, so a typo is refused before <c>pulumi up</c>.
/// </summary>
public sealed class StackValueLimits
{
    private readonly List<IStackValueLimit> limits = [];

    public IReadOnlyList<IStackValueLimit> All => limits;

    /// <summary>
    /// Starts with the declared types (<see cref="DeclaredTypeLimit"/>): a value of the wrong type is reported
    /// as that ("maybe" is not a boolean), and a target's limit on the same key, added after, is not reported too.
    /// </summary>
    public static StackValueLimits DeclaredTypes(ResourceGraph graph) => new StackValueLimits().AddRange(DeclaredTypeLimit.Read(graph));

    /// <summary>Adds a limit once (a key used by two properties, such as a Deployment's and a Job's, is checked once).</summary>
    public StackValueLimits Add(IStackValueLimit limit)
    {
        if (!limits.Contains(limit))
            limits.Add(limit);
        return this;
    }

    public StackValueLimits AddRange(IEnumerable<IStackValueLimit> more)
    {
        foreach (var limit in more)
            Add(limit);
        return this;
    }

    /// <summary>What is wrong with the stack's values, one problem per key at most; empty when the cloud accepts them all.</summary>
    public IReadOnlyList<StackValueProblem> Check(StackConfig stack) =>
        limits.SelectMany(l => l.Check(stack)).DistinctBy(p => p.Key).ToList();
}
