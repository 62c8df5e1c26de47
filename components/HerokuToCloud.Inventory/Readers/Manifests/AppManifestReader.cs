namespace HerokuToCloud.Inventory.Readers.Manifests;

/// <summary>
/// Captures Heroku apps from the manifests in their repositories (app.json, Procfile, heroku.yml)
/// into an inventory. What files cannot say (region, pipeline, domains, features, Scheduler jobs,
/// add-ons shared between apps) is left for the team to fill in; what they say but the inventory has
/// no field for becomes a note on the app. See docs/capture.md.
/// </summary>
public static class AppManifestReader
{
    /// <summary>Captures one app into a system of its own, named <paramref name="systemName"/> or after the app.</summary>
    /// <param name="appName">The Heroku app name; when null it is derived from app.json "name", else the directory.</param>
    public static HerokuSystem Read(AppManifests manifests, string? appName = null, string? systemName = null)
    {
        var (app, addons, sources) = Capture(manifests, appName, RenameOne);
        return new HerokuSystem
        {
            Name = CheckSystemName(systemName ?? app.Name),
            Apps = [app],
            Addons = addons,
            Sources = sources,
        };
    }

    /// <summary>Captures several apps, one set of manifests each, into one system.</summary>
    public static HerokuSystem Read(IReadOnlyList<AppManifests> apps, string systemName)
    {
        if (apps.Count == 0)
            throw new InventoryException("no app manifests were given; pass at least one app's app.json, Procfile or heroku.yml.");

        var captured = apps.Select(m => Capture(m, null, RenameOneOfSeveral)).ToArray();
        foreach (var group in captured.GroupBy(c => c.App.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            throw new InventoryException($"two of the captured apps are both named '{group.Key}' (from {string.Join(" and ", group.Select(g => g.Sources.FirstOrDefault() ?? "?"))}); give each app.json its own \"name\" or use differently named folders.");

        return new HerokuSystem
        {
            Name = CheckSystemName(systemName),
            Apps = captured.Select(c => c.App).ToArray(),
            Addons = captured.SelectMany(c => c.Addons).ToArray(),
            Sources = captured.SelectMany(c => c.Sources).ToArray(),
        };
    }

    /// <summary>How to give one captured app its real name: capture's --name option names it.</summary>
    private const string RenameOne = "capture again with --name REAL-NAME";

    /// <summary>capture refuses --name with several apps (which app would it name?), so their app.json names them.</summary>
    private const string RenameOneOfSeveral = "set it as \"name\" in the app's app.json and capture again (--name names an app only when capturing one)";

    private static (HerokuApp App, IReadOnlyList<Addon> Addons, IReadOnlyList<string> Sources) Capture(AppManifests files, string? appName, string rename)
    {
        if (files.IsEmpty)
            throw new InventoryException("no manifest was given: capture needs at least one of app.json, Procfile or heroku.yml.");

        // Parse everything first, so that a broken file fails before anything is derived from the others.
        var appJson = files.AppJson is null ? null : AppJsonReader.Read(files.AppJson);
        var procfile = files.Procfile is null ? null : ProcfileReader.Read(files.Procfile);
        var yml = files.HerokuYml is null ? null : HerokuYmlReader.Read(files.HerokuYml);

        var notes = new List<string>();
        var name = DecideName(appName, appJson, files, rename, notes);
        notes.AddRange(appJson?.Notes ?? []);
        notes.AddRange(yml?.Notes ?? []);

        var processes = ManifestProcesses.Decide(files, appJson, procfile, yml, notes);
        var addons = ManifestAddons.Resolve(name, [.. appJson?.Addons ?? [], .. yml?.Addons ?? []], notes);
        var config = ManifestConfig.Classify(files, appJson, yml, addons, notes);

        var app = new HerokuApp
        {
            Name = name,
            Stack = DecideStack(appJson, processes.Dockerfiles, files, notes),
            Build = new AppBuild { Buildpacks = DecideBuildpacks(appJson, yml, files, notes), Dockerfiles = processes.Dockerfiles },
            Processes = processes.Processes,
            Release = processes.Release,
            PostDeploy = appJson?.PostDeploy,
            Config = config,
            Notes = notes,
        };

        var sources = new[] { files.AppJson, files.Procfile, files.HerokuYml }.OfType<ManifestFile>().Select(f => f.Name).ToArray();
        return (app, addons, sources);
    }

    private static string DecideName(string? appName, AppJsonManifest? appJson, AppManifests files, string rename, List<string> notes)
    {
        if (appName is not null)
        {
            return HerokuNames.IsAppName(appName)
                ? appName
                : throw new InventoryException($"'{appName}' is not a valid Heroku app name; use 3 to 30 lower-case letters, digits and dashes, starting with a letter (the name heroku apps shows).");
        }

        if (appJson?.Name is { } declared && HerokuNames.ToAppName(declared) is { } fromAppJson)
        {
            if (fromAppJson != declared)
                notes.Add($"The app name '{fromAppJson}' is derived from the app.json name \"{declared}\"; if the real Heroku app name differs, {rename}.");
            return fromAppJson;
        }

        if (files.DirectoryName is { } directory && HerokuNames.ToAppName(directory) is { } fromDirectory)
        {
            notes.Add($"The app name '{fromDirectory}' is derived from the directory '{directory}'; if the real Heroku app name differs, {rename}.");
            return fromDirectory;
        }

        notes.Add($"Nothing names this app, so it is called 'app'; {rename}.");
        return "app";
    }

    private static string? DecideStack(AppJsonManifest? appJson, IReadOnlyDictionary<string, string> dockerfiles, AppManifests files, List<string> notes)
    {
        if (dockerfiles.Count == 0)
            return appJson?.Stack;
        if (appJson?.Stack is { } stack && stack != "container")
            notes.Add($"{files.AppJson!.Name} sets the stack {stack}, but {files.HerokuYml!.Name} builds Docker images, which run on the container stack; container is recorded.");
        return "container";
    }

    private static IReadOnlyList<string> DecideBuildpacks(AppJsonManifest? appJson, HerokuYmlManifest? yml, AppManifests files, List<string> notes)
    {
        IReadOnlyList<string> fromYml = yml is null ? [] : yml.Buildpacks.Count > 0 ? yml.Buildpacks : yml.Languages.Select(l => $"heroku/{l.ToLowerInvariant()}").ToArray();
        if (appJson?.Buildpacks is { } fromAppJson)
        {
            if (fromYml.Count > 0 && !fromYml.SequenceEqual(fromAppJson, StringComparer.Ordinal))
                notes.Add($"{files.HerokuYml!.Name} lists other buildpacks ({string.Join(", ", fromYml)}) than {files.AppJson!.Name}; app.json's are recorded.");
            return fromAppJson;
        }

        if (yml is { Buildpacks.Count: 0, Languages.Count: > 0 })
            notes.Add($"{files.HerokuYml!.Name} build.languages selects Heroku's language buildpacks; recorded as {string.Join(", ", fromYml)}.");
        return fromYml;
    }

    private static string CheckSystemName(string name) =>
        HerokuNames.IsSystemName(name)
            ? name
            : throw new InventoryException($"'{name}' is not a usable system name; use letters, digits, '-', '_' or '.', starting with a letter or digit (it becomes the Pulumi project name).");
}
