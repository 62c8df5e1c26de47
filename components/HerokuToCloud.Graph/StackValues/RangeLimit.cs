namespace HerokuToCloud.Graph;

/// <summary>
/// Autoscaling bounds: each a count (<see cref="CountLimit"/>, the fewest at least
/// <paramref name="LeastMinimum"/>), and the most at least the fewest and at least 1, because an
/// autoscaler that may start nothing is refused (AWS Application Auto Scaling, Kubernetes'
/// HorizontalPodAutoscaler validation).
/// </summary>
/// <param name="Unit">What is counted, plural ("tasks", "replicas").</param>
public sealed record RangeLimit(string MinKey, string MaxKey, string Unit, int LeastMinimum = 0) : IStackValueLimit
{
    public IEnumerable<StackValueProblem> Check(StackConfig stack)
    {
        var noun = $"a {Unit[..^1]} count";
        var bounds = new CountLimit(MinKey, noun, LeastMinimum).Check(stack).Concat(new CountLimit(MaxKey, noun).Check(stack)).ToList();
        foreach (var problem in bounds)
            yield return problem;
        if (bounds.Count > 0)
            yield break;
        if (StackValueText.WholeNumber(stack, MinKey) is { } min && StackValueText.WholeNumber(stack, MaxKey) is { } max && (max < min || max < 1))
        {
            yield return new StackValueProblem(MaxKey,
                $"{max} is fewer {Unit} than autoscaling needs: use at least {Math.Max(min, 1)} ({MinKey} = {min}, and autoscaling needs at least 1).");
        }
    }
}
