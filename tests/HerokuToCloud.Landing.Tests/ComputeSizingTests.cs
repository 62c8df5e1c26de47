using HerokuToCloud.Inventory;

namespace HerokuToCloud.Landing.Tests;

public class ComputeSizingTests
{
    public static TheoryData<string> AllSizes()
    {
        var data = new TheoryData<string>();
        foreach (var size in DynoSizes.All)
            data.Add(size.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllSizes))]
    public void Guarantee_is_the_dyno_and_shared_sizes_get_twice_the_limit(string name)
    {
        var size = DynoSizes.Find(name);

        var compute = ComputeSizing.For(size);

        Assert.Equal(size.Name, compute.HerokuSize);
        Assert.Equal(size.Vcpu, compute.Vcpu);
        Assert.Equal(size.MemoryMiB, compute.MemoryMiB);
        var factor = size.Dedicated ? 1 : 2;
        Assert.Equal(size.Vcpu * factor, compute.LimitVcpu);
        Assert.Equal(size.MemoryMiB * factor, compute.LimitMemoryMiB);
    }

    // heroku-facts 6c: guarantee (Kubernetes request column) and the limit whose smallest valid
    // Fargate pair is the "recommended" column.
    [Theory]
    [InlineData("eco", 0.25, 512, 0.5, 1024)]
    [InlineData("basic", 0.25, 512, 0.5, 1024)]
    [InlineData("standard-1x", 0.25, 512, 0.5, 1024)]
    [InlineData("1X", 0.25, 512, 0.5, 1024)]
    [InlineData("hobby", 0.25, 512, 0.5, 1024)]
    [InlineData("free", 0.25, 512, 0.5, 1024)]
    [InlineData("standard-2x", 0.5, 1024, 1, 2048)]
    [InlineData("2X", 0.5, 1024, 1, 2048)]
    [InlineData("private-s", 1, 1024, 1, 1024)]
    [InlineData("shield-s", 1, 1024, 1, 1024)]
    [InlineData("performance-m", 2, 2560, 2, 2560)]
    [InlineData("private-m", 2, 2560, 2, 2560)]
    [InlineData("shield-m", 2, 2560, 2, 2560)]
    [InlineData("px", 8, 6144, 8, 6144)]
    [InlineData("performance-l", 8, 14336, 8, 14336)]
    [InlineData("performance-l-ram", 4, 30720, 4, 30720)]
    [InlineData("performance-xl", 8, 63488, 8, 63488)]
    [InlineData("performance-2xl", 16, 129024, 16, 129024)]
    [InlineData("dyno-1c-0.5gb", 1, 512, 1, 512)]
    [InlineData("dyno-2c-1gb", 2, 1024, 2, 1024)]
    [InlineData("dyno-4c-32gb", 4, 32768, 4, 32768)]
    [InlineData("dyno-32c-64gb", 32, 65536, 32, 65536)]
    public void Numbers_match_the_facts_table(string name, double vcpu, int memory, double limitVcpu, int limitMemory)
    {
        var compute = ComputeSizing.For(name, "key");

        Assert.Equal((decimal)vcpu, compute.Vcpu);
        Assert.Equal(memory, compute.MemoryMiB);
        Assert.Equal((decimal)limitVcpu, compute.LimitVcpu);
        Assert.Equal(limitMemory, compute.LimitMemoryMiB);
    }

    // The AWS side picks the smallest valid Fargate pair covering the limit; the numbers given here
    // must lead it to 6c's recommended column.
    [Theory]
    [InlineData("standard-1x", 512, 1024)]
    [InlineData("standard-2x", 1024, 2048)]
    [InlineData("private-s", 1024, 2048)]
    [InlineData("performance-m", 2048, 4096)]
    [InlineData("px", 8192, 16384)]
    [InlineData("performance-l", 8192, 16384)]
    [InlineData("performance-l-ram", 4096, 30720)]
    [InlineData("performance-xl", 16384, 65536)]
    [InlineData("dyno-1c-0.5gb", 1024, 2048)]
    [InlineData("dyno-2c-1gb", 2048, 4096)]
    [InlineData("dyno-4c-32gb", 8192, 32768)]
    public void Limits_lead_to_the_recommended_fargate_pair(string name, int cpuUnits, int memory)
    {
        var compute = ComputeSizing.For(name, "key");

        Assert.Equal((cpuUnits, memory), FargateFit(compute.LimitVcpu, compute.LimitMemoryMiB));
    }

    [Fact]
    public void Sizes_with_no_fargate_fit_stay_flaggable()
    {
        Assert.Null(FargateFitOrNull(ComputeSizing.For("performance-2xl", "key")));
        Assert.Null(FargateFitOrNull(ComputeSizing.For("dyno-32c-64gb", "key")));
    }

    [Fact]
    public void Numbers_carry_no_trailing_zeros()
    {
        var compute = ComputeSizing.For("standard-1x", "key");

        Assert.Equal("0.5", compute.LimitVcpu.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("0.25", compute.Vcpu.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("2", ComputeSizing.For("performance-m", "key").LimitVcpu.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Unknown_size_names_the_key()
    {
        var error = Assert.Throws<LandingException>(() => ComputeSizing.For("standard-3x", "apps[a].processes[web].size"));

        Assert.Contains("apps[a].processes[web].size", error.Message);
        Assert.Contains("standard-3x", error.Message);
        Assert.Contains("standard-2x", error.Message);
    }

    private static (int, int) FargateFit(decimal vcpu, int memory) =>
        FargateFitOrNull(new ComputeSize("x", vcpu, memory, vcpu, memory)) ?? throw new Xunit.Sdk.XunitException("no Fargate fit");

    // heroku-facts 6a: valid Fargate pairs, smallest CPU first then smallest memory.
    private static (int, int)? FargateFitOrNull(ComputeSize c)
    {
        (int Cpu, int Min, int Max, int Step)[] table =
        [
            (256, 512, 2048, 512), (512, 1024, 4096, 1024), (1024, 2048, 8192, 1024), (2048, 4096, 16384, 1024),
            (4096, 8192, 30720, 1024), (8192, 16384, 61440, 4096), (16384, 32768, 122880, 8192),
        ];
        foreach (var row in table.Where(r => r.Cpu / 1024m >= c.LimitVcpu))
        {
            for (var m = row.Min; m <= row.Max; m += row.Step)
            {
                if (row.Cpu == 256 && m == 1536)
                    continue;
                if (m >= c.LimitMemoryMiB)
                    return (row.Cpu, m);
            }
        }

        return null;
    }
}
