using static HerokuToCloud.Landing.Tests.Support.Inventories;

namespace HerokuToCloud.Landing.Tests;

public class RedisPlansTests
{
    // heroku-facts 3a (RAM) and 8c (nodes, Multi-AZ from plan 7 up).
    public static TheoryData<string, int, int, bool> Plans()
    {
        var data = new TheoryData<string, int, int, bool>
        {
            { "mini", 25, 1, false },
            { "hobby-dev", 25, 1, false },
            { "in-dyno", 25, 1, false },
            { "premium-0", 50, 2, false },
            { "premium-1", 100, 2, false },
            { "premium-2", 250, 2, false },
            { "premium-3", 500, 2, false },
            { "premium-4", 750, 2, false },
            { "premium-5", 1024, 2, false },
        };
        foreach (var tier in new[] { "premium", "private", "shield" })
        {
            data.Add($"{tier}-7", 7 * 1024, 2, true);
            data.Add($"{tier}-9", 10 * 1024, 2, true);
            data.Add($"{tier}-10", 25 * 1024, 2, true);
            data.Add($"{tier}-12", 50 * 1024, 2, true);
            data.Add($"{tier}-14", 100 * 1024, 2, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void Plan_becomes_a_sized_cache(string plan, int memoryMiB, int nodes, bool ha)
    {
        var datastore = Assert.IsType<RedisDatastore>(Assert.Single(PlanFor("heroku-redis", plan).Datastores));

        Assert.Equal(plan, datastore.HerokuPlan);
        Assert.Equal(memoryMiB, datastore.MemoryMiB);
        Assert.Equal(nodes, datastore.Nodes);
        Assert.Equal(ha, datastore.HighAvailability);
        Assert.Equal("8.1", datastore.Version);
    }

    [Fact]
    public void Every_known_plan_is_covered_by_the_theory()
    {
        Assert.Equal(Plans().Select(row => (string)row[0]).Order(), RedisPlans.All.Select(p => p.Name).Order());
    }

    // 8c raw-fit column: the fewest-vCPU, then smallest, node of 8a that holds the plan's memory.
    [Theory]
    [InlineData("mini", "cache.t4g.micro")]
    [InlineData("premium-2", "cache.t4g.micro")]
    [InlineData("premium-3", "cache.t4g.micro")]
    [InlineData("premium-4", "cache.t4g.small")]
    [InlineData("premium-5", "cache.t4g.small")]
    [InlineData("premium-7", "cache.r7g.large")]
    [InlineData("private-9", "cache.r7g.large")]
    [InlineData("shield-10", "cache.r7g.xlarge")]
    [InlineData("premium-12", "cache.r7g.2xlarge")]
    [InlineData("premium-14", "cache.r7g.4xlarge")]
    public void Memory_reproduces_the_elasticache_raw_fit(string plan, string node)
    {
        var p = RedisPlans.Find(plan, "key");
        (string Name, int Vcpu, decimal GiB)[] nodes =
        [
            ("cache.t4g.micro", 2, 0.5m), ("cache.t4g.small", 2, 1.37m), ("cache.t4g.medium", 2, 3.09m),
            ("cache.m7g.large", 2, 6.38m), ("cache.m7g.xlarge", 4, 12.93m), ("cache.m7g.2xlarge", 8, 26.04m), ("cache.m7g.4xlarge", 16, 52.26m),
            ("cache.r7g.large", 2, 13.07m), ("cache.r7g.xlarge", 4, 26.32m), ("cache.r7g.2xlarge", 8, 52.82m), ("cache.r7g.4xlarge", 16, 105.81m),
        ];

        var fit = nodes.Where(n => n.GiB * 1024 >= p.MemoryMiB).OrderBy(n => n.Vcpu).ThenBy(n => n.GiB).First().Name;

        Assert.Equal(node, fit);
    }

    [Theory]
    [InlineData("heroku-redis")]
    [InlineData("heroku-key-value-store")]
    public void Both_service_names_are_heroku_key_value_store(string service)
    {
        var datastore = Assert.IsType<RedisDatastore>(Assert.Single(PlanFor(service, "premium-0").Datastores));

        Assert.Equal(service, datastore.HerokuService);
        Assert.Equal(50, datastore.MemoryMiB);
    }

    [Fact]
    public void Missing_plan_is_mini()
    {
        var datastore = Assert.IsType<RedisDatastore>(Assert.Single(PlanFor("heroku-redis", "").Datastores));

        Assert.Equal("mini", datastore.HerokuPlan);
        Assert.Equal(1, datastore.Nodes);
    }

    [Fact]
    public void Unknown_plan_names_the_key()
    {
        var error = Assert.Throws<LandingException>(() => PlanFor("heroku-redis", "premium-6"));

        Assert.Contains("addons[cache].plan", error.Message);
        Assert.Contains("premium-7", error.Message);
    }

    [Theory]
    [InlineData("rediscloud", "30", 30, true)]
    [InlineData("rediscloud", "1000", 1000, true)]
    [InlineData("redistogo", "nano", 1024, false)]
    [InlineData("redisgreen", "basic", 1024, false)]
    public void Redis_compatible_third_party_add_ons_become_caches(string service, string plan, int memoryMiB, bool sizeKnown)
    {
        var result = PlanFor(service, plan, "REDISCLOUD_URL");

        var datastore = Assert.IsType<RedisDatastore>(Assert.Single(result.Datastores));
        Assert.Equal(memoryMiB, datastore.MemoryMiB);
        Assert.Equal(1, datastore.Nodes);
        Assert.False(datastore.HighAvailability);
        Assert.Equal(sizeKnown, !result.Findings.Any(f => f.Severity == FindingSeverity.Warning && f.Subject == "addons[cache]"));
        var secret = Assert.Single(result.Apps[0].Secrets);
        Assert.Equal(new FromDatastore(datastore.Name, DatastoreUrl.Url), secret.Source);
    }

    [Fact]
    public void Version_option_is_kept()
    {
        var addon = Addon("cache", "heroku-redis", "premium-0", Attach("app", "REDIS")) with
        {
            Options = new Dictionary<string, string> { ["version"] = "7.2" },
        };

        var plan = LandingPlanner.Plan(Single(App("app", Proc("web")), addon), "prod");

        Assert.Equal("7.2", plan.Datastores[0].Version);
    }

    private static LandingPlan PlanFor(string service, string plan, params string[] vars) =>
        LandingPlanner.Plan(Single(App("app", Proc("web")), Addon("cache", service, plan, Attach("app", "REDIS", vars))), "prod");
}
