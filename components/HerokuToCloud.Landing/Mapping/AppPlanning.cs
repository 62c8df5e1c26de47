using HerokuToCloud.Inventory;

namespace HerokuToCloud.Landing;

/// <summary>
/// One landing role → <see cref="AppLanding"/>: services, release, scheduled tasks, secrets, image,
/// domains, and the app-level findings (postdeploy script, log drains, features, notes).
/// </summary>
internal static class AppPlanning
{
    public static AppLanding Build(
        AppRole role, PipelineStage? stage, AddonLinks links, IReadOnlyDictionary<string, DatastoreGroup> groupOf, FindingLog findings)
    {
        var present = role.PresentIn(stage);
        var subject = InventoryKeys.App(role.Name);
        if (present is null)
        {
            var stages = string.Join(", ", role.Members.Select(AppRole.Describe));
            findings.Info(subject,
                $"no Heroku app plays this role in the {PipelineStages.Spell(stage!.Value)} stage (only {stages}): it exists in this stack too, " +
                "with 0 instances, paused schedules and the sizes of the nearest stage; its secret config keys still need values here.");
        }

        var services = ServicePlanning.Build(role, stage, findings);
        var release = TaskPlanning.Release(role, stage, findings);
        var scheduled = TaskPlanning.Scheduled(role, stage, services.Select(s => s.Name), findings);
        var secrets = SecretResolution.Resolve(role, stage, links, groupOf, findings);
        var image = ImageBuildMapping.Build(role, findings);

        var domains = (present?.App.Domains ?? [])
            .Select(d => d.Hostname.Trim().TrimEnd('.').ToLowerInvariant())
            .Where(h => h.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (role.Members.Any(m => m.App.Domains.Count > 0) && services.All(s => s.Kind != ServiceKind.Web))
            findings.Warning(subject, "the app has custom domains but no web process to route them to; the domains are not routed.");

        Report(role, present ?? role.Members[0], findings);

        return new AppLanding
        {
            Name = role.Name,
            HerokuApps = role.Members.Select(m => m.App.Name).ToList(),
            SourceApp = present?.App.Name,
            Services = services,
            Release = release,
            ScheduledTasks = scheduled,
            Secrets = secrets.Secrets,
            BuildSecrets = secrets.BuildSecrets,
            Domains = domains,
            Image = image,
        };
    }

    private static void Report(AppRole role, RoleMember member, FindingLog findings)
    {
        var app = member.App;
        var key = InventoryKeys.App(app.Name);

        if (role.Canonical(m => m.App.PostDeploy) is { } postdeploy)
        {
            findings.Warning(InventoryKeys.App(role.Name) + ".postdeploy",
                $"app.json's postdeploy script `{postdeploy}` ran once on Heroku when the app was created; nothing runs it on the new platform: " +
                "run it by hand after the data migration if it is still needed (it usually seeds data the migration already copied).");
        }

        foreach (var drain in app.LogDrains.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            findings.Warning(key + ".logDrains",
                $"{AddonMapping.LogsMove}; re-create the drain to {DrainHost(drain)} from there if you keep it.");
        }

        foreach (var feature in app.Features.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))
        {
            if (feature.Equals("preboot", StringComparison.OrdinalIgnoreCase))
            {
                if (app.Processes.All(p => !p.IsWeb))
                    findings.Info(key + $".features[{feature}]", "preboot only changes how web dynos roll out, and this app has no web process.");
                continue;
            }

            findings.Info(key + $".features[{feature}]", feature.Equals("runtime-dyno-metadata", StringComparison.OrdinalIgnoreCase)
                ? "Heroku dyno metadata has no equivalent; its HEROKU_* vars are dropped."
                : "this Heroku feature has no equivalent in the landing plan.");
        }

        // Notes are what the inventory records for a reader (capture's remarks, the team's own), not
        // problems the plan found: they are listed as info. What needs action has a finding of its
        // own (a dropped var, a drain, an empty Scheduler), which a warning-level note only repeated.
        foreach (var note in app.Notes.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct(StringComparer.Ordinal))
            findings.Info(key, note);
    }

    /// <summary>Only the drain's host: the inventory strips credentials, and a finding needs no more.</summary>
    private static string DrainHost(string drain) =>
        Uri.TryCreate(drain.Trim(), UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host) ? uri.Host : drain.Trim();
}
