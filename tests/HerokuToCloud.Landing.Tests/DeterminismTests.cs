using HerokuToCloud.Inventory;
using HerokuToCloud.Landing.Tests.Support;

namespace HerokuToCloud.Landing.Tests;

public class DeterminismTests
{
    [Theory]
    [InlineData("prod")]
    [InlineData("staging")]
    public void Same_inventory_gives_the_same_plan(string stack)
    {
        Assert.Equal(PlanText.Full(LandingPlanner.Plan(Inventories.Shop(), stack)), PlanText.Full(LandingPlanner.Plan(Inventories.Shop(), stack)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public void Inventory_order_does_not_matter(int seed)
    {
        var original = Inventories.Shop();
        var shuffled = Shuffle(original, new Random(seed));

        Assert.Equal(PlanText.Full(LandingPlanner.Plan(original, "prod")), PlanText.Full(LandingPlanner.Plan(shuffled, "prod")));
        Assert.Equal(PlanText.Full(LandingPlanner.Plan(original, "staging")), PlanText.Full(LandingPlanner.Plan(shuffled, "staging")));
    }

    [Fact]
    public void Findings_are_ordered_warnings_first_then_by_subject()
    {
        var findings = LandingPlanner.Plan(Inventories.Shop(), "prod").Findings;

        var ordered = findings
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.Subject, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal);
        Assert.Equal(ordered, findings);
        Assert.Equal(findings.Count, findings.Distinct().Count());
        Assert.Contains(findings, f => f.Severity == FindingSeverity.Warning);
        Assert.Contains(findings, f => f.Severity == FindingSeverity.Info);
    }

    private static HerokuSystem Shuffle(HerokuSystem system, Random random) => system with
    {
        Apps = Mix(system.Apps, random).Select(a => a with
        {
            Processes = Mix(a.Processes, random),
            Config = Mix(a.Config, random),
            Scheduler = Mix(a.Scheduler, random),
            Domains = Mix(a.Domains, random),
        }).ToList(),
        Addons = Mix(system.Addons, random).Select(a => a with { Attachments = Mix(a.Attachments, random) }).ToList(),
    };

    private static List<T> Mix<T>(IEnumerable<T> items, Random random) => items.OrderBy(_ => random.Next()).ToList();
}
