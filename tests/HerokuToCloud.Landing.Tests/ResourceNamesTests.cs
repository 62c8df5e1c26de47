using static HerokuToCloud.Landing.Tests.Support.Inventories;

namespace HerokuToCloud.Landing.Tests;

public class ResourceNamesTests
{
    [Theory]
    [InlineData("shop-web", "shop-web")]
    [InlineData("Shop_Web", "shop-web")]
    [InlineData("  my app!! v2 ", "my-app-v2")]
    [InlineData("a--b__c", "a-b-c")]
    [InlineData("-web-", "web")]
    [InlineData("café", "caf")]
    public void Sanitize(string raw, string expected)
    {
        Assert.Equal(expected, ResourceNames.Sanitize(raw));
        Assert.True(ResourceNames.IsValid(expected));
    }

    [Theory]
    [InlineData("123")]
    [InlineData("9lives")]
    [InlineData("---")]
    [InlineData("日本")]
    [InlineData("")]
    public void Names_with_no_letter_to_start_from_cannot_be_repaired(string raw)
    {
        Assert.Null(ResourceNames.Sanitize(raw));
        var error = Assert.Throws<LandingException>(() => ResourceNames.From(raw, "apps[x]"));
        Assert.Contains("apps[x]", error.Message);
        Assert.Contains("rename", error.Message);
    }

    [Fact]
    public void Long_names_are_shortened_with_a_stable_hash()
    {
        var name = ResourceNames.From("mycompany-backend-api-service-v2", "k");

        Assert.StartsWith("mycompany-backend-a-", name);
        Assert.Equal(ResourceNames.MaxLength, name.Length);
        Assert.True(ResourceNames.IsValid(name));
        Assert.Equal(name, ResourceNames.From("mycompany-backend-api-service-v2", "k"));
        Assert.NotEqual(name, ResourceNames.From("mycompany-backend-api-service-v3", "k"));
    }

    [Fact]
    public void Long_names_sharing_a_beginning_stay_apart()
    {
        var sheriffed = ResourceNames.From("worker_log_parser_fail_raw_sheriffed", "k");
        var unsheriffed = ResourceNames.From("worker_log_parser_fail_raw_unsheriffed", "k");

        Assert.NotEqual(sheriffed, unsheriffed);
        Assert.All(new[] { sheriffed, unsheriffed }, n => Assert.True(ResourceNames.IsValid(n), n));
    }

    [Fact]
    public void Truncate_leaves_no_trailing_dash()
    {
        Assert.Equal("abcdefghijklmnopqrstuvw", ResourceNames.Truncate("abcdefghijklmnopqrstuvw-xyz", 24));
        Assert.Equal("short", ResourceNames.Truncate("short", 24));
    }

    [Fact]
    public void Join_keeps_the_suffix()
    {
        Assert.Equal("shop-web-db", ResourceNames.Join("shop-web", "db"));
        Assert.Equal("mycompany-backend-redis", ResourceNames.Join("mycompany-backend-api", "redis"));
        Assert.EndsWith("-postgresql-onyx", ResourceNames.Join("a-very-long-application-name", "postgresql-onyx"));
        Assert.All(
            new[] { ResourceNames.Join("a-very-long-application-name", "postgresql-onyx"), ResourceNames.Join("x", "y"), ResourceNames.Join("abcdefghijklmnopqrstuvwxyz", "abcdefghijklmnopqrstuvwxyz") },
            n => Assert.True(ResourceNames.IsValid(n), n));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("shop-web-2")]
    [InlineData("abcdefghijklmnopqrstuvwx")]
    public void Valid_names(string name) => Assert.True(ResourceNames.IsValid(name));

    [Theory]
    [InlineData("Shop")]
    [InlineData("2shop")]
    [InlineData("shop-")]
    [InlineData("shop--web")]
    [InlineData("shop_web")]
    [InlineData("abcdefghijklmnopqrstuvwxy")]
    public void Invalid_names(string name) => Assert.False(ResourceNames.IsValid(name));

    [Fact]
    public void Every_name_in_a_plan_is_valid()
    {
        var plan = LandingPlanner.Plan(Shop(), "prod");

        var names = new[] { plan.System }
            .Concat(plan.Apps.Select(a => a.Name))
            .Concat(plan.Apps.SelectMany(a => a.Services.Select(s => s.Name)))
            .Concat(plan.Apps.SelectMany(a => a.ScheduledTasks.Select(t => t.Name)))
            .Concat(plan.Datastores.Select(d => d.Name));
        Assert.All(names, n => Assert.True(ResourceNames.IsValid(n), n));
    }

    [Fact]
    public void An_app_name_that_cannot_be_made_valid_names_the_app()
    {
        var error = Assert.Throws<LandingException>(() => LandingPlanner.Plan(Single(App("42", Proc("web"))), "prod"));

        Assert.Contains("apps[42]", error.Message);
        Assert.Contains("rename", error.Message);
    }

    [Fact]
    public void A_long_app_name_is_shortened_with_a_finding()
    {
        var plan = LandingPlanner.Plan(Single(App("mycompany-backend-api-service", Proc("web"))), "prod");

        Assert.StartsWith("mycompany-backend-a-", plan.Apps[0].Name);
        Assert.Equal(ResourceNames.MaxLength, plan.Apps[0].Name.Length);
        Assert.Contains(plan.Findings, f => f.Subject == "apps[mycompany-backend-api-service]" && f.Message.Contains("shortened"));
    }

    [Fact]
    public void A_system_name_rewritten_for_the_targets_is_a_warning_naming_both_names()
    {
        var plan = LandingPlanner.Plan(Sys("emi.grate_x", [App("web", Proc("web"))]), "prod");

        Assert.Equal("emi-grate-x", plan.System);
        var finding = Assert.Single(plan.Findings, f => f.Subject == "system");
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains("'emi.grate_x' is used as 'emi-grate-x'", finding.Message);
        Assert.Contains("config namespace", finding.Message);
    }

    [Fact]
    public void A_long_system_name_says_it_was_shortened_and_to_what()
    {
        var raw = new string('s', 120);
        var plan = LandingPlanner.Plan(Sys(raw, [App("web", Proc("web"))]), "prod");

        var finding = Assert.Single(plan.Findings, f => f.Subject == "system");
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains($"'{raw}' is used as '{plan.System}'", finding.Message);
        Assert.Contains("shortened", finding.Message);
    }

    [Fact]
    public void An_app_name_rewritten_for_the_targets_is_a_warning_naming_both_names()
    {
        var plan = LandingPlanner.Plan(Sys("shop", [App("Shop_Web", Proc("web"))]), "prod");

        var finding = Assert.Single(plan.Findings, f => f.Subject == "apps[Shop_Web]");
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains("'Shop_Web' is used as 'shop-web'", finding.Message);
    }

    [Fact]
    public void Names_the_targets_can_use_as_written_give_no_name_finding()
    {
        var plan = LandingPlanner.Plan(Sys("shop", [App("shop-web", Proc("web"))]), "prod");

        Assert.DoesNotContain(plan.Findings, f => f.Message.Contains("is used as", StringComparison.Ordinal));
    }

    [Fact]
    public void Apps_that_land_on_the_same_name_are_an_error()
    {
        var error = Assert.Throws<LandingException>(() =>
            LandingPlanner.Plan(Sys("s", [App("shop_web", Proc("web")), App("shop-web", Proc("web"))]), "prod"));

        Assert.Contains("shop-web", error.Message);
        Assert.Contains("shop_web", error.Message);
    }

    [Fact]
    public void Process_types_that_land_on_the_same_name_are_an_error()
    {
        var error = Assert.Throws<LandingException>(() =>
            LandingPlanner.Plan(Single(App("app", Proc("celery_beat"), Proc("celery-beat"))), "prod"));

        Assert.Contains("apps[app].processes[celery-beat]", error.Message);
    }

    [Fact]
    public void System_name_is_the_project_name()
    {
        Assert.Equal("my-shop", LandingPlanner.Plan(Single(App("app", Proc("web"))) with { Name = "My Shop" }, "prod").System);
        Assert.Throws<LandingException>(() => LandingPlanner.Plan(Single(App("app", Proc("web"))) with { Name = "2025" }, "prod"));
    }
}
