using HerokuToCloud.Landing.Tests.Support;
using static HerokuToCloud.Landing.Tests.Support.Inventories;

namespace HerokuToCloud.Landing.Tests;

public class PostgresPlansTests
{
    // heroku-facts 2b (hardware), 2a (HA, rollback), 7c (storage, class): plan → numbers.
    public static TheoryData<string, decimal, decimal, bool, int, int, bool, int> Plans()
    {
        var data = new TheoryData<string, decimal, decimal, bool, int, int, bool, int>();
        foreach (var (plan, conns, disk, memory) in new[]
                 {
                     ("hobby-dev", 20, 20, 1m), ("hobby-basic", 20, 20, 1m), ("mini", 20, 20, 1m), ("basic", 20, 20, 1m),
                     ("essential-0", 20, 20, 1m), ("essential-1", 20, 20, 1m), ("essential-2", 40, 32, 2m), ("in-dyno", 20, 20, 1m),
                 })
        {
            data.Add(plan, 0.5m, memory, true, disk, conns, false, 7);
        }

        (string Suffix, decimal Vcpu, decimal Memory, int Conns, int Disk, bool PremiumOnly)[] sizes =
        [
            ("0", 2, 4, 120, 64, false), ("2", 2, 8, 400, 256, false), ("3", 2, 15.25m, 500, 512, false),
            ("4", 4, 30.5m, 500, 768, false), ("5", 8, 61, 500, 1024, false), ("6", 16, 122, 500, 1536, false),
            ("l-6", 16, 122, 500, 2048, true), ("xl-6", 16, 122, 500, 3072, true), ("7", 32, 244, 500, 2048, false),
            ("8", 64, 488, 500, 3072, false), ("9", 96, 768, 500, 4096, false), ("l-9", 96, 768, 500, 5120, true),
            ("xl-9", 96, 768, 500, 6144, true), ("10", 128, 1024, 500, 4096, false),
        ];
        foreach (var tier in new[] { "standard", "premium", "private", "shield" })
        {
            foreach (var s in sizes.Where(s => tier != "standard" || !s.PremiumOnly))
                data.Add($"{tier}-{s.Suffix}", s.Vcpu, s.Memory, s.Suffix == "0", s.Disk, s.Conns, tier != "standard", 7);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void Plan_becomes_a_sized_datastore(string plan, decimal vcpu, decimal memoryGiB, bool burstable, int storage, int connections, bool ha, int retention)
    {
        var datastore = Assert.IsType<PostgresDatastore>(Assert.Single(PlanFor(plan).Datastores));

        Assert.Equal(plan, datastore.HerokuPlan);
        Assert.Equal("heroku-postgresql", datastore.HerokuService);
        Assert.Equal(vcpu, datastore.Vcpu);
        Assert.Equal(memoryGiB, datastore.MemoryGiB);
        Assert.Equal(burstable, datastore.Burstable);
        Assert.Equal(storage, datastore.StorageGiB);
        Assert.Equal(storage * 2, datastore.MaxStorageGiB);
        Assert.Equal(connections, datastore.ConnectionLimit);
        Assert.Equal(ha, datastore.HighAvailability);
        Assert.Equal(retention, datastore.BackupRetentionDays);
        Assert.Equal(plan != "in-dyno", datastore.MigrateData);
    }

    [Fact]
    public void Every_known_plan_is_covered_by_the_theory()
    {
        var tested = Plans().Select(row => (string)row[0]).ToHashSet();

        Assert.Equal(tested.Order(), PostgresPlans.All.Select(p => p.Name).Order());
    }

    [Theory]
    [InlineData("standard", 4)]
    [InlineData("premium", 7)]
    [InlineData("private", 7)]
    [InlineData("shield", 7)]
    [InlineData("essential", 0)]
    public void Rollback_window_comes_from_the_tier_and_retention_never_drops_below_seven_days(string tier, int rollback)
    {
        var plans = PostgresPlans.All.Where(p => p.Tier == tier).ToList();

        Assert.NotEmpty(plans);
        Assert.All(plans, p => Assert.Equal(rollback, p.RollbackDays));
        Assert.All(plans, p => Assert.Equal(Math.Max(7, rollback), p.BackupRetentionDays));
    }

    // 7c: the numbers must lead the AWS side to the recommended class. The picker below is the
    // natural one: the burstable family for burstable plans, otherwise the class with the fewest
    // vCPUs, then the least memory, that covers both (7a's table).
    [Theory]
    [InlineData("hobby-dev", "db.t4g.micro", 20)]
    [InlineData("hobby-basic", "db.t4g.micro", 20)]
    [InlineData("mini", "db.t4g.micro", 20)]
    [InlineData("basic", "db.t4g.micro", 20)]
    [InlineData("essential-0", "db.t4g.micro", 20)]
    [InlineData("essential-1", "db.t4g.micro", 20)]
    [InlineData("essential-2", "db.t4g.small", 32)]
    [InlineData("standard-0", "db.t4g.medium", 64)]
    [InlineData("premium-0", "db.t4g.medium", 64)]
    [InlineData("standard-2", "db.m7g.large", 256)]
    [InlineData("standard-3", "db.r7g.large", 512)]
    [InlineData("premium-4", "db.r7g.xlarge", 768)]
    [InlineData("private-5", "db.r7g.2xlarge", 1024)]
    [InlineData("shield-6", "db.r7g.4xlarge", 1536)]
    [InlineData("premium-l-6", "db.r7g.4xlarge", 2048)]
    [InlineData("premium-xl-6", "db.r7g.4xlarge", 3072)]
    [InlineData("standard-7", "db.r7g.8xlarge", 2048)]
    [InlineData("standard-8", "db.r7g.16xlarge", 3072)]
    [InlineData("standard-9", "db.r7i.24xlarge", 4096)]
    [InlineData("premium-l-9", "db.r7i.24xlarge", 5120)]
    [InlineData("premium-xl-9", "db.r7i.24xlarge", 6144)]
    [InlineData("standard-10", "db.r7i.48xlarge", 4096)]
    public void Numbers_reproduce_the_rds_recommendation(string plan, string instanceClass, int storage)
    {
        var p = PostgresPlans.Find(plan, "key");

        Assert.Equal(instanceClass, RdsClass(p.Vcpu, p.MemoryGiB, p.Burstable));
        Assert.Equal(storage, p.StorageGiB);
    }

    [Theory]
    [InlineData("default")]
    [InlineData("")]
    [InlineData("DEFAULT")]
    public void A_missing_plan_is_herokus_default(string plan)
    {
        var result = PlanFor(plan);

        var datastore = Assert.IsType<PostgresDatastore>(Assert.Single(result.Datastores));
        Assert.Equal("essential-0", datastore.HerokuPlan);
        Assert.Contains(result.Findings, f => f.Subject == "addons[db]" && f.Message.Contains("default") && f.Message.Contains("essential-0"));
    }

    [Fact]
    public void Full_heroku_plan_names_are_understood()
    {
        Assert.Equal("standard-0", Assert.Single(PlanFor("heroku-postgresql:standard-0").Datastores).HerokuPlan);
        Assert.Equal("essential-0", Assert.Single(PlanFor("heroku-postgresql:default").Datastores).HerokuPlan);
    }

    [Theory]
    [InlineData("standard-1")]
    [InlineData("standard-l-6")]
    [InlineData("crane")]
    public void Unknown_plan_names_the_inventory_key(string plan)
    {
        var error = Assert.Throws<LandingException>(() => PlanFor(plan));

        Assert.Contains("addons[db].plan", error.Message);
        Assert.Contains($"'{plan}'", error.Message);
        Assert.Contains("essential-0", error.Message);
    }

    [Fact]
    public void Version_option_is_kept_and_default_is_seventeen()
    {
        Assert.Equal("17", Version(new Dictionary<string, string>()));
        Assert.Equal("16", Version(new Dictionary<string, string> { ["version"] = "16" }));
        Assert.Equal("17", Version(new Dictionary<string, string> { ["version"] = "17.2" }));
        Assert.Equal("18", Version(new Dictionary<string, string> { ["version"] = "18" }));
    }

    [Fact]
    public void Version_past_herokus_support_window_lands_on_the_default_with_a_warning()
    {
        var addon = Addon("db", "heroku-postgresql", "standard-0", Attach("app", "DATABASE")) with
        {
            Options = new Dictionary<string, string> { ["version"] = "13" },
        };
        var plan = LandingPlanner.Plan(Single(App("app", Proc("web")), addon), "prod");

        Assert.Equal("17", plan.Datastores[0].Version);
        var finding = Assert.Single(plan.Findings, f => f.Severity == FindingSeverity.Warning && f.Subject == "addons[db]");
        Assert.Contains("PostgreSQL 13", finding.Message);
    }

    [Fact]
    public void Unreadable_version_names_the_option()
    {
        var error = Assert.Throws<LandingException>(() => Version(new Dictionary<string, string> { ["version"] = "latest" }));

        Assert.Contains("addons[db].options.version", error.Message);
    }

    [Fact]
    public void Ten_plans_warn_that_their_size_is_unconfirmed()
    {
        var plan = PlanFor("premium-10");

        Assert.Contains(plan.Findings, f => f.Severity == FindingSeverity.Warning && f.Subject == "addons[db]" && f.Message.Contains("*-10"));
    }

    private static string Version(Dictionary<string, string> options)
    {
        var addon = Addon("db", "heroku-postgresql", "standard-0", Attach("app", "DATABASE")) with { Options = options };
        return LandingPlanner.Plan(Single(App("app", Proc("web")), addon), "prod").Datastores[0].Version;
    }

    private static LandingPlan PlanFor(string plan) =>
        LandingPlanner.Plan(Single(App("app", Proc("web")), Addon("db", "heroku-postgresql", plan, Attach("app", "DATABASE"))), "prod");

    private static string RdsClass(decimal vcpu, decimal memory, bool burstable)
    {
        (string Name, int Vcpu, decimal Memory)[] classes =
        [
            ("db.t4g.micro", 2, 1), ("db.t4g.small", 2, 2), ("db.t4g.medium", 2, 4), ("db.t4g.large", 2, 8), ("db.t4g.xlarge", 4, 16), ("db.t4g.2xlarge", 8, 32),
            ("db.m7g.large", 2, 8), ("db.m7g.xlarge", 4, 16), ("db.m7g.2xlarge", 8, 32), ("db.m7g.4xlarge", 16, 64), ("db.m7g.8xlarge", 32, 128),
            ("db.m7g.12xlarge", 48, 192), ("db.m7g.16xlarge", 64, 256),
            ("db.r7g.large", 2, 16), ("db.r7g.xlarge", 4, 32), ("db.r7g.2xlarge", 8, 64), ("db.r7g.4xlarge", 16, 128), ("db.r7g.8xlarge", 32, 256),
            ("db.r7g.12xlarge", 48, 384), ("db.r7g.16xlarge", 64, 512), ("db.r7i.24xlarge", 96, 768), ("db.r7i.48xlarge", 192, 1536),
        ];
        return classes
            .Where(c => c.Name.StartsWith("db.t4g.", StringComparison.Ordinal) == burstable)
            .Where(c => c.Vcpu >= vcpu && c.Memory >= memory)
            .OrderBy(c => c.Vcpu).ThenBy(c => c.Memory)
            .First().Name;
    }
}
