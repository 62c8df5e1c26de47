using HerokuToCloud.Graph;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// A stack value that Kubernetes reads as a resource quantity: CPU in cores ("250m", "2"), memory and
/// volume sizes in bytes ("512Mi", "64Gi"). It must parse and be positive, and a byte count must be
/// whole: "512m" parses, but as 0.512 bytes, the classic slip for 512Mi, which the API server rounds
/// up to one byte and the container is OOM-killed at once.
/// </summary>
/// <param name="Resource">The resource name the value sizes ("cpu", "memory", "storage").</param>
public sealed record QuantityLimit(string Key, string Resource) : IStackValueLimit
{
    public bool IsCpu => Resource == "cpu";

    public IEnumerable<StackValueProblem> Check(StackConfig stack)
    {
        if (!stack.Values.ContainsKey(Key))
            yield break;
        var shown = StackValueText.Show(stack, Key);
        var example = IsCpu ? "\"250m\" (a quarter core) or \"2\"" : "\"512Mi\" or \"2Gi\"";
        if (Read(stack) is not { } quantity)
        {
            yield return new StackValueProblem(Key, $"{shown} is not a Kubernetes quantity for {Resource}; write a number with an optional suffix, such as {example}.");
        }
        else if (quantity.Amount <= 0)
        {
            yield return new StackValueProblem(Key, $"{shown} is not a positive {Resource} quantity; use one such as {example}.");
        }
        else if (!IsCpu && quantity.Amount != decimal.Truncate(quantity.Amount))
        {
            // "512m" is the usual slip for 512Mi; a fraction such as "1.1Mi" only needs a whole byte count.
            var bytes = quantity.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture);
            yield return new StackValueProblem(Key, quantity.Text.EndsWith('m')
                ? $"{shown} is {bytes} bytes ('m' means thousandths); {Resource} is counted in bytes: use Mi or M, such as \"{quantity.Text.TrimEnd('m')}Mi\"."
                : $"{shown} is {bytes} bytes; {Resource} is counted in whole bytes: use a size that is, such as \"{decimal.Ceiling(quantity.Amount).ToString(System.Globalization.CultureInfo.InvariantCulture)}\".");
        }
    }

    /// <summary>The value as a quantity; a number in the stack file (memory: 1024) counts as its text does.</summary>
    public Quantity? Read(StackConfig stack) => stack.Values.GetValueOrDefault(Key) switch
    {
        StringValue s => Quantity.Parse(s.Text),
        NumberValue n => Quantity.Parse(StackValueText.Show(stack, Key)),
        _ => null,
    };
}
