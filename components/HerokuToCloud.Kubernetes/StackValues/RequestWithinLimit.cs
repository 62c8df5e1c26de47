using HerokuToCloud.Graph;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// A container's request may not exceed its limit: the API server refuses such a pod ("must be less
/// than or equal to cpu limit"), so raising a request with --set without its limit would fail only at
/// pulumi up, in the middle of a rollout.
/// </summary>
public sealed record RequestWithinLimit(QuantityLimit Request, QuantityLimit Limit) : IStackValueLimit
{
    public IEnumerable<StackValueProblem> Check(StackConfig stack)
    {
        // A value that is no quantity is reported by its own limit; comparing it would only repeat that.
        if (Request.Check(stack).Any() || Limit.Check(stack).Any())
            yield break;
        if (Request.Read(stack) is { } request && Limit.Read(stack) is { } limit && request.Amount > limit.Amount)
        {
            yield return new StackValueProblem(Request.Key,
                $"{request.Text} is more than {Limit.Key} = {limit.Text}; Kubernetes refuses a {Request.Resource} request above its limit: lower the request or raise the limit.");
        }
    }
}
