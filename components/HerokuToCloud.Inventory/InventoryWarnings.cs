namespace HerokuToCloud.Inventory;

/// <summary>
/// Things in an inventory a team should look at before migrating: gaps that capture could not fill
/// (Scheduler jobs, unknown plans) and Heroku behaviour the new platform will not reproduce.
/// A valid inventory can have warnings; they are advice, not errors.
/// </summary>
public static class InventoryWarnings
{
    public static IReadOnlyList<string> For(HerokuSystem system)
    {
        var warnings = new List<string>();
        foreach (var app in system.Apps)
        {
            if (app.Processes.Count == 0)
                warnings.Add($"{app.Name} has no processes; add them (type, command, size, quantity) or capture again with its Procfile.");

            foreach (var process in app.Processes.Where(p => p.Command is null && !app.Build.IsDocker))
                warnings.Add($"{app.Name}: process {process.Type} has no command and the app is not a Docker build; add the command from its Procfile.");

            if (MissingSchedulerJobs(system, app) is { } scheduler)
                warnings.Add(scheduler);

            var runtime = app.Config.Where(c => c.Kind == ConfigVarKind.Runtime && c.Name != "PORT").Select(c => c.Name).ToArray();
            if (runtime.Length > 0)
                warnings.Add($"{app.Name} uses config vars that Heroku sets and the new platform will not: {string.Join(", ", runtime)}; give the app a replacement where it needs one.");
        }

        foreach (var addon in system.Addons)
        {
            if (PlanToSet(addon) is { } plan)
                warnings.Add(plan);
            if (!AddonCatalog.TryFind(addon.Service, out _))
                warnings.Add($"add-on {addon.Name}: heroku2cloud does not know the service {addon.Service}; check the config vars its attachments list against heroku config.");
            if (addon.Attachments.Count == 0)
                warnings.Add($"add-on {addon.Name} is attached to no app; remove it or attach it.");
        }

        return warnings;
    }

    /// <summary>
    /// The warning for an add-on whose plan the team must set: 'default' (its manifest named none, and Heroku
    /// publishes no default for the service) or Heroku CI's in-dyno; null once a real plan is there.
    /// </summary>
    public static string? PlanToSet(Addon addon) => addon.Plan switch
    {
        AddonCatalog.UnknownDefaultPlan =>
            $"add-on {addon.Name} ({addon.Service}) has the plan '{AddonCatalog.UnknownDefaultPlan}' because its manifest named none; set the plan it runs on (heroku addons shows it).",
        "in-dyno" => $"add-on {addon.Name} has the Heroku CI plan in-dyno; set the plan production uses.",
        _ => null,
    };

    /// <summary>
    /// The warning for an app that has Heroku Scheduler but no jobs in its scheduler section (Heroku
    /// has no API for them); null once any job is listed, so it never outlives the gap it reports.
    /// </summary>
    public static string? MissingSchedulerJobs(HerokuSystem system, HerokuApp app)
    {
        var scheduled = system.Addons.Any(a => AddonServices.IsScheduler(a.Service) && a.Attachments.Any(t => t.App == app.Name));
        return scheduled && app.Scheduler.Count == 0
            ? $"{app.Name} has Heroku Scheduler but its scheduler section is empty; list the jobs from the Scheduler dashboard (command, frequency, size)."
            : null;
    }
}
