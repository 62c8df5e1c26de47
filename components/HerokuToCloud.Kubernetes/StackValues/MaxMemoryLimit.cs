using System.Text.RegularExpressions;
using HerokuToCloud.Graph;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// Valkey's <c>--maxmemory</c>: bytes, or a number with Valkey's own units (k, kb, m, mb, g, gb, any
/// case), never a Kubernetes quantity ("512Mi" makes valkey-server exit at start, and the StatefulSet
/// crash-loops until pulumi up times out). 0 would mean no limit, so the container's memory limit
/// would OOM-kill the cache instead of Valkey refusing writes as Heroku Redis does (noeviction).
/// </summary>
public sealed partial record MaxMemoryLimit(string Key) : IStackValueLimit
{
    public IEnumerable<StackValueProblem> Check(StackConfig stack)
    {
        if (!stack.Values.ContainsKey(Key))
            yield break;
        var text = StackValueText.Show(stack, Key);
        var match = Syntax().Match(text);
        if (!match.Success || match.Groups["digits"].Value.TrimStart('0').Length == 0)
            yield return new StackValueProblem(Key, $"{text} is not a Valkey maxmemory; use a positive number of bytes or one with k, kb, m, mb, g or gb, such as \"100mb\" (not a Kubernetes quantity such as 100Mi).");
    }

    [GeneratedRegex("^(?<digits>[0-9]+)(?:b|k|kb|m|mb|g|gb)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Syntax();
}
