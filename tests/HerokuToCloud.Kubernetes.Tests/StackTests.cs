using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes.Tests;

public class StackTests
{
    [Fact]
    public void Two_stages_of_a_pipeline_share_one_program_and_differ_only_in_stack_values()
    {
        var staging = KubernetesLanding.Build(Staging());
        var prod = KubernetesLanding.Build(SamplePlans.Shop("prod"));

        Assert.Equal(GraphText.Program(prod.Graph), GraphText.Program(staging.Graph));
        Assert.NotEqual(GraphText.Stack(prod.Stack), GraphText.Stack(staging.Stack));
        Assert.Equal(new StringValue("shop-staging"), staging.Stack.Values["namespace"]);
        Assert.Equal(new NumberValue(1), staging.Stack.Values["shopDbInstances"]);
        Assert.Equal(new NumberValue(3), prod.Stack.Values["shopDbInstances"]);
        Assert.Equal(new StringValue("500m"), staging.Stack.Values["shopWebWebCpuRequest"]);
    }

    [Fact]
    public void Building_twice_gives_the_same_program_and_stack()
    {
        var first = KubernetesLanding.Build(SamplePlans.Shop());
        var second = KubernetesLanding.Build(SamplePlans.Shop());
        Assert.Equal(GraphText.Program(first.Graph), GraphText.Program(second.Graph));
        Assert.Equal(GraphText.Stack(first.Stack), GraphText.Stack(second.Stack));
    }

    [Fact]
    public void Every_non_secret_key_has_a_stack_value_and_the_team_values_are_listed_for_review()
    {
        var program = KubernetesLanding.Build(SamplePlans.Shop());
        Assert.All(program.Graph.Config.Where(c => !c.Secret), c => Assert.True(program.Stack.Values.ContainsKey(c.Key), c.Key));
        Assert.All(program.Stack.Values.Keys, key => Assert.Contains(program.Graph.Config, c => c.Key == key));
        Assert.Equal(["shopAdminDomains", "shopAdminImage", "shopAdminImageTag", "shopWebImage", "shopWebImageTag"],
            program.Required.Where(r => !r.Secret).Select(r => r.Key).Order());
        Assert.All(program.Graph.Config.Where(c => c.Secret), c => Assert.Contains(program.Required, r => r.Key == c.Key && r.Secret));
    }

    [Fact]
    public void Stack_values_carry_the_plans_sizes()
    {
        var program = KubernetesLanding.Build(SamplePlans.Shop());
        Assert.Equal(new StringValue("250m"), program.Stack.Values["shopWebWebCpuRequest"]);
        Assert.Equal(new StringValue("2560Mi"), program.Stack.Values["shopAdminWebMemoryLimit"]);
        Assert.Equal(new StringValue("standard"), program.Stack.Values["storageClass"]);
        Assert.Equal(new StringValue("heroku2cloud:0.1.0"), program.Stack.Values["migrationImage"]);
    }

    private static LandingPlan Staging()
    {
        // Staging differs in every number: sizes, counts, HA, storage, schedule, hostnames (same count), Redis memory.
        var plan = SamplePlans.Shop("staging", webCount: 1, domains: ["staging.shop.example.com", "www.staging.shop.example.com"], highAvailability: false);
        var size = new ComputeSize("standard-2x", 0.5m, 1024, 2m, 2048);
        var web = plan.Apps[0] with
        {
            Services = plan.Apps[0].Services.Select(s => s with { Compute = size, Count = s.Count == 0 ? 0 : 1 }).ToList(),
            ScheduledTasks = plan.Apps[0].ScheduledTasks.Select(t => t with { Schedule = new CronSchedule("0", "*") }).ToList(),
        };
        var db = ((PostgresDatastore)plan.Datastores[0]) with { StorageGiB = 10, Vcpu = 0.5m, MemoryGiB = 1, ConnectionLimit = 20, Version = "15" };
        var cache = ((RedisDatastore)plan.Datastores[1]) with { MemoryMiB = 25, HerokuPlan = "mini" };
        return plan with { Apps = [web, plan.Apps[1]], Datastores = [db, cache] };
    }
}
