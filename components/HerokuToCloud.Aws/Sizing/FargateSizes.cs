using HerokuToCloud.Landing;

namespace HerokuToCloud.Aws;

/// <summary>A Fargate task size: CPU units (1024 = 1 vCPU) and memory in MiB.</summary>
public sealed record FargateSize(int Cpu, int MemoryMiB)
{
    public decimal Vcpu => Cpu / 1024m;

    public override string ToString() => $"{Vcpu:0.##} vCPU / {MemoryMiB} MiB";
}

/// <summary>
/// The CPU/memory pairs Fargate accepts (Linux, platform version 1.4.0 or later) and the choice of
/// the smallest one that holds a process: the fewest CPU units, then the least memory, with
/// cpu ≥ the plan's limit vCPU and memory ≥ its limit memory. Invalid pairs are rejected by ECS
/// ("No Fargate configuration exists for given values"), so only these are ever generated.
/// </summary>
public static class FargateSizes
{
    /// <summary>Every valid pair, smallest first.</summary>
    public static IReadOnlyList<FargateSize> All { get; } = Build();

    public static FargateSize Largest => All[^1];

    /// <summary>The CPU units Fargate offers, smallest first.</summary>
    public static IReadOnlyList<int> CpuUnits { get; } = [.. All.Select(s => s.Cpu).Distinct()];

    /// <summary>The memory sizes (MiB) Fargate offers with <paramref name="cpu"/> units; empty for an invalid CPU value.</summary>
    public static IReadOnlyList<int> MemoryFor(int cpu) => [.. All.Where(s => s.Cpu == cpu).Select(s => s.MemoryMiB)];

    /// <summary>The smallest valid size with cpu ≥ <paramref name="vcpu"/> and memory ≥ <paramref name="memoryMiB"/>, or null.</summary>
    public static FargateSize? TryFit(decimal vcpu, int memoryMiB) =>
        All.FirstOrDefault(s => s.Vcpu >= vcpu && s.MemoryMiB >= memoryMiB);

    /// <summary>Fits a process of the plan; throws a clear error naming it when nothing fits.</summary>
    public static FargateSize Fit(ComputeSize compute, string subject)
    {
        if (compute.LimitVcpu <= 0 || compute.LimitMemoryMiB <= 0)
            throw new AwsLandingException($"{subject} has no CPU or memory in the landing plan ({compute.HerokuSize}); this is a bug in the planner.");
        return TryFit(compute.LimitVcpu, compute.LimitMemoryMiB)
            ?? throw new AwsLandingException(
                $"{subject} runs on Heroku {compute.HerokuSize} and needs {compute.LimitVcpu:0.##} vCPU and {compute.LimitMemoryMiB} MiB, " +
                $"but the largest Fargate task is {Largest}. Choose a smaller dyno size for it in the inventory, " +
                "or land this system with --target kubernetes (or on ECS with EC2 capacity) where larger machines exist.");
    }

    private static List<FargateSize> Build()
    {
        var sizes = new List<FargateSize> { new(256, 512), new(256, 1024), new(256, 2048) };
        void Range(int cpu, int from, int to, int step)
        {
            for (var memory = from; memory <= to; memory += step)
                sizes.Add(new FargateSize(cpu, memory));
        }

        Range(512, 1024, 4096, 1024);
        Range(1024, 2048, 8192, 1024);
        Range(2048, 4096, 16384, 1024);
        Range(4096, 8192, 30720, 1024);
        Range(8192, 16384, 61440, 4096);
        Range(16384, 32768, 122880, 8192);
        return sizes;
    }
}
