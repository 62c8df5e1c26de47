using HerokuToCloud.Graph;

namespace HerokuToCloud.Kubernetes.Tests;

/// <summary>The limits Kubernetes puts on stack values, read from where the program uses each key.</summary>
public class StackValueLimitTests
{
    private static (StackValueLimits Limits, StackConfig Stack) Shop()
    {
        var program = KubernetesLanding.Build(SamplePlans.Shop());
        return (KubernetesStackValueLimits.Read(program.Graph), program.Stack);
    }

    [Fact]
    public void The_generated_values_of_every_example_and_sample_are_within_the_limits()
    {
        foreach (var (name, program) in ExamplePrograms.All())
            Assert.True(KubernetesStackValueLimits.Read(program.Graph).Check(program.Stack).Count == 0, name);
        var (limits, stack) = Shop();
        Assert.Empty(limits.Check(stack));
    }

    [Fact]
    public void Every_count_range_and_size_the_program_reads_is_limited()
    {
        var (limits, _) = Shop();
        var keys = limits.All.Select(l => l switch
        {
            CountLimit c => c.Key,
            RangeLimit r => r.MaxKey,
            QuantityLimit q => q.Key,
            RequestWithinLimit w => w.Request.Key + "<=" + w.Limit.Key,
            _ => l.ToString(),
        }).ToHashSet(StringComparer.Ordinal);
        string[] expected =
        [
            "shopWebWebReplicas", "shopAdminWebMaxReplicas", "shopDbInstances", "shopDbMaxConnections", "shopDbStorageSize", "shopDbCpu", "shopDbMemory",
            "shopCacheStorageSize", "shopCacheMemoryRequest<=shopCacheMemoryLimit", "shopWebReleaseCpuRequest<=shopWebReleaseCpuLimit",
            "shopWebSendDigestsTimeoutSeconds", "shopWebNightlyReportMemoryLimit", "shopWebWorkerCpuRequest<=shopWebWorkerCpuLimit",
        ];
        Assert.All(expected, key => Assert.Contains(key, keys));
    }

    [Theory]
    [InlineData("shopWebWebReplicas", -1, "-1 is not a replica count; use a whole number, 0 or more.")]
    [InlineData("shopWebSendDigestsTimeoutSeconds", 0, "0 is not a number of seconds; use a whole number, 1 or more.")]
    [InlineData("shopDbInstances", 0, "0 is not an instance count; use a whole number, 1 or more.")]
    public void Counts_below_their_least_are_refused(string key, int value, string expected)
    {
        var (limits, stack) = Shop();
        stack.Set(key, value);
        var problem = Assert.Single(limits.Check(stack));
        Assert.Equal(key, problem.Key);
        Assert.Equal(expected, problem.Problem);
    }

    [Theory]
    [InlineData(0, 4, "shopAdminWebMinReplicas", "0 is not a replica count; use a whole number, 1 or more.")]
    [InlineData(3, 2, "shopAdminWebMaxReplicas", "2 is fewer replicas than autoscaling needs: use at least 3 (shopAdminWebMinReplicas = 3")]
    [InlineData(1, -2, "shopAdminWebMaxReplicas", "-2 is not a replica count")]
    public void An_autoscaler_needs_at_least_one_replica_and_max_at_least_min(int min, int max, string blamed, string expected)
    {
        var (limits, stack) = Shop();
        stack.Set("shopAdminWebMinReplicas", min);
        stack.Set("shopAdminWebMaxReplicas", max);
        var problem = Assert.Single(limits.Check(stack));
        Assert.Equal(blamed, problem.Key);
        Assert.StartsWith(expected, problem.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shopWebWorkerCpuRequest", "a lot", "is not a Kubernetes quantity for cpu")]
    [InlineData("shopWebWorkerCpuLimit", "500 m", "is not a Kubernetes quantity for cpu")]
    [InlineData("shopWebWorkerMemoryLimit", "1GB", "is not a Kubernetes quantity for memory")]
    [InlineData("shopWebWorkerMemoryLimit", "512m", "512m is 0.512 bytes ('m' means thousandths); memory is counted in bytes: use Mi or M, such as \"512Mi\".")]
    [InlineData("shopWebWorkerMemoryLimit", "1.1Mi", "1.1Mi is 1153433.6 bytes; memory is counted in whole bytes: use a size that is, such as \"1153434\".")]
    [InlineData("shopWebWorkerMemoryRequest", "-512Mi", "is not a positive memory quantity")]
    [InlineData("shopDbStorageSize", "0", "is not a positive storage quantity")]
    [InlineData("shopCacheStorageSize", "10 Gi", "is not a Kubernetes quantity for storage")]
    [InlineData("shopDbMaxConnections", "lots", "lots is not a connection limit")]
    public void Malformed_quantities_are_refused_with_an_example_of_a_good_one(string key, string value, string expected)
    {
        var (limits, stack) = Shop();
        stack.Set(key, value);
        var problem = Assert.Single(limits.Check(stack));
        Assert.Equal(key, problem.Key);
        Assert.Contains(expected, problem.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("100Mi")]
    [InlineData("0")]
    [InlineData("1.5gb")]
    [InlineData("lots")]
    public void A_valkey_maxmemory_in_another_unit_or_zero_is_refused(string value)
    {
        var (limits, stack) = Shop();
        stack.Set("shopCacheMaxmemory", value);
        var problem = Assert.Single(limits.Check(stack));
        Assert.Equal("shopCacheMaxmemory", problem.Key);
        Assert.StartsWith($"{value} is not a Valkey maxmemory", problem.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("104857600")]
    [InlineData("100mb")]
    [InlineData("2GB")]
    public void A_valkey_maxmemory_in_its_own_units_passes(string value)
    {
        var (limits, stack) = Shop();
        stack.Set("shopCacheMaxmemory", value);
        Assert.Empty(limits.Check(stack));
    }

    [Theory]
    [InlineData("shopWebWorkerCpuRequest", "1500m", "1500m is more than shopWebWorkerCpuLimit = 1")]
    [InlineData("shopWebWorkerMemoryRequest", "2Gi", "2Gi is more than shopWebWorkerMemoryLimit = 1Gi")]
    [InlineData("shopCacheMemoryRequest", "1G", "1G is more than shopCacheMemoryLimit")]
    public void A_request_above_its_limit_is_refused(string key, string value, string expected)
    {
        var (limits, stack) = Shop();
        stack.Set(key, value);
        var problem = Assert.Single(limits.Check(stack));
        Assert.Equal(key, problem.Key);
        Assert.StartsWith(expected, problem.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shopWebWorkerCpuRequest", "0.5")]
    [InlineData("shopWebWorkerCpuRequest", "1")]
    [InlineData("shopWebWorkerMemoryLimit", "1073741824")]
    [InlineData("shopWebWorkerMemoryLimit", "1.5Gi")]
    [InlineData("shopWebWorkerMemoryLimit", "2e9")]
    [InlineData("shopDbStorageSize", "100G")]
    public void Quantities_Kubernetes_accepts_pass(string key, string value)
    {
        var (limits, stack) = Shop();
        stack.Set(key, value);
        Assert.Empty(limits.Check(stack));
    }

    [Theory]
    [InlineData("x86_64")]
    [InlineData("AMD64")]
    [InlineData("aarch64")]
    [InlineData("arm")]
    [InlineData("")]
    public void A_node_architecture_other_than_amd64_or_arm64_is_refused(string value)
    {
        // Any of these matches no node (or one the images are not built for): every pod stays Pending.
        var (limits, stack) = Shop();
        stack.Set("nodeArchitecture", value);
        var problem = Assert.Single(limits.Check(stack));
        Assert.Equal("nodeArchitecture", problem.Key);
        Assert.EndsWith("is not a node architecture; use amd64 or arm64, spelled so.", problem.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("amd64")]
    [InlineData("arm64")]
    public void The_architectures_the_images_are_built_for_pass(string value)
    {
        var (limits, stack) = Shop();
        stack.Set("nodeArchitecture", value);
        Assert.Empty(limits.Check(stack));
    }

    [Theory]
    [InlineData("health", "\"health\" does not start with '/'")]
    [InlineData("", "\"\" is empty")]
    [InlineData("/health check", "\"/health check\" has a space or control character")]
    [InlineData("/health\tz", "\"/health\\u0009z\" has a space or control character")]
    [InlineData("https://shop.example.com/health", "does not start with '/'")]
    public void A_health_check_path_that_is_no_absolute_path_is_refused(string value, string expected)
    {
        var (limits, stack) = Shop();
        stack.Set("shopWebWebHealthCheckPath", value);
        var problem = Assert.Single(limits.Check(stack));
        Assert.Equal("shopWebWebHealthCheckPath", problem.Key);
        Assert.Contains(expected, problem.Problem, StringComparison.Ordinal);
        Assert.EndsWith($"use {HealthCheckPathLimit.AllowedForm}.", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_health_check_path_longer_than_a_load_balancer_takes_is_refused()
    {
        var (limits, stack) = Shop();
        stack.Set("shopWebWebHealthCheckPath", "/" + new string('a', HealthCheckPathLimit.MaxLength));
        var problem = Assert.Single(limits.Check(stack));
        Assert.Contains("is 1025 characters long", problem.Problem, StringComparison.Ordinal);
        stack.Set("shopWebWebHealthCheckPath", "/" + new string('a', HealthCheckPathLimit.MaxLength - 1));
        Assert.Empty(limits.Check(stack));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/up")]
    [InlineData("/health?full=1")]
    [InlineData("/api/v1/status")]
    public void Health_check_paths_the_kubelet_can_call_pass(string value)
    {
        var (limits, stack) = Shop();
        stack.Set("shopWebWebHealthCheckPath", value);
        Assert.Empty(limits.Check(stack));
    }

    [Fact]
    public void Every_readiness_path_and_the_node_architecture_are_limited()
    {
        var (limits, _) = Shop();
        Assert.Contains(new HealthCheckPathLimit("shopWebWebHealthCheckPath"), limits.All);
        Assert.Contains(new HealthCheckPathLimit("shopAdminWebHealthCheckPath"), limits.All);
        Assert.Contains(new ChoiceLimit("nodeArchitecture", "a node architecture", ["amd64", "arm64"]), limits.All);
    }

    [Theory]
    [InlineData("250m", 0.25)]
    [InlineData("2", 2)]
    [InlineData(".5", 0.5)]
    [InlineData("512Mi", 536870912)]
    [InlineData("1Gi", 1073741824)]
    [InlineData("1k", 1000)]
    [InlineData("1e3", 1000)]
    [InlineData("1E-3", 0.001)]
    [InlineData("+3M", 3000000)]
    public void Quantities_read_as_the_api_server_reads_them(string text, double amount) =>
        Assert.Equal((decimal)amount, Quantity.Parse(text)!.Amount);

    [Theory]
    [InlineData("")]
    [InlineData("Mi")]
    [InlineData("1mi")]
    [InlineData("1KB")]
    [InlineData("1.2.3")]
    [InlineData("1e99")]
    [InlineData(" 1")]
    public void Text_that_is_no_quantity_is_refused(string text) => Assert.Null(Quantity.Parse(text));
}
