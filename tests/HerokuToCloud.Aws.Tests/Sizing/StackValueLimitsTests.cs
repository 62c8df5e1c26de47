using HerokuToCloud.Aws.Tests.Fixtures;
using HerokuToCloud.Graph;

namespace HerokuToCloud.Aws.Tests.Sizing;

public class StackValueLimitsTests
{
    private static (StackValueLimits Limits, StackConfig Stack) Emigrate()
    {
        var result = AwsLanding.Build(Plans.EmigratePlan());
        return (result.Limits, result.Stack);
    }

    [Fact]
    public void The_generated_values_are_within_the_limits()
    {
        var (limits, stack) = Emigrate();
        Assert.Empty(limits.Check(stack));
    }

    [Theory]
    [InlineData("emigrateWorkerCpu", "256", "emigrateWorkerMemory", "512", null)]
    [InlineData("emigrateWorkerCpu", "16384", "emigrateWorkerMemory", "122880", null)]
    [InlineData("emigrateWorkerCpu", "8192", "emigrateWorkerMemory", "20480", null)]
    [InlineData("emigrateWorkerCpu", "8192", "emigrateWorkerMemory", "17408", "emigrateWorkerMemory")]
    [InlineData("emigrateWorkerCpu", "256", "emigrateWorkerMemory", "4096", "emigrateWorkerMemory")]
    [InlineData("emigrateWorkerCpu", "1000", "emigrateWorkerMemory", "2048", "emigrateWorkerCpu")]
    [InlineData("emigrateReleaseCpu", "4096", "emigrateReleaseMemory", "1024", "emigrateReleaseMemory")]
    [InlineData("emigrateJobNightlyReportCpu", "a lot", "emigrateJobNightlyReportMemory", "2048", "emigrateJobNightlyReportCpu")]
    public void Only_the_cpu_memory_pairs_Fargate_offers_pass(string cpuKey, string cpu, string memoryKey, string memory, string? blamed)
    {
        var (limits, stack) = Emigrate();
        stack.Set(cpuKey, cpu);
        stack.Set(memoryKey, memory);
        var problems = limits.Check(stack);
        Assert.Equal(blamed is null ? [] : [blamed], problems.Select(p => p.Key));
    }

    [Fact]
    public void Counts_cannot_be_negative_and_autoscaling_needs_max_at_least_min()
    {
        var (limits, stack) = Emigrate();
        stack.Set("emigrateClockCount", -1);
        stack.Set("emigrateWebMinCount", 4);
        stack.Set("emigrateWebMaxCount", 3);
        var problems = limits.Check(stack);
        // In the order the program uses the keys: the web service's autoscaling comes before the clock service.
        Assert.Equal(["emigrateWebMaxCount", "emigrateClockCount"], problems.Select(p => p.Key));
        Assert.Contains("at least 4 (emigrateWebMinCount = 4", problems[0].Problem);
        Assert.Contains("0 or more", problems[1].Problem);
    }

    [Theory]
    [InlineData("ENABLED", true)]
    [InlineData("DISABLED", true)]
    [InlineData("disabled", false)]
    [InlineData("off", false)]
    [InlineData("", false)]
    public void A_schedule_state_is_enabled_or_disabled_spelled_as_eventbridge_spells_it(string state, bool valid)
    {
        var (limits, stack) = Emigrate();
        stack.Set("emigrateJobNightlyReportState", state);

        var problems = limits.Check(stack);

        if (valid)
            Assert.Empty(problems);
        else
        {
            var problem = Assert.Single(problems);
            Assert.Equal("emigrateJobNightlyReportState", problem.Key);
            Assert.Contains("is not a schedule state; use ENABLED or DISABLED", problem.Problem, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/health", true)]
    [InlineData("/health?probe=alb", true)]
    [InlineData("health", false)]
    [InlineData("/he alth", false)]
    [InlineData("", false)]
    public void A_health_check_path_is_an_absolute_path_the_load_balancer_takes(string path, bool valid)
    {
        var (limits, stack) = Emigrate();
        var keys = limits.All.OfType<HealthCheckPathLimit>().Select(l => l.Key).ToList();
        Assert.NotEmpty(keys);
        stack.Set(keys[0], path);

        var problems = limits.Check(stack);

        if (valid)
            Assert.Empty(problems);
        else
            Assert.EndsWith($"use {HealthCheckPathLimit.AllowedForm}.", Assert.Single(problems, p => p.Key == keys[0]).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schedule_state_that_is_not_text_is_refused()
    {
        var (limits, stack) = Emigrate();
        stack.Set("emigrateJobNightlyReportState", false);

        Assert.Equal(["emigrateJobNightlyReportState"], limits.Check(stack).Select(p => p.Key));
    }

    [Theory]
    [InlineData(2, true, false, null)]
    [InlineData(1, false, false, null)]
    [InlineData(6, true, true, null)]
    [InlineData(1, true, false, "emigrateCacheAutomaticFailover")]
    [InlineData(2, false, true, "emigrateCacheMultiAz")]
    [InlineData(0, false, false, "emigrateCacheNodes")]
    [InlineData(7, true, true, "emigrateCacheNodes")]
    public void A_cache_needs_a_replica_for_failover_and_failover_for_multi_az(int nodes, bool failover, bool multiAz, string? blamed)
    {
        // ElastiCache refuses these combinations only when pulumi up reaches the replication group.
        var (limits, stack) = Emigrate();
        stack.Set("emigrateCacheNodes", nodes);
        stack.Set("emigrateCacheAutomaticFailover", failover);
        stack.Set("emigrateCacheMultiAz", multiAz);

        var problems = limits.Check(stack);

        Assert.Equal(blamed is null ? [] : [blamed], problems.Select(p => p.Key));
    }

    [Fact]
    public void Scaling_a_cache_to_one_node_names_the_keys_to_turn_off()
    {
        var (limits, stack) = Emigrate();
        stack.Set("emigrateCacheNodes", "1");
        stack.Set("emigrateCacheAutomaticFailover", "true");

        var problem = Assert.Single(limits.Check(stack));

        Assert.Equal("true needs a replica to promote, but emigrateCacheNodes = 1: set emigrateCacheAutomaticFailover (and emigrateCacheMultiAz) to false, or emigrateCacheNodes to 2 or more.",
            problem.Problem);
    }

    [Fact]
    public void Every_task_definition_service_and_autoscaling_target_is_limited()
    {
        var (limits, _) = Emigrate();
        Assert.Contains(new FargateSizeLimit("emigrateReleaseCpu", "emigrateReleaseMemory"), limits.All);
        Assert.Contains(new FargateSizeLimit("emigrateJobNightlyReportCpu", "emigrateJobNightlyReportMemory"), limits.All);
        Assert.Contains(new CountLimit("emigrateClockCount", "a task count"), limits.All);
        Assert.Contains(new RangeLimit("emigrateWebMinCount", "emigrateWebMaxCount", "tasks"), limits.All);
    }

    [Fact]
    public void A_count_beyond_any_whole_number_is_a_problem_not_a_crash()
    {
        var (limits, stack) = Emigrate();
        stack.Set("emigrateWorkerCount", new NumberValue(1e20m));
        stack.Set("emigrateClockCount", new NumberValue(1.5m));
        Assert.Equal(["emigrateWorkerCount", "emigrateClockCount"], limits.Check(stack).Select(p => p.Key));
    }
}
