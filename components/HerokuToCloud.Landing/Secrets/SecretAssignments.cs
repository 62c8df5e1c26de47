using HerokuToCloud.Inventory;
using HerokuToCloud.Inventory.Readers.Secrets;

namespace HerokuToCloud.Landing;

/// <summary>
/// Binds the values of a secrets file (Heroku app → var → value) to a stack's secret config keys:
/// the reverse of <see cref="SecretResolution"/>, which decided that a team var becomes
/// <see cref="FromSecretConfig"/> key <c>&lt;app&gt;-&lt;VAR&gt;</c>.
/// </summary>
/// <remarks>
/// For each landing app, the values come from the Heroku app that is its
/// <see cref="AppLanding.SourceApp"/> in the stack's plan: for a pipeline, the app of the stack's
/// stage (staging values for <c>--stack staging</c>, production values for <c>--stack prod</c>); for a
/// system without pipelines, the app itself, whatever the stack. Only <see cref="FromSecretConfig"/>
/// secrets take values from a file: generated secrets and datastore URLs are created by the program,
/// and build-time vars belong to the image build. It lives here because it needs what only the
/// landing stage knows: roles, stages, and which Heroku vars were add-on vars.
/// </remarks>
public static class SecretAssignments
{
    /// <summary>Matches <paramref name="file"/> against <paramref name="plan"/>, the plan of <paramref name="system"/> for one stack.</summary>
    public static StackSecretConfig Match(HerokuSystem system, LandingPlan plan, SecretsFile file)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(file);

        var apps = system.Apps.ToDictionary(a => a.Name, StringComparer.Ordinal);
        var links = AddonLinks.Build(system, new FindingLog());
        var assignments = new List<SecretAssignment>();
        var missing = new List<MissingSecretValue>();
        var skipped = new List<SkippedSecret>();

        foreach (var landing in plan.Apps)
        {
            foreach (var entry in landing.Secrets)
            {
                switch (entry.Source)
                {
                    case FromSecretConfig config when landing.SourceApp is { } source && file.TryGetValue(source, entry.Name, out var value):
                        assignments.Add(new SecretAssignment(config.ConfigKey, landing.Name, entry.Name, source, file.Locate(source, entry.Name)!, value));
                        break;
                    case FromSecretConfig config when OptionalSecrets.SourceApp(landing, entry.Name, apps, links) is { } source:
                        // The app runs without it (app.json required: false): no value must not hold up the push.
                        assignments.Add(new SecretAssignment(config.ConfigKey, landing.Name, entry.Name, source,
                            $"optional, no value in {file.Source}", "") { Optional = true });
                        break;
                    case FromSecretConfig config:
                        missing.Add(Missing(plan, landing, entry.Name, config.ConfigKey, file, apps, links));
                        break;
                    case GeneratedSecret generated:
                        skipped.Add(new SkippedSecret(landing.Name, entry.Name, SkippedSecretReason.Generated,
                            $"the program generates a random value ({generated.Length} characters) on the first pulumi up."));
                        break;
                    case FromDatastore datastore:
                        skipped.Add(new SkippedSecret(landing.Name, entry.Name, SkippedSecretReason.Datastore,
                            $"the program builds it from datastore {datastore.Datastore} ({(datastore.Url == DatastoreUrl.TlsUrl ? "TLS URL" : "URL")})."));
                        break;
                }
            }

            foreach (var build in landing.BuildSecrets.Where(b => landing.Secrets.All(s => s.Name != b)))
            {
                skipped.Add(new SkippedSecret(landing.Name, build, SkippedSecretReason.BuildTime,
                    "needed only while building the image: pass it to the image build as a build secret; it is not runtime config."));
            }
        }

        return new StackSecretConfig
        {
            System = plan.System,
            Stack = plan.Stack,
            Stage = plan.Stage,
            Assignments = assignments.OrderBy(a => a.ConfigKey, StringComparer.Ordinal).ToList(),
            Missing = missing.OrderBy(m => m.ConfigKey, StringComparer.Ordinal).ToList(),
            Skipped = skipped.OrderBy(s => s.App, StringComparer.Ordinal).ThenBy(s => s.Var, StringComparer.Ordinal).ToList(),
            Unused = Unused(plan, file, apps).OrderBy(u => u.HerokuApp, StringComparer.Ordinal).ThenBy(u => u.Var, StringComparer.Ordinal).ToList(),
        };
    }

    private static MissingSecretValue Missing(
        LandingPlan plan, AppLanding landing, string var, string key, SecretsFile file, IReadOnlyDictionary<string, HerokuApp> apps, AddonLinks links)
    {
        if (landing.SourceApp is not { } source)
        {
            return new MissingSecretValue(key, landing.Name, var, null, MissingSecretReason.NoAppInStage,
                $"no Heroku app of the {plan.Stage ?? "stack's"} stage plays the role of {landing.Name} ({string.Join(", ", landing.HerokuApps)} belong to other stages), " +
                $"so no section of {file.Source} applies; set it yourself with `pulumi config set --secret {key} --stack {plan.Stack}`.");
        }

        var app = apps[source];
        // The end of the chain (A = $B, B = $CLOUDAMQP_URL) is what A takes, whichever var it names first.
        var configVar = app.Config.FirstOrDefault(c => c.Name == var);
        var hint = configVar is { RefersToApp: { } other, RefersTo: { } copied }
            // Another app's var of an add-on the new platform keeps (not a datastore): the same value serves both.
            ? $"the same value as {other}'s {copied}: `heroku config:get {copied} -a {other}`"
            : configVar?.RefersTo is { } first
            ? ReferenceHint(landing, var, ConfigReferences.FinalTarget(app.Config, var) ?? first, first)
            : $"its value on Heroku: `heroku config:get {var} -a {source}`";
        if (!file.HasApp(source))
        {
            return new MissingSecretValue(key, landing.Name, var, source, MissingSecretReason.AppNotInFile,
                $"{file.Source} has no section for {source}; add `{source}:` with `{var}: \"...\"` under it ({hint}), or capture it with --secrets-out.");
        }

        if (links.Injecting(app, var) is { } link)
        {
            return new MissingSecretValue(key, landing.Name, var, source, MissingSecretReason.AddonValue,
                $"add-on {link.Addon.Name} ({link.Addon.Service}) injects it on Heroku and the new platform keeps it as secret config; `capture --app {source} --secrets-out` copies it, a capture from manifests has no value; " +
                $"add `{var}: \"...\"` under {source}: in {file.Source} ({hint}).");
        }

        if (app.Config.All(c => c.Name != var))
        {
            var others = landing.HerokuApps.Where(h => h != source && apps.TryGetValue(h, out var other) && other.Config.Any(c => c.Name == var));
            return new MissingSecretValue(key, landing.Name, var, source, MissingSecretReason.OnlyOtherStages,
                $"{source} does not set {var} on Heroku (only {string.Join(", ", others)} do{(others.Count() == 1 ? "es" : "")}), but every stack has the same secrets; " +
                $"add a value for this stack as `{var}: \"...\"` under {source}: in {file.Source}.");
        }

        return new MissingSecretValue(key, landing.Name, var, source, MissingSecretReason.NotInFile,
            $"{file.Source} has no {var} under {source}: ({hint}).");
    }

    /// <summary>
    /// For READ_DB = $CLOUDAMQP_URL: the value is whatever replaces the named var, never Heroku's, which
    /// `heroku config:get` would print and which would point the new system at the old service.
    /// </summary>
    private static string ReferenceHint(AppLanding landing, string var, string target, string first)
    {
        var replacement = landing.Secrets.FirstOrDefault(s => s.Name == target)?.Source switch
        {
            FromSecretConfig config => $"the same value as {target} (key {config.ConfigKey})",
            // A generated value exists only in the stack's state, so no file can repeat it.
            GeneratedSecret => $"the same value as {target}, which the program generates afresh: set `source: secret-config` for {target} in the inventory, generate again, and give both one value",
            _ => $"the value of whatever replaces {target} on the new platform",
        };
        var through = first == target ? "" : $" (through {first})";
        return $"{var} takes the value of {target}{through} on Heroku: give it {replacement}, not the Heroku value; `heroku config:get {var}` would copy Heroku's";
    }

    private static IEnumerable<UnusedSecretValue> Unused(LandingPlan plan, SecretsFile file, IReadOnlyDictionary<string, HerokuApp> apps)
    {
        var bySource = plan.Apps.Where(a => a.SourceApp is not null).ToDictionary(a => a.SourceApp!, StringComparer.Ordinal);
        foreach (var herokuApp in file.Apps)
        {
            var names = file.NamesFor(herokuApp);
            var section = file.Locate(herokuApp)!;
            if (!apps.TryGetValue(herokuApp, out var app))
            {
                var landing = plan.Apps.FirstOrDefault(a => a.Name == herokuApp);
                var hint = landing is null
                    ? $"the inventory's apps are {string.Join(", ", apps.Keys.Order(StringComparer.Ordinal))}; check the name."
                    : $"that is the name of the landing app; the file names Heroku apps ({string.Join(", ", landing.HerokuApps)}).";
                yield return new UnusedSecretValue(herokuApp, null, names.Count, section, UnusedSecretReason.UnknownApp,
                    $"{herokuApp} is not an app of this inventory: {hint}");
                continue;
            }

            if (!bySource.TryGetValue(herokuApp, out var source))
            {
                var stage = app.Pipeline?.Stage;
                var stackName = stage is { } s ? PipelineStages.StackNames[s][0] : null;
                yield return new UnusedSecretValue(herokuApp, null, names.Count, section, UnusedSecretReason.OtherStage,
                    stage is { } st
                        ? $"{herokuApp} is the {PipelineStages.Spell(st)} app: its values are for stack {stackName} (--stack {stackName}), not {plan.Stack}."
                        : $"{herokuApp} is not the {plan.Stage} app of its role: its values are not for stack {plan.Stack}.");
                continue;
            }

            foreach (var name in names)
            {
                var entry = source.Secrets.FirstOrDefault(s => s.Name == name);
                var origin = file.Locate(herokuApp, name)!;
                (UnusedSecretReason Reason, string Message)? unused = entry?.Source switch
                {
                    FromSecretConfig => null,
                    FromDatastore d => (UnusedSecretReason.Datastore,
                        $"rebuilt from datastore {d.Datastore} on the new platform; the Heroku value is never copied."),
                    GeneratedSecret => (UnusedSecretReason.Generated,
                        "the program generates a new random value instead. To keep the Heroku value (for example so sessions or encrypted data stay valid), " +
                        $"set `source: secret-config` for {name} in the inventory and generate again."),
                    _ when source.BuildSecrets.Contains(name) => (UnusedSecretReason.BuildTime,
                        "needed only while building the image: pass it to the image build as a build secret; it is not runtime config."),
                    _ when app.Config.Any(c => c.Name == name) => (UnusedSecretReason.Dropped,
                        "set by Heroku's runtime; dropped on the new platform (see the plan's findings)."),
                    _ => (UnusedSecretReason.UnknownVar,
                        $"the inventory lists no config var {name} for {herokuApp}; add it to apps[{herokuApp}].config and generate again, or remove it from the file."),
                };
                if (unused is { } u)
                    yield return new UnusedSecretValue(herokuApp, name, 1, origin, u.Reason, u.Message);
            }
        }
    }
}
