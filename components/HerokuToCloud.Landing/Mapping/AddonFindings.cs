using HerokuToCloud.Inventory;

namespace HerokuToCloud.Landing;

/// <summary>
/// What the plan says about each add-on that does not become a datastore: Heroku Scheduler is
/// consumed, log services become a warning to re-create the drain (unless the apps' log drains
/// already carry it), everything else is reported as not generated with a reason and a suggestion,
/// and its vars stay as secret config.
/// </summary>
internal static class AddonFindings
{
    public static void Report(
        HerokuSystem system, AddonLinks links, IReadOnlyDictionary<string, (AppRole Role, RoleMember Member)> roleOf,
        IReadOnlyDictionary<string, DatastoreGroup> groupOf, FindingLog findings)
    {
        foreach (var addon in system.Addons)
        {
            var key = InventoryKeys.Addon(addon.Name);
            var rule = AddonMapping.For(addon.Service);
            var label = string.IsNullOrWhiteSpace(addon.Plan) ? addon.Service : $"{addon.Service}:{addon.Plan}";
            var addonLinks = links.ForAddon(addon);
            var keys = addonLinks
                .SelectMany(l => l.Vars.Select(v => SecretResolution.ConfigKey(roleOf[l.App.Name].Role.Name, v)))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToList();
            var kept = keys.Count > 0 ? $" Its config vars are kept as secret config: {string.Join(", ", keys)}." : "";

            switch (rule.Kind)
            {
                case AddonKind.Postgres or AddonKind.Redis:
                    findings.Info(key, $"{label} becomes datastore {groupOf[addon.Name].Name}; its URLs are rebuilt from it, never copied.");
                    break;
                case AddonKind.Scheduler:
                    findings.Info(key, $"{label}: {rule.Suggestion}.");
                    foreach (var link in addonLinks.Where(l => l.App.Scheduler.Count == 0))
                    {
                        findings.Warning(InventoryKeys.App(link.App.Name) + ".scheduler",
                            "Heroku Scheduler is attached but the inventory lists no jobs: the Scheduler has no public API, so capture cannot read them; " +
                            "add them (command, frequency, size) to the app's scheduler section, or nothing will run on schedule.");
                    }

                    break;
                case AddonKind.Logging when addonLinks.Count > 0 && addonLinks.All(l => l.App.LogDrains.Count > 0):
                    // A capture from the Platform API lists the add-on's drain among the app's log drains, and
                    // each drain has its own warning to re-create it; a second one here said the same thing twice.
                    findings.Info(key, $"{label} is {rule.What}; its drain is among the app's log drains, each reported with what to do.{kept}");
                    break;
                case AddonKind.Logging:
                    findings.Warning(key, $"{label} is {rule.What}: {rule.Suggestion}.{kept}");
                    break;
                default:
                    findings.Warning(key, $"{label} ({rule.What}) is not generated: {rule.Suggestion}.{kept}");
                    break;
            }
        }
    }
}
