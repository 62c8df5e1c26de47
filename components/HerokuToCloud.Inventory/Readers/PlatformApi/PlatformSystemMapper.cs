using HerokuToCloud.Inventory.Readers.PlatformApi.Resources;

namespace HerokuToCloud.Inventory.Readers.PlatformApi;

/// <summary>
/// Maps what the Platform API said about the captured apps onto the inventory: formation to
/// processes and the release phase, attachments to shared add-ons, config var names to their
/// kinds, and everything the inventory has no field for (Private Spaces, drains, attachments to
/// apps outside the capture, the Scheduler) to notes. Pure: same snapshots, same inventory.
/// </summary>
internal static class PlatformSystemMapper
{
    public const string SourceName = "heroku platform api";

    /// <param name="systemName">The system's name; null picks one from the pipeline or the app names.</param>
    /// <param name="snapshots">The captured apps, in the order the user named them.</param>
    /// <param name="addonAttachments">Every attachment of each add-on (by add-on id), including those on apps outside the capture.</param>
    public static PlatformMapping Map(
        string? systemName,
        IReadOnlyList<AppSnapshot> snapshots,
        IReadOnlyDictionary<string, IReadOnlyList<AddonAttachmentResource>> addonAttachments)
    {
        var captured = snapshots.Select(s => s.App.Name).ToHashSet(StringComparer.Ordinal);
        var addons = snapshots.SelectMany(s => s.Addons).DistinctBy(a => a.Id).ToDictionary(a => a.Id, StringComparer.Ordinal);

        // Every known attachment per add-on: the captured apps' own lists plus the add-on's full list.
        var attachmentsByAddon = snapshots
            .SelectMany(s => s.Attachments)
            .Concat(addonAttachments.Values.SelectMany(list => list))
            .Where(a => a.Addon?.Id is not null)
            .GroupBy(a => a.Addon!.Id!, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<AddonAttachmentResource>)g.DistinctBy(a => (a.App?.Name, a.Name)).ToList(),
                StringComparer.Ordinal);

        var systemNotes = new List<string>();
        var warnings = new List<string>();

        var capturedAttachments = new Dictionary<string, List<AddonAttachment>>(StringComparer.Ordinal);
        var injectedByApp = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var appNotesByApp = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var snapshot in snapshots)
        {
            var appNotes = appNotesByApp[snapshot.App.Name] = [];
            var configNames = snapshot.ConfigVarNames.ToHashSet(StringComparer.Ordinal);
            var injected = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var attachment in snapshot.Attachments.OrderBy(a => a.Name, StringComparer.Ordinal))
            {
                var addonId = attachment.Addon?.Id;
                var addon = addonId is null ? null : addons.GetValueOrDefault(addonId);
                if (addonId is null || addon is null || !HerokuNames.IsAttachmentName(attachment.Name))
                {
                    appNotes.Add($"the add-on attachment {attachment.Name} (add-on {attachment.Addon?.Name ?? "unknown"}) could not be matched to an add-on of the app; add it by hand if the app needs it.");
                    continue;
                }

                // An app sees each config var once: when two attachments would set the same name, the first (by name) keeps it.
                var names = attachmentsByAddon.GetValueOrDefault(addonId, []).Select(a => a.Name);
                var vars = AttachmentConfigVars.For(attachment, addon, names, configNames)
                    .Where(v => HerokuNames.IsConfigVarName(v) && !injected.ContainsKey(v))
                    .ToList();
                foreach (var name in vars)
                    injected[name] = addon.Name;
                if (!capturedAttachments.TryGetValue(addonId, out var list))
                    capturedAttachments[addonId] = list = [];
                list.Add(new AddonAttachment { App = snapshot.App.Name, Name = attachment.Name, ConfigVars = vars });
            }

            injectedByApp[snapshot.App.Name] = injected;
        }

        // Every app's injected vars are known before any app is mapped: a var may copy another app's datastore URL.
        var services = addons.Values.GroupBy(a => a.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => ServiceAndPlan(g.First()).Service, StringComparer.Ordinal);
        var apps = new List<HerokuApp>();
        foreach (var snapshot in snapshots)
            apps.Add(MapApp(snapshot, injectedByApp, services, appNotesByApp[snapshot.App.Name]));

        var mappedAddons = new List<Addon>();
        foreach (var addon in addons.Values.OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            var (service, plan) = ServiceAndPlan(addon);
            mappedAddons.Add(new Addon
            {
                Name = addon.Name,
                Service = service,
                Plan = plan,
                Attachments = capturedAttachments.GetValueOrDefault(addon.Id, [])
                    .OrderBy(a => a.App, StringComparer.Ordinal).ThenBy(a => a.Name, StringComparer.Ordinal).ToList(),
            });

            if (addon.App?.Name is { } owner && !captured.Contains(owner))
            {
                systemNotes.Add(
                    $"add-on {addon.Name} ({service}:{plan}) belongs to app {owner}, which this capture does not include; " +
                    "the landing plans a new one for this system, and the data stays in the old one until it is migrated.");
            }

            var outside = attachmentsByAddon.GetValueOrDefault(addon.Id, [])
                .Where(a => a.App?.Name is { } app && !captured.Contains(app))
                .Select(a => $"{a.App!.Name} as {a.Name}")
                .Order(StringComparer.Ordinal)
                .ToList();
            if (outside.Count > 0)
            {
                systemNotes.Add(
                    $"add-on {addon.Name} ({service}:{plan}) is also attached to apps outside this capture: {string.Join(", ", outside)}; " +
                    "they keep using the Heroku add-on unless they move too (capture them with --app to include them).");
            }

            if (addon.State is { } state && state != "provisioned")
                systemNotes.Add($"add-on {addon.Name} is {state} on Heroku, not provisioned; check whether it is still needed.");
        }

        var schedulerApps = snapshots
            .Where(s => s.Addons.Any(a => AddonServices.IsScheduler(ServiceAndPlan(a).Service)))
            .Select(s => s.App.Name)
            .ToList();
        var scheduler =
            "Heroku Scheduler has no public API, so scheduler jobs were not captured: each app's scheduler section is left empty " +
            "to fill in by hand (command, frequency such as \"hourly at :30\", size).";
        if (schedulerApps.Count > 0)
            scheduler += $" Apps with the Scheduler add-on: {string.Join(", ", schedulerApps)} (see their jobs with `heroku addons:open scheduler -a APP`).";

        // A warning of this capture, not a note of the inventory: inventory show and generate warn about each
        // app whose Scheduler has no jobs yet, from the scheduler sections themselves; a note said it again,
        // and kept saying it after the jobs were filled in.
        warnings.Add(scheduler);

        var system = new HerokuSystem
        {
            Name = systemName ?? DefaultSystemName(snapshots),
            Apps = apps,
            Addons = mappedAddons,
            Sources = [$"{SourceName} (apps: {string.Join(", ", snapshots.Select(s => s.App.Name))})"],
            Notes = systemNotes,
        };
        return new PlatformMapping(system, warnings);
    }

    /// <summary>
    /// One app. Anything Heroku returns that the inventory format cannot hold (a name outside its
    /// naming rules) is left out with a note rather than failing the whole capture.
    /// </summary>
    /// <param name="injectedByApp">Per captured app, the vars its attachments inject and the add-on that injects each.</param>
    /// <param name="services">Each add-on's service, by add-on name.</param>
    private static HerokuApp MapApp(
        AppSnapshot snapshot,
        IReadOnlyDictionary<string, Dictionary<string, string>> injectedByApp,
        IReadOnlyDictionary<string, string> services,
        List<string> notes)
    {
        var app = snapshot.App;
        var injected = injectedByApp[app.Name];

        var processes = new List<Process>();
        ReleasePhase? release = null;
        foreach (var formation in snapshot.Formation)
        {
            if (!HerokuNames.IsProcessType(formation.Type))
            {
                notes.Add($"the process type '{formation.Type}' does not fit the inventory's naming rules and was left out; add it under a plain name.");
                continue;
            }

            var size = DynoSize(formation, app.Name, notes);
            if (formation.Type == "release")
            {
                release = formation.Command is { Length: > 0 } command
                    ? new ReleasePhase(command, size)
                    : null;
                continue;
            }

            processes.Add(new Process { Type = formation.Type, Command = formation.Command, Size = size, Quantity = formation.Quantity });
            if (formation.Type == "web" && DynoSizes.TryFind(size, out var known) && known.SupportsAutoscaling)
            {
                notes.Add(
                    $"web runs on {size} dynos, which Heroku can autoscale; the Platform API does not expose autoscaling settings, " +
                    "so if autoscaling is on, add its bounds to the web process (autoscaling: min, max).");
            }
        }

        processes = processes
            .OrderBy(p => p.IsWeb ? 0 : 1)
            .ThenBy(p => p.Type, StringComparer.Ordinal)
            .ToList();

        var config = new List<ConfigVar>();
        foreach (var name in snapshot.ConfigVarNames.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (!HerokuNames.IsConfigVarName(name))
            {
                notes.Add($"the config var '{name}' has a name a shell cannot export, so it was left out (and its value too); rename it on the new platform.");
                continue;
            }

            if (injected.TryGetValue(name, out var addon))
            {
                config.Add(new ConfigVar { Name = name, Kind = ConfigVarKind.Addon, Addon = addon, Value = ConfigValueSource.Addon });
            }
            else if (RuntimeConfigVars.IsRuntime(name))
            {
                // No note, as for manifests: kind runtime says it, inventory show warns once per app and
                // generate once per var; a note made generate print the same var a second time.
                config.Add(new ConfigVar { Name = name, Kind = ConfigVarKind.Runtime, Value = ConfigValueSource.Platform });
            }
            else
            {
                // A copy of an add-on's value (READ_DB set to DATABASE_URL's URL) must follow what replaces
                // that add-on, like app.json's "$DATABASE_URL": carried over, it would point at Heroku. Only an
                // add-on's var is ever referred to, and it refers to nothing itself, so two team vars with one
                // value never refer to each other and no chain or loop can form here.
                var copyOf = snapshot.SameValueAs.GetValueOrDefault(name, []).FirstOrDefault(injected.ContainsKey);
                if (copyOf is not null)
                {
                    config.Add(new ConfigVar { Name = name, BuildTime = BuildTimeHeuristic.IsBuildTime(name), RefersTo = copyOf });
                    notes.Add($"{name} has the same value as {copyOf}, which add-on {injected[copyOf]} injects; recorded as refersTo {copyOf}, " +
                              $"so {name} follows what replaces {copyOf} on the new platform.");
                }
                else if (DatastoreCopy(snapshot, name, injectedByApp, services) is { } copy)
                {
                    // The same, across apps: the other app's var is an add-on's, so it refers to nothing and no loop can form.
                    config.Add(new ConfigVar { Name = name, BuildTime = BuildTimeHeuristic.IsBuildTime(name), RefersTo = copy.SourceVar, RefersToApp = copy.SourceApp });
                    notes.Add(copy.Note);
                }
                else
                {
                    config.Add(new ConfigVar { Name = name, BuildTime = BuildTimeHeuristic.IsBuildTime(name) });
                }
            }
        }

        var buildpacks = snapshot.Buildpacks
            .OrderBy(b => b.Ordinal)
            .Select(b => b.Buildpack?.Name is { Length: > 0 } name ? name : b.Buildpack?.Url)
            .OfType<string>()
            .ToList();

        var stack = app.Stack?.Name ?? app.BuildStack?.Name;
        if (app.BuildStack?.Name is { } buildStack && app.Stack?.Name is { } current && buildStack != current)
            notes.Add($"the app runs on {current} but its next build uses {buildStack}; the inventory records {current}.");
        if (stack == "container")
        {
            notes.Add(
                "the app is built from heroku.yml (stack container); the Platform API does not list its Dockerfiles, " +
                "so capture its heroku.yml too (capture --heroku-yml) to record them.");
        }

        if (app.Generation?.Name is { } generation && generation != "cedar")
            notes.Add($"the app runs on Heroku's {generation} generation (Cloud Native Buildpacks, {generation} dyno sizes).");
        if (app.Space?.Name is { } space)
        {
            notes.Add(
                $"the app runs in the Private Space {space}{(app.Space.Shield ? " (Shield: compliance controls)" : "")}; " +
                "plan the new network's isolation and egress IPs to match.");
        }

        if (app.InternalRouting == true)
            notes.Add("the app uses internal routing: it is reachable only inside its Private Space, not from the internet.");
        if (app.Maintenance)
            notes.Add("the app is in maintenance mode on Heroku.");

        var drains = new List<string>();
        foreach (var drain in snapshot.LogDrains)
        {
            var destination = LogDrainDestination.WithoutCredentials(drain.Url);
            drains.Add(destination);
            var by = drain.Addon?.Name is { } addonName ? $" (added by add-on {addonName})" : "";
            // What to do about the drain is the landing's finding on logDrains; the note keeps only
            // what the inventory cannot say, so generate does not print the advice twice.
            notes.Add($"log drain to {destination}{by}: any path, query and credentials in its URL were left out.");
        }

        PipelineCoupling? pipeline = null;
        if (snapshot.Coupling is { } coupling && snapshot.PipelineName is { } pipelineName)
        {
            if (!HerokuNames.IsPipelineName(pipelineName))
                notes.Add($"the app is in pipeline '{pipelineName}', whose name does not fit Heroku's pipeline naming rules; add the pipeline by hand.");
            else if (Enum.TryParse<PipelineStage>(coupling.Stage, ignoreCase: true, out var stage) && Enum.IsDefined(stage))
                pipeline = new PipelineCoupling(pipelineName, stage);
            else
                notes.Add($"the app is in pipeline {pipelineName} at stage '{coupling.Stage}', which the inventory does not know.");
        }

        return new HerokuApp
        {
            Name = app.Name,
            Region = app.Region?.Name is { } region && HerokuNames.IsSlug(region) ? region : null,
            Stack = stack is not null && HerokuNames.IsSlug(stack) ? stack : null,
            Build = new AppBuild { Buildpacks = buildpacks },
            Pipeline = pipeline,
            Features = snapshot.Features.Where(f => f.Enabled && HerokuNames.IsSlug(f.Name)).Select(f => f.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            Processes = processes,
            Release = release,
            Config = config,
            Scheduler = [],
            Domains = CustomDomains(snapshot, notes),
            LogDrains = drains.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            Notes = notes,
        };
    }

    /// <summary>
    /// The first (by app, then var) var of another captured app with the same value as <paramref name="name"/> that a
    /// rebuilt datastore's add-on injects there; null when there is none.
    /// </summary>
    private static DatastoreUrlCopy? DatastoreCopy(
        AppSnapshot snapshot, string name, IReadOnlyDictionary<string, Dictionary<string, string>> injectedByApp, IReadOnlyDictionary<string, string> services)
    {
        foreach (var (otherApp, otherVar) in snapshot.SameValueInOtherApps.GetValueOrDefault(name, []))
        {
            if (injectedByApp.GetValueOrDefault(otherApp)?.GetValueOrDefault(otherVar) is { } addon
                && services.TryGetValue(addon, out var service) && AddonServices.IsRebuiltDatastore(service))
            {
                return new DatastoreUrlCopy(snapshot.App.Name, name, otherApp, otherVar, addon, service);
            }
        }

        return null;
    }

    /// <summary>
    /// The app's custom domains as the inventory holds them (lower case, no root dot). One it cannot hold
    /// becomes a note rather than vanishing: a domain left out silently would simply stop being served.
    /// </summary>
    private static List<Domain> CustomDomains(AppSnapshot snapshot, List<string> notes)
    {
        var hostnames = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var domain in snapshot.Domains.Where(d => d.Kind == "custom"))
        {
            var hostname = domain.Hostname.Trim().TrimEnd('.').ToLowerInvariant();
            if (IsHerokuHostname(hostname))
                continue;
            if (HerokuNames.IsHostname(hostname))
                hostnames.Add(hostname);
            else
                notes.Add($"the custom domain '{domain.Hostname}' is not a hostname the inventory can hold, so it was left out; add it under domains in the form the new platform should serve.");
        }

        return hostnames.Select(h => new Domain(h)).ToList();
    }

    private static bool IsHerokuHostname(string host) =>
        host.EndsWith(".herokuapp.com", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".herokudns.com", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The formation's size in the canonical spelling. A size heroku2cloud does not know (one Heroku added
    /// later) cannot be sized on the new platform, and the inventory accepts only sizes it can size; rather
    /// than fail the whole capture it is captured as the default size with a note that names the real one,
    /// so the team edits one line.
    /// </summary>
    private static string DynoSize(FormationResource formation, string app, List<string> notes)
    {
        var name = formation.DynoSize?.Name ?? formation.Size;
        if (string.IsNullOrWhiteSpace(name))
            return DynoSizes.Default;
        if (DynoSizes.TryFind(name, out var size))
            return size.Name;
        notes.Add($"process {formation.Type} of {app} runs on dyno size '{name}', which heroku2cloud does not know; it is captured as {DynoSizes.Default}: " +
                  "set the size: of that process to the known size with the same CPU and memory (docs/inventory-format.md lists them).");
        return DynoSizes.Default;
    }

    /// <summary>Splits plan.name "heroku-postgresql:standard-0" into service and plan; addon_service wins for the service.</summary>
    private static (string Service, string Plan) ServiceAndPlan(AddonResource addon)
    {
        var planName = addon.Plan?.Name ?? "";
        var colon = planName.IndexOf(':');
        var service = addon.AddonService?.Name is { Length: > 0 } named ? named : colon > 0 ? planName[..colon] : addon.Name;
        var plan = colon >= 0 ? planName[(colon + 1)..] : planName;
        return (service, plan.Length > 0 ? plan : "unknown");
    }

    /// <summary>
    /// The pipeline's name when every captured app is in the same one; otherwise the app names'
    /// common dash-separated prefix ("shop-web", "shop-worker" → "shop"); otherwise the first app.
    /// </summary>
    private static string DefaultSystemName(IReadOnlyList<AppSnapshot> snapshots)
    {
        var pipelines = snapshots.Select(s => s.PipelineName).Distinct().ToList();
        if (pipelines is [{ } pipeline])
            return pipeline;

        var parts = snapshots.Select(s => s.App.Name.Split('-')).ToList();
        var common = new List<string>();
        for (var i = 0; i < parts.Min(p => p.Length); i++)
        {
            var part = parts[0][i];
            if (parts.Any(p => p[i] != part))
                break;
            common.Add(part);
        }

        var name = string.Join('-', common).Trim('-');
        return name.Length > 0 && HerokuNames.IsSystemName(name) ? name : snapshots[0].App.Name;
    }
}

/// <summary>The mapped inventory and the warnings capture shows on the terminal.</summary>
internal sealed record PlatformMapping(HerokuSystem System, IReadOnlyList<string> Warnings);
