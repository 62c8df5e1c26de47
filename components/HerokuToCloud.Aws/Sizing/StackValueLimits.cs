using System.Globalization;
using HerokuToCloud.Graph;

namespace HerokuToCloud.Aws;

/// <summary>
/// Limits AWS puts on stack values the team may change (<c>--set</c>, a kept stack file) that a Pulumi
/// config type cannot express: a Fargate task's CPU and memory must be one of the pairs in
/// <see cref="FargateSizes"/>, task counts cannot be negative, and autoscaling's fewest tasks cannot
/// exceed its most. Generate checks them before writing anything, so a typo is refused with the
/// allowed values instead of failing at <c>pulumi up</c> ("No Fargate configuration exists for given values").
/// The components register each key as they declare it.
/// </summary>
public sealed class StackValueLimits
{
    private readonly List<(string Cpu, string Memory)> sizes = [];
    private readonly List<string> counts = [];
    private readonly List<(string Min, string Max)> ranges = [];

    internal void FargateSize(string cpuKey, string memoryKey) => sizes.Add((cpuKey, memoryKey));

    internal void TaskCount(string key) => counts.Add(key);

    internal void ScalingRange(string minKey, string maxKey) => ranges.Add((minKey, maxKey));

    /// <summary>What is wrong with the stack's values; empty when AWS accepts them all. A key without a value is not checked.</summary>
    public IReadOnlyList<StackValueProblem> Check(StackConfig stack)
    {
        var problems = new List<StackValueProblem>();
        int? Number(string key) =>
            stack.Values.GetValueOrDefault(key) switch
            {
                NumberValue n when n.Number == decimal.Truncate(n.Number) && n.Number is >= int.MinValue and <= int.MaxValue => (int)n.Number,
                StringValue s when int.TryParse(s.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var i) => i,
                _ => null,
            };
        bool Has(string key) => stack.Values.ContainsKey(key);

        foreach (var (cpuKey, memoryKey) in sizes)
        {
            var cpu = Number(cpuKey);
            if (Has(cpuKey) && (cpu is null || FargateSizes.MemoryFor(cpu.Value).Count == 0))
            {
                problems.Add(new StackValueProblem(cpuKey,
                    $"{Show(stack, cpuKey)} is not a Fargate CPU value; use {Alternatives(FargateSizes.CpuUnits)} (CPU units, 1024 = 1 vCPU)."));
                continue;
            }

            var memory = Number(memoryKey);
            if (cpu is null || !Has(memoryKey))
                continue;
            var allowed = FargateSizes.MemoryFor(cpu.Value);
            if (memory is null || !allowed.Contains(memory.Value))
            {
                problems.Add(new StackValueProblem(memoryKey,
                    $"{Show(stack, memoryKey)} MiB does not go with {cpuKey} = {cpu}: Fargate gives {cpu} CPU units {Alternatives(allowed)} MiB; change the memory or the CPU."));
            }
        }

        foreach (var key in counts.Concat(ranges.SelectMany(r => new[] { r.Min, r.Max })))
        {
            if (Has(key) && Number(key) is null or < 0)
                problems.Add(new StackValueProblem(key, $"{Show(stack, key)} is not a task count; use a whole number, 0 or more."));
        }

        foreach (var (minKey, maxKey) in ranges)
        {
            if (Number(minKey) is { } min and >= 0 && Number(maxKey) is { } max and >= 0 && (max < min || max < 1))
            {
                problems.Add(new StackValueProblem(maxKey,
                    $"{max} is fewer tasks than autoscaling needs: use at least {Math.Max(min, 1)} ({minKey} = {min}, and autoscaling needs at least 1)."));
            }
        }

        return problems;
    }

    private static string Show(StackConfig stack, string key) => stack.Values[key] switch
    {
        StringValue s => s.Text,
        NumberValue n => n.Number.ToString(CultureInfo.InvariantCulture),
        var other => other.ToString() ?? "",
    };

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
