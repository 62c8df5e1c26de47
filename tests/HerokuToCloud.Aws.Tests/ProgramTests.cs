using HerokuToCloud.Aws.Tests.Fixtures;
using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Aws.Tests;

public class ProgramTests
{
    /// <summary>The staging stage of the same system: smaller sizes, fewer tasks, other hosts, a non-HA database.</summary>
    internal static LandingPlan Staging()
    {
        var prod = Plans.EmigratePlan();
        var app = prod.Apps[0];
        return prod with
        {
            Stack = "staging",
            Apps =
            [
                app with
                {
                    Domains = ["staging.emigrate.example.com", "www.staging.emigrate.example.com"],
                    Services = [.. app.Services.Select(s => s with { Compute = Plans.Standard1X, Count = 1, Scaling = s.Scaling is null ? null : new ScalingRange(1, 2) })],
                    HerokuApps = ["emigrate-staging"],
                },
            ],
            Datastores = [Plans.Database(plan: "essential-0") with { Vcpu = 2, MemoryGiB = 1, StorageGiB = 1, MaxStorageGiB = 2 }, Plans.Cache() with { HerokuPlan = "mini", Nodes = 1, MemoryMiB = 25 }],
        };
    }

    [Fact]
    public void The_same_plan_gives_the_same_program_and_stack_twice()
    {
        var first = AwsLanding.Build(Plans.EmigratePlan(), new AwsLandingOptions { HostedZoneId = "Z0123456789ABCDEFGHIJ" });
        var second = AwsLanding.Build(Plans.EmigratePlan(), new AwsLandingOptions { HostedZoneId = "Z0123456789ABCDEFGHIJ" });
        Assert.Equal(first.Program.Dump(), second.Program.Dump());
        Assert.Equal(first.Stack.Values.Select(v => $"{v.Key}={GraphQuery.Show(v.Value)}"), second.Stack.Values.Select(v => $"{v.Key}={GraphQuery.Show(v.Value)}"));
    }

    [Fact]
    public void Every_stage_of_a_pipeline_shares_one_program_and_differs_only_in_stack_config()
    {
        var prod = AwsLanding.Build(Plans.EmigratePlan());
        var staging = AwsLanding.Build(Staging());
        Assert.Equal(prod.Program.Dump(), staging.Program.Dump());

        Assert.Equal(new StringValue("db.t4g.micro"), staging.Stack.Values["emigrateDbInstanceClass"]);
        Assert.Equal(new StringValue("db.t4g.medium"), prod.Stack.Values["emigrateDbInstanceClass"]);
        Assert.Equal(new NumberValue(20), staging.Stack.Values["emigrateDbAllocatedStorage"]);
        Assert.Equal(new StringValue("512"), staging.Stack.Values["emigrateWebCpu"]);
        Assert.Equal(new NumberValue(1), staging.Stack.Values["emigrateCacheNodes"]);
        Assert.Equal(new BoolValue(false), staging.Stack.Values["emigrateCacheAutomaticFailover"]);
        GraphQuery.Same(Value.List("staging.emigrate.example.com", "www.staging.emigrate.example.com"), staging.Stack.Values["emigrateDomains"]);
        Assert.Equal("staging", staging.Stack.Stack);
        Assert.Equal(prod.Stack.Values.Keys, staging.Stack.Values.Keys);
    }

    [Fact]
    public void No_literal_in_the_program_depends_on_the_stack()
    {
        var program = AwsLanding.Build(Plans.EmigratePlan("production-eu")).Program;
        var literals = program.Resources.SelectMany(r => GraphQuery.Walk(r.Properties)).OfType<StringValue>().Select(s => s.Text);
        Assert.DoesNotContain(literals, t => t.Contains("production-eu", StringComparison.Ordinal));
    }

    [Fact]
    public void Provider_versions_are_pinned()
    {
        var program = AwsLanding.Build(Plans.EmigratePlan()).Program;
        Assert.Equal(new Dictionary<string, string> { ["aws"] = "7.48.0", ["command"] = "4.5.0", ["random"] = "4.21.2" }, program.Packages);
        Assert.Equal(new Dictionary<string, string> { ["aws"] = "7.48.0", ["random"] = "4.21.2" }, AwsLanding.Build(Plans.WorkerOnly() with
        {
            Apps = [Plans.WorkerOnly().Apps[0] with { Secrets = [new SecretEntry("TOKEN", new GeneratedSecret())] }],
        }).Program.Packages);
        Assert.Equal(["aws"], AwsLanding.Build(Plans.WorkerOnly()).Program.Packages.Keys);
    }

    [Fact]
    public void Every_type_token_is_one_the_components_declare()
    {
        var known = typeof(AwsTypes).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        Assert.All(AwsLanding.Build(Plans.EmigratePlan(), new AwsLandingOptions { HostedZoneId = "Z0123456789ABCDEFGHIJ" }).Program.Resources,
            r => Assert.Contains(r.Type, known));
    }

    [Fact]
    public void Plan_findings_are_passed_on_with_the_AWS_ones()
    {
        var findings = AwsLanding.Build(Plans.EmigratePlan()).Findings;
        Assert.Equal("papertrail", findings[0].Subject);
        Assert.Contains(findings, f => f.Subject == "app emigrate");
    }

    [Theory]
    [InlineData("Emigrate", null, null, "system name")]
    [InlineData("emigrate", "Shop_Web", null, "app name")]
    [InlineData("emigrate", "9lives", null, "app name")]
    [InlineData("emigrate", "emigrate", "emigrate", "used by two apps or datastores")]
    public void Names_AWS_would_reject_are_clear_errors(string system, string? app, string? datastore, string expected)
    {
        var plan = Plans.EmigratePlan() with { System = system };
        if (app is not null)
            plan = plan with { Apps = [plan.Apps[0] with { Name = app }], Datastores = [] };
        if (datastore is not null)
            plan = plan with { Datastores = [Plans.Database(name: datastore)] };
        if (app is not null && datastore is null)
            plan = plan with { Apps = [plan.Apps[0] with { Secrets = [] }] };
        var error = Assert.Throws<AwsLandingException>(() => AwsLanding.Build(plan));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Long_names_are_shortened_to_fit_AWS_limits_the_same_way_every_time()
    {
        var plan = Plans.EmigratePlan();
        plan = plan with { Apps = [plan.Apps[0] with { Name = "shopfront-storefront-api" }], Datastores = [] };
        plan = plan with { Apps = [plan.Apps[0] with { Secrets = [] }] };
        var program = AwsLanding.Build(plan).Program;
        var balancer = Assert.Single(program.OfType(AwsTypes.LoadBalancer));
        var targets = Assert.Single(program.OfType(AwsTypes.TargetGroup));
        Assert.True(balancer.Name.Length + AwsNames.AutonameSuffix <= 32, balancer.Name);
        Assert.True(targets.Name.Length + AwsNames.AutonameSuffix <= 32, targets.Name);
        Assert.StartsWith("shopfront-stor", balancer.Name);
        Assert.NotEqual(balancer.Name, targets.Name);
        Assert.Equal(balancer.Name, Assert.Single(AwsLanding.Build(plan).Program.OfType(AwsTypes.LoadBalancer)).Name);
        Assert.All(program.OfType(AwsTypes.Role), r => Assert.True(r.Name.Length + AwsNames.AutonameSuffix <= 64, r.Name));
    }

    [Fact]
    public void A_process_without_a_Fargate_size_names_the_app_process_and_size()
    {
        var plan = Plans.EmigratePlan();
        var app = plan.Apps[0];
        plan = plan with
        {
            Apps = [app with { Services = [.. app.Services.Select(s => s.Name == "worker" ? s with { Compute = new ComputeSize("performance-2xl", 16, 129024, 16, 129024) } : s)] }],
        };
        var error = Assert.Throws<AwsLandingException>(() => AwsLanding.Build(plan));
        Assert.Contains("App emigrate process worker", error.Message);
        Assert.Contains("performance-2xl", error.Message);
    }
}
