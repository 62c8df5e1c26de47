using HerokuToCloud.Landing;

namespace HerokuToCloud.Aws.Tests.Sizing;

public class FargateSizesTests
{
    [Fact]
    public void Every_pair_is_one_Fargate_accepts()
    {
        // Table 6a: per CPU the memory range and step.
        var table = new Dictionary<int, (int From, int To, int Step)>
        {
            [512] = (1024, 4096, 1024), [1024] = (2048, 8192, 1024), [2048] = (4096, 16384, 1024),
            [4096] = (8192, 30720, 1024), [8192] = (16384, 61440, 4096), [16384] = (32768, 122880, 8192),
        };
        foreach (var size in FargateSizes.All)
        {
            if (size.Cpu == 256)
            {
                Assert.Contains(size.MemoryMiB, new[] { 512, 1024, 2048 });
                continue;
            }

            var (from, to, step) = table[size.Cpu];
            Assert.InRange(size.MemoryMiB, from, to);
            Assert.Equal(0, (size.MemoryMiB - from) % step);
        }

        Assert.Equal(3 + 4 + 7 + 13 + 23 + 12 + 12, FargateSizes.All.Count);
        Assert.Equal(new FargateSize(16384, 122880), FargateSizes.Largest);
    }

    [Theory]
    // Table 6c, recommended column: the plan's limits are what the hard quota must allow.
    [InlineData("standard-1x", 0.5, 1024, 512, 1024)]
    [InlineData("standard-2x", 1, 2048, 1024, 2048)]
    [InlineData("private-s", 1, 2048, 1024, 2048)]
    [InlineData("performance-m", 2, 4096, 2048, 4096)]
    [InlineData("px", 8, 16384, 8192, 16384)]
    [InlineData("performance-l", 8, 16384, 8192, 16384)]
    [InlineData("performance-l-ram", 4, 30720, 4096, 30720)]
    [InlineData("performance-xl", 8, 63488, 16384, 65536)]
    [InlineData("dyno-4c-32gb", 4, 32768, 8192, 32768)]
    [InlineData("dyno-8c-32gb", 8, 32768, 8192, 32768)]
    [InlineData("dyno-8c-64gb", 8, 65536, 16384, 65536)]
    [InlineData("dyno-16c-64gb", 16, 65536, 16384, 65536)]
    [InlineData("tiny", 0.1, 300, 256, 512)]
    [InlineData("odd memory", 0.25, 1500, 256, 2048)]
    [InlineData("8 vCPU step", 8, 17000, 8192, 20480)]
    [InlineData("16 vCPU step", 16, 100000, 16384, 106496)]
    public void Picks_the_smallest_pair_that_holds_the_limits(string size, double vcpu, int memory, int cpu, int expectedMemory)
    {
        var fit = FargateSizes.Fit(new ComputeSize(size, (decimal)vcpu, memory, (decimal)vcpu, memory), $"App a process {size}");
        Assert.Equal(new FargateSize(cpu, expectedMemory), fit);
    }

    [Theory]
    [InlineData("performance-2xl", 16, 129024)]
    [InlineData("dyno-16c-128gb", 16, 131072)]
    [InlineData("dyno-32c-64gb", 32, 65536)]
    public void Says_what_to_do_when_nothing_fits(string size, int vcpu, int memory)
    {
        var error = Assert.Throws<AwsLandingException>(() =>
            FargateSizes.Fit(new ComputeSize(size, vcpu, memory, vcpu, memory), "App reports process web"));
        Assert.Contains("App reports process web", error.Message);
        Assert.Contains(size, error.Message);
        Assert.Contains("16 vCPU / 122880 MiB", error.Message);
        Assert.Contains("smaller dyno size", error.Message);
        Assert.Contains("kubernetes", error.Message);
    }
}
