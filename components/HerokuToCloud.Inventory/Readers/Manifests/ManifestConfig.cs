namespace HerokuToCloud.Inventory.Readers.Manifests;

/// <summary>
/// Classifies an app's config vars by name: injected by one of its add-on attachments (kind addon),
/// set by Heroku itself (kind runtime, dropped), or set by the team (the rest). Values never enter.
/// </summary>
internal static class ManifestConfig
{
    public static IReadOnlyList<ConfigVar> Classify(AppManifests files, AppJsonManifest? appJson, HerokuYmlManifest? yml, IReadOnlyList<Addon> addons, List<string> notes)
    {
        var injectedBy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var addon in addons)
        {
            foreach (var var in addon.Attachments.SelectMany(a => a.ConfigVars))
                injectedBy.TryAdd(var, addon.Name);
        }

        // Every name the app will list: a reference is recorded only to one of them, so the inventory reads back.
        var declared = new HashSet<string>(injectedBy.Keys, StringComparer.Ordinal);
        declared.UnionWith((appJson?.Env ?? []).Select(e => e.Name));
        declared.UnionWith(yml?.SetupConfig ?? []);
        declared.UnionWith(yml?.BuildConfig ?? []);

        var vars = new SortedDictionary<string, ConfigVar>(StringComparer.Ordinal);
        var appJsonName = files.AppJson?.Name ?? "app.json";
        // A value that only names another var ("$DATABASE_URL") is a reference: recorded as refersTo when the
        // app has that var, so the landing and secrets push can give it what replaces that var.
        var referenceAt = new Dictionary<string, SourceLocation?>(StringComparer.Ordinal);
        void Refer(string name, string? referenced, string file, SourceLocation? where)
        {
            if (referenced is null || vars[name] is not { Kind: ConfigVarKind.Team } referring)
                return;
            if (!declared.Contains(referenced))
            {
                notes.Add($"{file} sets {name} to the value of {referenced}, which the app does not declare; give {name} the value it needs on the new platform.");
                return;
            }

            if (referring.Value != ConfigValueSource.SecretConfig)
                return;
            vars[name] = referring with { RefersTo = referenced };
            referenceAt[name] = where;
            var addon = injectedBy.TryGetValue(referenced, out var addonName) ? addons.First(a => a.Name == addonName) : null;
            var owner = addon is null ? "" : $", which add-on {addon.Name} injects";
            notes.Add(addon is not null && AddonServices.IsRebuiltDatastore(addon.Service)
                ? $"{file} sets {name} to the value of {referenced}{owner}; recorded as refersTo, so {name} gets the URL of the datastore that replaces it."
                : $"{file} sets {name} to the value of {referenced}{owner}; recorded as refersTo: give {name} the value of whatever replaces {referenced}, not the Heroku value.");
        }

        foreach (var env in appJson?.Env ?? [])
        {
            vars[env.Name] = Classify(env.Name, env.Required, env.Description, env.Generated, injectedBy, notes);
            Refer(env.Name, env.ReferencedVar, appJsonName, env.Where);

            if (env.Name == "PROCFILE_PATH")
                notes.Add($"{appJsonName} sets PROCFILE_PATH, so Heroku reads the processes from the file it names, not from ./Procfile; capture with that file as the Procfile.");
            if (env.Name == "BUILDPACK_URL")
                notes.Add($"{appJsonName} sets BUILDPACK_URL, Heroku's legacy way to choose a buildpack; the new build must use that buildpack.");
        }

        if (yml is not null)
        {
            // app.json's declaration wins where both give a var, as for its value (ManifestValues).
            foreach (var name in yml.SetupConfig.Where(n => !vars.ContainsKey(n)))
            {
                vars[name] = Classify(name, true, null, false, injectedBy, notes);
                Refer(name, yml.SetupValues.TryGetValue(name, out var value) ? AppJsonReader.VarReference(value) : null, files.HerokuYml?.Name ?? "heroku.yml", yml.SetupValueLocations.GetValueOrDefault(name));
            }

            // build.config entries are Docker build arguments: by definition needed while building.
            foreach (var name in yml.BuildConfig)
            {
                vars[name] = vars.TryGetValue(name, out var existing)
                    ? existing with { BuildTime = true }
                    : Classify(name, true, null, false, injectedBy, notes) with { BuildTime = true };
            }
        }

        // X = "$Y", Y = "$X" (or X = "$X"): no var of the loop has a value anywhere, so there is nothing to carry over.
        if (ConfigReferences.FirstLoop(vars.Values.ToList()) is [var first, ..] loop)
        {
            var message = $"the config vars {string.Join(", ", loop.Select(n => referenceAt[n] is { } at ? $"{n} ({at.Describe()})" : n))} take their values from each other " +
                          $"in a loop ({ConfigReferences.Describe(loop)}), so none of them has a value; give one of them its value, or the name of the var that holds it (\"$DATABASE_URL\").";
            throw referenceAt[first] is { } where ? where.Error(message) : new InventoryException($"{appJsonName}: {message}");
        }

        foreach (var (name, addon) in injectedBy.Where(i => !vars.ContainsKey(i.Key)))
            vars[name] = AddonVar(name, addon, true, null);

        return vars.Values.ToArray();
    }

    private static ConfigVar Classify(string name, bool required, string? description, bool generated, Dictionary<string, string> injectedBy, List<string> notes)
    {
        if (injectedBy.TryGetValue(name, out var addon))
            return AddonVar(name, addon, required, description);

        // No note: kind runtime says it, and `inventory show` and `generate` each report it once, with who sets it.
        if (RuntimeConfigVars.IsRuntime(name))
        {
            return new ConfigVar
            {
                Name = name,
                Kind = ConfigVarKind.Runtime,
                Value = ConfigValueSource.Platform,
                BuildTime = false,
                Required = required,
                Description = description,
            };
        }

        return new ConfigVar
        {
            Name = name,
            Kind = ConfigVarKind.Team,
            Value = generated ? ConfigValueSource.Generated : ConfigValueSource.SecretConfig,
            BuildTime = BuildTimeHeuristic.IsBuildTime(name),
            Required = required,
            Description = description,
        };
    }

    private static ConfigVar AddonVar(string name, string addon, bool required, string? description) => new()
    {
        Name = name,
        Kind = ConfigVarKind.Addon,
        Addon = addon,
        Value = ConfigValueSource.Addon,
        BuildTime = BuildTimeHeuristic.IsBuildTime(name),
        Required = required,
        Description = description,
    };
}
