namespace HerokuToCloud.Graph;

/// <summary>
/// A count the cloud takes as a whole number from <paramref name="Least"/> up: tasks or replicas
/// (0 keeps a process stopped), database instances (at least 1), a deadline in seconds (at least 1).
/// </summary>
/// <param name="Noun">What the value counts, with its article, for the message ("a task count", "an instance count").</param>
public sealed record CountLimit(string Key, string Noun, int Least = 0) : IStackValueLimit
{
    public IEnumerable<StackValueProblem> Check(StackConfig stack)
    {
        if (!stack.Values.ContainsKey(Key))
            yield break;
        if (StackValueText.WholeNumber(stack, Key) is not { } n || n < Least)
            yield return new StackValueProblem(Key, $"{StackValueText.Show(stack, Key)} is not {Noun}; use a whole number, {Least} or more.");
    }
}
