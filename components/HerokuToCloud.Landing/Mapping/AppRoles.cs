using HerokuToCloud.Inventory;

namespace HerokuToCloud.Landing;

/// <summary>One Heroku app in the role it plays, with its pipeline stage (null for an app in no pipeline).</summary>
internal sealed record RoleMember(HerokuApp App, PipelineStage? Stage);

/// <summary>
/// A landing app: the Heroku apps that play the same role in every stage of a pipeline
/// (shop-web-staging, shop-web-production → "shop-web"), or one app in no pipeline.
/// Structure comes from all members; values from the member of the stack's stage.
/// </summary>
internal sealed class AppRole
{
    public AppRole(string name, IReadOnlyList<RoleMember> members)
    {
        Name = name;
        Members = members.OrderByDescending(m => m.Stage.HasValue ? (int)m.Stage.Value : int.MaxValue).ToList();
    }

    public string Name { get; }

    /// <summary>Members by authority: production first. Structural choices (commands, schedules) follow this order.</summary>
    public IReadOnlyList<RoleMember> Members { get; }

    public bool IsStageless => Members is [{ Stage: null }];

    /// <summary>The member whose values the stack uses; null when the role has no app in that stage.</summary>
    public RoleMember? PresentIn(PipelineStage? stage) =>
        IsStageless ? Members[0] : Members.FirstOrDefault(m => m.Stage == stage);

    /// <summary>
    /// The value <paramref name="select"/> finds for the stack: the present member's if it has one,
    /// otherwise the nearest stage's that does (so sizes exist even where a stage lacks the item).
    /// </summary>
    public (RoleMember Member, T Value, bool Present)? Pick<T>(PipelineStage? stage, Func<RoleMember, T?> select)
        where T : class
    {
        if (PresentIn(stage) is { } present && select(present) is { } own)
            return (present, own, true);
        var having = Members.Where(m => select(m) is not null).ToList();
        if (having.Count == 0)
            return null;
        var from = stage is null || having.Any(m => m.Stage is null)
            ? having[0]
            : having.First(m => m.Stage == PipelineStages.Nearest(having.Select(h => h.Stage!.Value), stage.Value));
        return (from, select(from)!, false);
    }

    /// <summary>The first value in authority order (production first): the one structure is built from.</summary>
    public T? Canonical<T>(Func<RoleMember, T?> select)
        where T : class =>
        Members.Select(select).FirstOrDefault(v => v is not null);

    public static string Describe(RoleMember member) =>
        member.Stage is { } s ? $"{member.App.Name} ({PipelineStages.Spell(s)})" : member.App.Name;
}

/// <summary>Groups an inventory's apps into landing roles (see <see cref="PipelineStages"/> for the naming rule).</summary>
internal static class AppRoles
{
    public static IReadOnlyList<AppRole> Build(HerokuSystem system, FindingLog findings)
    {
        var duplicate = system.Apps.GroupBy(a => a.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new LandingException($"{InventoryKeys.App(duplicate.Key)}: the inventory lists this app {duplicate.Count()} times; keep one entry.");

        var groups = new Dictionary<(string? Pipeline, string Role), List<RoleMember>>();
        foreach (var app in system.Apps)
        {
            var key = InventoryKeys.App(app.Name);
            string raw;
            if (app.Pipeline is { } coupling)
            {
                if (string.IsNullOrWhiteSpace(coupling.Pipeline))
                    throw new LandingException($"{key}.pipeline: the pipeline has no name; name it or remove the coupling.");
                raw = PipelineStages.RoleName(app.Name) ?? PipelineStages.RoleName(coupling.Pipeline) ?? coupling.Pipeline;
            }
            else
            {
                raw = app.Name;
            }

            var name = ResourceNames.From(raw, key);
            NameChanges.Report(findings, key, raw, name, "the app's resource names and stack config keys (<app>ImageTag, <app>WebCount, ...)");

            var group = (app.Pipeline?.Pipeline, name);
            if (!groups.TryGetValue(group, out var members))
                groups[group] = members = [];
            members.Add(new RoleMember(app, app.Pipeline?.Stage));
        }

        foreach (var ((pipeline, role), members) in groups)
        {
            var clash = members.GroupBy(m => m.Stage).FirstOrDefault(g => g.Count() > 1);
            if (clash is not null)
            {
                var apps = string.Join(" and ", clash.Select(m => m.App.Name).Order(StringComparer.Ordinal));
                throw pipeline is null
                    ? new LandingException($"{InventoryKeys.App(clash.First().App.Name)}: apps {apps} both land as '{role}'; rename one of them.")
                    : new LandingException(
                        $"{InventoryKeys.App(clash.First().App.Name)}.pipeline: apps {apps} both play role '{role}' in the {PipelineStages.Spell(clash.Key!.Value)} stage of pipeline '{pipeline}' " +
                        "(names are compared without stage words); rename one of them so their names differ.");
            }
        }

        var byName = groups.GroupBy(g => g.Key.Role).ToList();
        var collision = byName.FirstOrDefault(g => g.Count() > 1);
        if (collision is not null)
        {
            var apps = string.Join(", ", collision.SelectMany(g => g.Value).Select(m => m.App.Name).Order(StringComparer.Ordinal));
            throw new LandingException(
                $"{InventoryKeys.App(collision.SelectMany(g => g.Value).Select(m => m.App.Name).Order(StringComparer.Ordinal).First())}: apps {apps} " +
                $"from different pipelines (or none) would all land as '{collision.Key}'; rename them or put them in one pipeline.");
        }

        return groups
            .Select(g => new AppRole(g.Key.Role, g.Value))
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
    }
}
