using System.Text.RegularExpressions;
using HerokuToCloud.Inventory;

namespace HerokuToCloud.Landing;

/// <summary>
/// Inventory + stack name → <see cref="LandingPlan"/>: the mapping rules of docs/mapping.md.
/// </summary>
/// <remarks>
/// The plan's structure (apps, services, tasks, datastores, secret names and sources, commands,
/// schedules, ports, images) is derived from the whole inventory, every pipeline stage at once, so
/// it is identical for every stack of a system and a target's program is the same whichever stack
/// is generated. Only values come from the stack's stage: compute sizes, counts and scaling ranges,
/// whether a schedule is enabled, datastore plans and their numbers, versions, domains, and the
/// informational <see cref="LandingPlan.Stack"/>, <see cref="LandingPlan.Stage"/>,
/// <see cref="AppLanding.SourceApp"/>, <see cref="Datastore.HerokuPlan"/> and the findings.
/// </remarks>
public static partial class LandingPlanner
{
    /// <summary>
    /// Maps <paramref name="system"/> to the plan for <paramref name="stack"/>. For a system with a
    /// pipeline the stack name selects the stage (see <see cref="PipelineStages"/>); for one without,
    /// any stack name gets the same values.
    /// </summary>
    /// <exception cref="LandingException">The inventory cannot be mapped; the message names the key to fix.</exception>
    public static LandingPlan Plan(HerokuSystem system, string stack)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(stack);
        if (!StackNamePattern().IsMatch(stack))
        {
            throw new LandingException(
                $"stack '{stack}': a stack name is 1–100 letters, digits, '-', '_' or '.', starting with a letter or digit (for example \"prod\").");
        }

        var findings = new FindingLog();
        var systemName = ResourceNames.From(system.Name, "name");
        NameChanges.Report(findings, InventoryKeys.System, system.Name, systemName,
            "the Pulumi project, its stack config namespace (<project>:<key>) and every resource name");

        var roles = AppRoles.Build(system, findings);
        var stage = SelectStage(roles, stack);
        var roleOf = roles
            .SelectMany(r => r.Members.Select(m => (m.App.Name, Value: (Role: r, Member: m))))
            .ToDictionary(x => x.Name, x => x.Value, StringComparer.Ordinal);

        var links = AddonLinks.Build(system, findings);
        var taken = roles.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var groups = DatastoreGroups.Build(system, links, roleOf, taken);
        var groupOf = groups
            .SelectMany(g => g.Members.Select(m => (m.Addon.Name, Group: g)))
            .ToDictionary(x => x.Name, x => x.Group, StringComparer.Ordinal);

        var datastores = groups.Select(g => DatastorePlanning.Build(g, stage, findings)).ToList();
        var apps = roles.Select(r => AppPlanning.Build(r, stage, links, groupOf, findings)).ToList();
        AddonFindings.Report(system, links, roleOf, groupOf, findings);
        // Info, like the apps' notes (AppPlanning): a note is the inventory's remark, not a problem found here.
        foreach (var note in system.Notes.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct(StringComparer.Ordinal))
            findings.Info(InventoryKeys.System, note);

        return new LandingPlan
        {
            System = systemName,
            Stack = stack,
            Stage = stage is { } s ? PipelineStages.Spell(s) : null,
            Apps = apps,
            Datastores = datastores,
            Findings = findings.Ordered(),
        };
    }

    /// <summary>
    /// The stack names that select a stage of the system's pipelines, canonical spelling first
    /// ("prod", "staging"); empty when the system has no pipeline and any stack name will do.
    /// </summary>
    public static IReadOnlyList<string> StackNames(HerokuSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return Stages(system.Apps.Select(a => a.Pipeline?.Stage)).Select(s => PipelineStages.StackNames[s][0]).ToList();
    }

    private static PipelineStage? SelectStage(IReadOnlyList<AppRole> roles, string stack)
    {
        var stages = Stages(roles.SelectMany(r => r.Members).Select(m => m.Stage));
        if (stages.Count == 0)
            return null;
        if (PipelineStages.ForStack(stack) is { } stage && stages.Contains(stage))
            return stage;
        var valid = stages.SelectMany(s => PipelineStages.StackNames[s]);
        throw new LandingException(
            $"stack '{stack}' matches no stage of this system's pipelines ({string.Join(", ", stages.Select(PipelineStages.Spell))}); " +
            $"use one of: {string.Join(", ", valid)} (a name may add words, as in \"prod-eu\").");
    }

    /// <summary>Pipeline stages present, most production-like first.</summary>
    private static List<PipelineStage> Stages(IEnumerable<PipelineStage?> stages) =>
        stages.OfType<PipelineStage>().Distinct().OrderDescending().ToList();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")]
    private static partial Regex StackNamePattern();
}
