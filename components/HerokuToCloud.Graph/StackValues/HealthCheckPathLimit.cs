namespace HerokuToCloud.Graph;

/// <summary>
/// The path a web process's health check calls: a Kubernetes readiness probe's <c>httpGet.path</c> or an
/// ALB target group's <c>healthCheck.path</c>. The Kubernetes API server takes any string, and the kubelet
/// joins it to http://pod-ip:port as it stands, so a path without the leading '/' ("health" →
/// http://10.0.0.5:5000health), with a space or a control character, is accepted by pulumi up and only
/// fails every probe: the pods never get ready and the rollout times out. An ALB refuses such a path, but
/// only in the middle of pulumi up, and it takes at most <see cref="MaxLength"/> characters. A query string
/// is allowed.
/// </summary>
public sealed record HealthCheckPathLimit(string Key) : IStackValueLimit
{
    public const int MaxLength = 1024;

    /// <summary>What the key's description and the messages say is allowed.</summary>
    public const string AllowedForm = "an absolute HTTP path: it starts with '/', has no spaces or control characters, and is at most 1024 characters (such as \"/health\")";

    public IEnumerable<StackValueProblem> Check(StackConfig stack)
    {
        if (!stack.Values.TryGetValue(Key, out var value))
            yield break;
        // A number or boolean in the stack file is read as its text, which then lacks the leading '/'.
        var text = value is StringValue s ? s.Text : StackValueText.Show(stack, Key);
        if (Problem(text) is { } problem)
            yield return new StackValueProblem(Key, $"{Shown(text)} {problem}; use {AllowedForm}.");
    }

    /// <summary>What is wrong with <paramref name="path"/> as a health-check path; null when the kubelet and a load balancer can call it.</summary>
    public static string? Problem(string path)
    {
        if (path.Length == 0)
            return "is empty";
        if (!path.StartsWith('/'))
            return "does not start with '/'";
        if (path.Length > MaxLength)
            return $"is {path.Length} characters long";
        if (path.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            return "has a space or control character";
        return null;
    }

    /// <summary>The path quoted, with control characters escaped so the message shows where they are.</summary>
    private static string Shown(string path)
    {
        var shown = path.Length > 60 ? path[..60] + "…" : path;
        return "\"" + string.Concat(shown.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString())) + "\"";
    }
}
