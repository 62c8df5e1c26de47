using System.Globalization;
using HerokuToCloud.Graph;

namespace HerokuToCloud.Aws;

/// <summary>
/// A Fargate task's CPU and memory must be one of the pairs in <see cref="FargateSizes"/>; any other
/// fails at <c>pulumi up</c> ("No Fargate configuration exists for given values"), so it is refused
/// with the values that are allowed.
/// </summary>
public sealed record FargateSizeLimit(string CpuKey, string MemoryKey) : IStackValueLimit
{
    public IEnumerable<StackValueProblem> Check(StackConfig stack)
    {
        var cpu = StackValueText.WholeNumber(stack, CpuKey);
        if (stack.Values.ContainsKey(CpuKey) && (cpu is null || FargateSizes.MemoryFor(cpu.Value).Count == 0))
        {
            yield return new StackValueProblem(CpuKey,
                $"{StackValueText.Show(stack, CpuKey)} is not a Fargate CPU value; use {Alternatives(FargateSizes.CpuUnits)} (CPU units, 1024 = 1 vCPU).");
            yield break;
        }

        if (cpu is null || !stack.Values.ContainsKey(MemoryKey))
            yield break;
        var allowed = FargateSizes.MemoryFor(cpu.Value);
        if (StackValueText.WholeNumber(stack, MemoryKey) is not { } memory || !allowed.Contains(memory))
        {
            yield return new StackValueProblem(MemoryKey,
                $"{StackValueText.Show(stack, MemoryKey)} MiB does not go with {CpuKey} = {cpu}: Fargate gives {cpu} CPU units {Alternatives(allowed)} MiB; change the memory or the CPU.");
        }
    }

    /// <summary>"512, 1024 or 2048", or "from 8192 to 30720 in steps of 1024" for a long even run.</summary>
    private static string Alternatives(IReadOnlyList<int> values)
    {
        var step = values.Count > 1 ? values[1] - values[0] : 0;
        var even = values.Count > 4 && values.Zip(values.Skip(1)).All(p => p.Second - p.First == step);
        return even
            ? $"from {values[0]} to {values[^1]} in steps of {step}"
            : values.Count == 1 ? values[0].ToString(CultureInfo.InvariantCulture) : $"{string.Join(", ", values.Take(values.Count - 1))} or {values[^1]}";
    }
}
