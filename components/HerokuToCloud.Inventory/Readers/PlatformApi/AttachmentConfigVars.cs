using HerokuToCloud.Inventory.Readers.PlatformApi.Resources;

namespace HerokuToCloud.Inventory.Readers.PlatformApi;

/// <summary>
/// Works out which config vars an add-on attachment injects into its app. Heroku names them
/// after the attachment: an add-on whose owning attachment DATABASE sets DATABASE_URL sets
/// HEROKU_POSTGRESQL_ONYX_URL through an attachment named HEROKU_POSTGRESQL_ONYX. The add-on's
/// <c>config_vars</c> (its vars on the owning app) give the suffixes; the attachment's own
/// <c>config_vars</c>, when Heroku includes them, win outright.
/// </summary>
internal static class AttachmentConfigVars
{
    /// <summary>Heroku's convention when nothing else names the vars (the add-on's list is unknown, or matches no attachment): NAME_URL.</summary>
    private const string DefaultSuffix = "URL";

    /// <param name="attachment">The attachment whose vars are wanted.</param>
    /// <param name="addon">The attached add-on; null when the app's add-on list did not include it.</param>
    /// <param name="attachmentNamesOfAddon">Every attachment name of that add-on that is known, on any app.</param>
    /// <param name="appConfigNames">The config var names the attachment's app has.</param>
    public static IReadOnlyList<string> For(
        AddonAttachmentResource attachment,
        AddonResource? addon,
        IEnumerable<string> attachmentNamesOfAddon,
        IReadOnlySet<string> appConfigNames)
    {
        if (attachment.ConfigVars is { } included)
            return included.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        // An add-on that says it sets no vars (Heroku Scheduler) injects none through any attachment.
        if (addon?.ConfigVars is { Count: 0 })
            return [];

        var names = attachmentNamesOfAddon.Append(attachment.Name).Distinct(StringComparer.Ordinal)
            .OrderByDescending(n => n.Length).ToList();
        var suffixes = new SortedSet<string>(StringComparer.Ordinal);
        var literal = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var configVar in addon?.ConfigVars ?? [])
        {
            var prefix = names.FirstOrDefault(n => configVar.StartsWith(n + "_", StringComparison.Ordinal) && configVar.Length > n.Length + 1);
            if (prefix is not null)
                suffixes.Add(configVar[(prefix.Length + 1)..]);
            else
                literal.Add(configVar);
        }

        var candidates = new SortedSet<string>(suffixes.Select(s => $"{attachment.Name}_{s}"), StringComparer.Ordinal);
        // A var that matches no attachment name is set as-is, and only on the owning app.
        if (addon?.App?.Name is { } owner && attachment.App?.Name == owner)
            candidates.UnionWith(literal);
        if (candidates.Count == 0)
            candidates.Add($"{attachment.Name}_{DefaultSuffix}");

        // The app's real config says which of them exist; keep the derivation when none does yet.
        var present = candidates.Where(appConfigNames.Contains).ToList();
        return present.Count > 0 ? present : candidates.ToList();
    }
}
