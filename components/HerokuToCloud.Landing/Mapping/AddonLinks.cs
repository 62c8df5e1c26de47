using System.Text;
using HerokuToCloud.Inventory;

namespace HerokuToCloud.Landing;

/// <summary>
/// One add-on attached to one app under one name, with the config vars the attachment injects.
/// </summary>
/// <param name="Names">
/// Attachment names; one add-on can be attached to one app twice (a primary database is both
/// DATABASE and HEROKU_POSTGRESQL_&lt;COLOR&gt;).
/// </param>
/// <param name="Declared">False when only a config var's <c>addon</c> field implied the attachment.</param>
internal sealed record AddonLink(Addon Addon, HerokuApp App, IReadOnlyList<string> Names, IReadOnlyList<string> Vars, bool Declared)
{
    /// <summary>Heroku's primary attachment names, preferred when naming what replaces the add-on.</summary>
    public static readonly IReadOnlyList<string> PrimaryNames = ["DATABASE", "REDIS"];

    /// <summary>The name this link is known by: a primary name when it has one, else the first in ordinal order.</summary>
    public string Name =>
        Names.FirstOrDefault(n => PrimaryNames.Contains(n, StringComparer.OrdinalIgnoreCase))
        ?? Names.Order(StringComparer.Ordinal).First();
}

/// <summary>
/// Every add-on attachment of an inventory, checked: attachments name add-ons and apps that exist,
/// config vars that say an add-on injects them name one that exists, and no var is claimed by two
/// add-ons. A datastore attachment that lists no vars injects NAME_URL, Heroku's naming for
/// attachments (heroku-facts 2e); a config var that names its add-on but appears in no attachment is added to
/// that add-on's attachment on its app (or to an implied one).
/// </summary>
internal sealed class AddonLinks
{
    private readonly Dictionary<string, List<AddonLink>> byApp = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<AddonLink>> byAddon = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<HerokuApp>> referringByAddon = new(StringComparer.Ordinal);

    private AddonLinks()
    {
    }

    public IReadOnlyList<AddonLink> ForApp(HerokuApp app) =>
        byApp.TryGetValue(app.Name, out var links) ? links : [];

    public IReadOnlyList<AddonLink> ForAddon(Addon addon) =>
        byAddon.TryGetValue(addon.Name, out var links) ? links : [];

    /// <summary>
    /// The apps with a var that takes the value <paramref name="addon"/> injects into another app (refersToApp):
    /// not attached, but they use what replaces it, so they must be able to reach it.
    /// </summary>
    public IReadOnlyList<HerokuApp> ReferringTo(Addon addon) =>
        referringByAddon.TryGetValue(addon.Name, out var apps) ? apps : [];

    /// <summary>The attachment that injects <paramref name="var"/> into <paramref name="app"/>, if any.</summary>
    public AddonLink? Injecting(HerokuApp app, string var) => Injecting(app.Name, var);

    /// <summary>The attachment that injects <paramref name="var"/> into the app named <paramref name="app"/>, if any.</summary>
    public AddonLink? Injecting(string app, string var) =>
        byApp.TryGetValue(app, out var links) ? links.FirstOrDefault(l => l.Vars.Contains(var, StringComparer.Ordinal)) : null;

    public static AddonLinks Build(HerokuSystem system, FindingLog findings)
    {
        var addons = new Dictionary<string, Addon>(StringComparer.Ordinal);
        foreach (var addon in system.Addons)
        {
            if (string.IsNullOrWhiteSpace(addon.Name))
                throw new LandingException($"addons: an add-on of service '{addon.Service}' has no name; give it one.");
            if (!addons.TryAdd(addon.Name, addon))
                throw new LandingException($"{InventoryKeys.Addon(addon.Name)}: the inventory lists this add-on twice; keep one entry.");
        }

        var apps = system.Apps.ToDictionary(a => a.Name, StringComparer.Ordinal);
        var links = new Dictionary<(string Addon, string App), AddonLink>();

        foreach (var addon in system.Addons.OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            foreach (var attachment in addon.Attachments)
            {
                var key = InventoryKeys.Attachment(addon.Name, attachment.App, attachment.Name);
                if (!apps.TryGetValue(attachment.App, out var app))
                {
                    findings.Warning(key,
                        $"attached to app '{attachment.App}', which is not in this inventory: that app keeps using the Heroku add-on; capture it too if it must move.");
                    continue;
                }

                if (string.IsNullOrWhiteSpace(attachment.Name))
                    throw new LandingException($"{key}: the attachment has no name; use the name Heroku shows (for example DATABASE).");
                // Only datastores follow the NAME_URL convention; other add-ons inject what they like.
                var vars = attachment.ConfigVars.Count > 0 ? attachment.ConfigVars
                    : AddonMapping.For(addon.Service).Kind is AddonKind.Postgres or AddonKind.Redis ? [DefaultVar(attachment.Name)]
                    : [];
                var name = attachment.Name.Trim();
                var link = links.TryGetValue((addon.Name, app.Name), out var existing)
                    ? existing with
                    {
                        Names = existing.Names.Append(name).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                        Vars = existing.Vars.Concat(vars).Distinct(StringComparer.Ordinal).ToList(),
                    }
                    : new AddonLink(addon, app, [name], vars.Distinct(StringComparer.Ordinal).ToList(), true);
                links[(addon.Name, app.Name)] = link;
            }
        }

        foreach (var app in system.Apps)
        {
            foreach (var var in app.Config)
            {
                if (var.Addon is null && var.Kind != ConfigVarKind.Addon && var.Value != ConfigValueSource.Addon)
                    continue;
                var key = InventoryKeys.Config(app.Name, var.Name);
                if (var.Addon is null)
                {
                    if (links.Values.Any(l => l.App.Name == app.Name && l.Vars.Contains(var.Name, StringComparer.Ordinal)))
                        continue;
                    throw new LandingException($"{key}.addon: the var is injected by an add-on but names none; set addon to the add-on's name (one of: {Names(addons.Keys)}).");
                }

                if (!addons.TryGetValue(var.Addon, out var addon))
                    throw new LandingException($"{key}.addon: add-on '{var.Addon}' is not in the inventory; add it under addons or correct the name (known: {Names(addons.Keys)}).");
                if (links.TryGetValue((addon.Name, app.Name), out var link))
                {
                    if (!link.Vars.Contains(var.Name, StringComparer.Ordinal))
                        links[(addon.Name, app.Name)] = link with { Vars = [.. link.Vars, var.Name] };
                }
                else
                {
                    links[(addon.Name, app.Name)] = new AddonLink(addon, app, [ImpliedName(var.Name)], [var.Name], false);
                }
            }
        }

        var result = new AddonLinks();
        foreach (var link in links.Values.OrderBy(l => l.App.Name, StringComparer.Ordinal).ThenBy(l => l.Addon.Name, StringComparer.Ordinal))
        {
            Add(result.byApp, link.App.Name, link);
            Add(result.byAddon, link.Addon.Name, link);
        }

        foreach (var app in system.Apps)
        {
            foreach (var var in app.Config.Where(v => v is { RefersToApp: not null, RefersTo: not null }))
            {
                if (result.Injecting(var.RefersToApp!, var.RefersTo!) is { } link
                    && !(result.referringByAddon.TryGetValue(link.Addon.Name, out var referring) && referring.Contains(app)))
                {
                    Add(result.referringByAddon, link.Addon.Name, app);
                }
            }
        }

        foreach (var (appName, appLinks) in result.byApp)
        {
            var sameName = appLinks.SelectMany(l => l.Names.Select(n => (Name: n, Addon: l.Addon.Name)))
                .GroupBy(x => x.Name, StringComparer.OrdinalIgnoreCase)
                .FirstOrDefault(g => g.Count() > 1);
            if (sameName is not null)
            {
                throw new LandingException(
                    $"{InventoryKeys.App(appName)}: add-ons {string.Join(" and ", sameName.Select(x => x.Addon))} are both attached as {sameName.Key}; an app's attachment names must differ.");
            }

            var claimed = appLinks.SelectMany(l => l.Vars.Select(v => (Var: v, l.Addon.Name)))
                .GroupBy(x => x.Var, StringComparer.Ordinal)
                .FirstOrDefault(g => g.Count() > 1);
            if (claimed is not null)
            {
                throw new LandingException(
                    $"{InventoryKeys.Config(appName, claimed.Key)}: injected by both {string.Join(" and ", claimed.Select(x => x.Name))}; keep it in one attachment's config_vars.");
            }
        }

        return result;
    }

    /// <summary>Heroku's var for an attachment: the attachment name in upper case with _URL (DATABASE → DATABASE_URL).</summary>
    public static string DefaultVar(string attachmentName)
    {
        var sb = new StringBuilder();
        foreach (var c in attachmentName.Trim().ToUpperInvariant())
            sb.Append(c is >= 'A' and <= 'Z' or >= '0' and <= '9' ? c : '_');
        return sb + "_URL";
    }

    private static string ImpliedName(string var) =>
        var.EndsWith("_URL", StringComparison.Ordinal) && var.Length > 4 ? var[..^4] : var;

    private static string Names(IEnumerable<string> names)
    {
        var list = names.Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }

    private static void Add<T>(Dictionary<string, List<T>> index, string key, T item)
    {
        if (!index.TryGetValue(key, out var list))
            index[key] = list = [];
        list.Add(item);
    }
}
