namespace HerokuToCloud.Graph;

/// <summary>
/// A value the cloud takes only as one of a few words, spelled exactly (an EventBridge schedule's
/// <c>state</c> is ENABLED or DISABLED; "disabled" is refused by the API only when <c>pulumi up</c>
/// reaches it), so a mistyped one is refused before the update rather than half-way through it.
/// </summary>
/// <param name="Noun">What the value is, with its article, for the message ("a schedule state").</param>
public sealed record ChoiceLimit(string Key, string Noun, IReadOnlyList<string> Choices) : IStackValueLimit
{
    public IEnumerable<StackValueProblem> Check(StackConfig stack)
    {
        if (!stack.Values.ContainsKey(Key))
            yield break;
        if (stack.Values[Key] is not StringValue { Text: var text } || !Choices.Contains(text, StringComparer.Ordinal))
            yield return new StackValueProblem(Key, $"{StackValueText.Show(stack, Key)} is not {Noun}; use {string.Join(" or ", Choices)}, spelled so.");
    }

    public bool Equals(ChoiceLimit? other) =>
        other is not null && Key == other.Key && Noun == other.Noun && Choices.SequenceEqual(other.Choices, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Key, Noun, Choices.Count);
}
