using System.Reflection;
using HerokuToCloud.Inventory;
using HerokuToCloud.Landing.Tests.Support;
using static HerokuToCloud.Landing.Tests.Support.Inventories;

namespace HerokuToCloud.Landing.Tests;

/// <summary>No config var value can enter a plan: the types have no place for one, and nothing leaks in.</summary>
public class CanaryTests
{
    // Every string the plan's type graph can hold. A new string property anywhere in the model
    // fails this test until someone checks that it cannot carry a config var value and adds it here.
    private static readonly HashSet<string> AllowedStrings =
    [
        "LandingPlan.System", "LandingPlan.Stack", "LandingPlan.Stage",
        "AppLanding.Name", "AppLanding.HerokuApps", "AppLanding.SourceApp", "AppLanding.BuildSecrets", "AppLanding.Domains",
        "ImageBuild.Buildpacks", "ImageBuild.Dockerfile",
        "Service.Name", "Service.Command", "Service.HealthCheckPath",
        "ComputeSize.HerokuSize",
        "ReleaseTask.Command",
        "ScheduledTask.Name", "ScheduledTask.Command",
        "CronSchedule.Minute", "CronSchedule.Hour",
        "SecretEntry.Name", "FromSecretConfig.ConfigKey", "FromDatastore.Datastore",
        "Datastore.Name", "Datastore.HerokuService", "Datastore.HerokuPlan", "Datastore.Apps", "Datastore.Version",
        "PlanFinding.Subject", "PlanFinding.Message",

        // Built from names only: counts, hostnames, config keys, `heroku config:get VAR -a APP`, fixed URL shapes.
        "ConfigRequest.Lead", "ConfigRequest.Keys", "ConfigRequest.ValueCommand", "ConfigRequest.Example",
    ];

    [Fact]
    public void The_plan_type_graph_has_no_place_for_a_value()
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        Walk(typeof(LandingPlan), found, []);

        Assert.Equal(AllowedStrings.Order(StringComparer.Ordinal), found);
    }

    [Fact]
    public void The_inventory_holds_config_var_names_only()
    {
        var strings = typeof(ConfigVar).GetProperties().Where(p => p.PropertyType == typeof(string)).Select(p => p.Name).Order();

        // RefersTo holds the name of another var ("$DATABASE_URL" → DATABASE_URL), which the reader checks is a var name;
        // RefersToApp the name of the app that var is in, which the reader checks is an app of the inventory.
        Assert.Equal(["Addon", "Description", "Name", "RefersTo", "RefersToApp"], strings);
    }

    [Fact]
    public void Descriptions_and_other_free_text_never_reach_the_plan()
    {
        const string canary = "sk_live_CANARY_51Hx0000";
        var app = App("app", Proc("web")) with
        {
            Config = [new ConfigVar { Name = "STRIPE_KEY", Description = $"value was {canary}" }, Runtime("PORT")],
        };

        var plan = LandingPlanner.Plan(Single(app), "prod");

        Assert.DoesNotContain(PlanText.Strings(plan), s => s.Contains(canary, StringComparison.Ordinal));
        Assert.DoesNotContain(canary, PlanText.Full(plan));
        Assert.Equal(new FromSecretConfig("app-STRIPE_KEY"), Assert.Single(plan.Apps[0].Secrets).Source);
    }

    [Fact]
    public void Secrets_carry_names_and_sources_only()
    {
        var plan = LandingPlanner.Plan(Shop(), "prod");

        Assert.All(plan.Apps.SelectMany(a => a.Secrets), s =>
        {
            Assert.True(SecretResolution.IsValidVarName(s.Name));
            switch (s.Source)
            {
                case FromSecretConfig c:
                    Assert.Equal($"shop-web-{s.Name}", c.ConfigKey);
                    break;
                case FromDatastore d:
                    Assert.Contains(plan.Datastores, ds => ds.Name == d.Datastore);
                    break;
                default:
                    Assert.IsType<GeneratedSecret>(s.Source);
                    break;
            }
        });
    }

    private static void Walk(Type type, SortedSet<string> found, HashSet<Type> seen)
    {
        if (!seen.Add(type))
            return;
        foreach (var t in Concrete(type))
        {
            foreach (var property in t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(p => p.CanWrite))
            {
                var propertyType = Element(property.PropertyType);
                if (propertyType == typeof(string))
                    found.Add($"{t.Name}.{property.Name}");
                else if (propertyType.Namespace == typeof(LandingPlan).Namespace && !propertyType.IsEnum)
                    Walk(propertyType, found, seen);
            }

            if (t != type)
                Walk(t, found, seen);
        }
    }

    /// <summary>The type and, for abstract records, every concrete subtype in the model assembly.</summary>
    private static IEnumerable<Type> Concrete(Type type) =>
        type.IsAbstract
            ? type.Assembly.GetTypes().Where(t => type.IsAssignableFrom(t)).Prepend(type).Distinct()
            : [type];

    private static Type Element(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0]
        : Nullable.GetUnderlyingType(type) ?? type;
}
