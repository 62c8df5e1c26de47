using HerokuToCloud.Inventory;

namespace HerokuToCloud.Landing;

/// <summary>One add-on of a datastore group, with the pipeline stage of the apps it serves (null: every stage).</summary>
internal sealed record DatastoreMember(Addon Addon, PipelineStage? Stage);

/// <summary>
/// The add-ons that become one datastore: a single add-on, or the add-ons that play the same part
/// in different stages of a pipeline (the staging and the production database of shop-web).
/// </summary>
internal sealed record DatastoreGroup(string Name, AddonKind Kind, string Service, IReadOnlyList<DatastoreMember> Members, IReadOnlyList<string> Apps)
{
    public bool IsStageless => Members is [{ Stage: null }];
}

/// <summary>
/// Finds the datastores of a system and names them, identically for every stack.
/// </summary>
/// <remarks>
/// An add-on serves the stage of the apps it is attached to; one attached to apps of several
/// stages, to apps in no pipeline, or to no app, serves every stage alike. Add-ons of the same
/// service in different stages are one datastore when they share an attachment: the same name on
/// the same landing app (shop-web's DATABASE in staging and in production); this is followed
/// transitively, but never so that one datastore would hold two add-ons of one stage.
/// A datastore is named "&lt;app&gt;-&lt;attachment&gt;" from its best attachment (DATABASE or REDIS
/// first, then by app and attachment name), with DATABASE spelled "db" and a leading "heroku-"
/// dropped: shop-web-db, shop-web-redis, shop-web-postgresql-onyx. A clash gets -2, -3.
/// </remarks>
internal static class DatastoreGroups
{
    public static IReadOnlyList<DatastoreGroup> Build(
        HerokuSystem system, AddonLinks links, IReadOnlyDictionary<string, (AppRole Role, RoleMember Member)> roleOf, ISet<string> taken)
    {
        var addons = system.Addons
            .Where(a => AddonMapping.For(a.Service).Kind is AddonKind.Postgres or AddonKind.Redis)
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .ToList();

        var stageOf = addons.Select(a => StageOf(links.ForAddon(a), roleOf)).ToList();
        var parent = Enumerable.Range(0, addons.Count).ToArray();
        var stages = stageOf.Select(s => s is { } st ? new HashSet<PipelineStage> { st } : null).ToArray();

        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);

        var firstWithPair = new Dictionary<(string Service, string Role, string Attachment), int>();
        for (var i = 0; i < addons.Count; i++)
        {
            foreach (var pair in Pairs(addons[i], links, roleOf)
                         .OrderBy(p => p.Item2, StringComparer.Ordinal)
                         .ThenBy(p => p.Item3, StringComparer.Ordinal))
            {
                if (!firstWithPair.TryGetValue(pair, out var j))
                {
                    firstWithPair[pair] = i;
                    continue;
                }

                var (a, b) = (Root(i), Root(j));
                if (a == b || stages[a] is null || stages[b] is null || stages[a]!.Overlaps(stages[b]!))
                    continue;
                var (keep, drop) = a < b ? (a, b) : (b, a);
                parent[drop] = keep;
                stages[keep]!.UnionWith(stages[drop]!);
            }
        }

        var groups = new List<DatastoreGroup>();
        foreach (var members in Enumerable.Range(0, addons.Count).GroupBy(Root).OrderBy(g => g.Key))
        {
            var memberAddons = members.Select(i => new DatastoreMember(addons[i], stageOf[i])).ToList();
            var first = memberAddons[0].Addon;
            var memberLinks = memberAddons.SelectMany(m => links.ForAddon(m.Addon)).ToList();
            var apps = memberLinks.Select(l => l.App)
                .Concat(memberAddons.SelectMany(m => links.ReferringTo(m.Addon)))
                .Select(a => roleOf[a.Name].Role.Name).Distinct().Order(StringComparer.Ordinal).ToList();
            var name = Unique(BaseName(first, memberLinks, roleOf), taken);
            groups.Add(new DatastoreGroup(name, AddonMapping.For(first.Service).Kind, Service(first), memberAddons, apps));
        }

        return groups.OrderBy(g => g.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The add-on service as the plan spells it (lower case).</summary>
    public static string Service(Addon addon) => addon.Service.Trim().ToLowerInvariant();

    private static PipelineStage? StageOf(IReadOnlyList<AddonLink> links, IReadOnlyDictionary<string, (AppRole Role, RoleMember Member)> roleOf)
    {
        var stages = links.Select(l => roleOf[l.App.Name].Member.Stage).Distinct().ToList();
        return stages is [{ } only] ? only : null;
    }

    private static IEnumerable<(string Service, string Role, string Attachment)> Pairs(Addon addon, AddonLinks links, IReadOnlyDictionary<string, (AppRole Role, RoleMember Member)> roleOf) =>
        links.ForAddon(addon).SelectMany(l => l.Names.Select(n => (Service(addon), roleOf[l.App.Name].Role.Name, n.ToUpperInvariant())));

    private static string BaseName(Addon first, IReadOnlyList<AddonLink> links, IReadOnlyDictionary<string, (AppRole Role, RoleMember Member)> roleOf)
    {
        var best = links
            .SelectMany(l => l.Names.Select(n => (Role: roleOf[l.App.Name].Role.Name, Attachment: n.ToUpperInvariant())))
            .OrderBy(x => AddonLink.PrimaryNames.Contains(x.Attachment) ? 0 : 1)
            .ThenBy(x => x.Role, StringComparer.Ordinal)
            .ThenBy(x => x.Attachment, StringComparer.Ordinal)
            .Select(x => ((string Role, string Attachment)?)x)
            .FirstOrDefault();
        return best is { } b
            ? ResourceNames.Join(b.Role, Suffix(b.Attachment))
            : ResourceNames.From(first.Name, InventoryKeys.Addon(first.Name));
    }

    private static string Suffix(string attachment)
    {
        if (attachment == "DATABASE")
            return "db";
        var name = ResourceNames.Sanitize(attachment) ?? "store";
        return name.StartsWith("heroku-", StringComparison.Ordinal) && name.Length > "heroku-".Length ? name["heroku-".Length..] : name;
    }

    private static string Unique(string name, ISet<string> taken)
    {
        var candidate = name;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            var suffix = $"-{n}";
            candidate = ResourceNames.Truncate(name, ResourceNames.MaxLength - suffix.Length) + suffix;
        }

        return candidate;
    }
}
