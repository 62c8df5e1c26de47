namespace HerokuToCloud.Inventory.Readers.InventoryYaml;

/// <summary>Reads one entry of the apps section: build, formation, config var names, scheduler, domains.</summary>
internal static class InventoryAppSection
{
    private static readonly string[] AppKeys =
    [
        "name", "region", "stack", "pipeline", "build", "features", "processes", "release", "postDeploy",
        "config", "scheduler", "domains", "logDrains", "notes",
    ];

    private static readonly string[] PipelineKeys = ["name", "stage"];
    private static readonly string[] BuildKeys = ["buildpacks", "dockerfiles"];
    private static readonly string[] ProcessKeys = ["type", "command", "size", "quantity", "port", "autoscaling"];
    private static readonly string[] AutoscalingKeys = ["min", "max", "p95ResponseTimeMs"];
    private static readonly string[] ReleaseKeys = ["command", "size"];
    private static readonly string[] ConfigKeys = ["name", "kind", "addon", "source", "buildTime", "required", "description", "refersTo", "refersToApp"];
    private static readonly string[] JobKeys = ["name", "command", "frequency", "size"];

    private static readonly Dictionary<string, string> ConfigKeyHints = new(StringComparer.Ordinal)
    {
        ["value"] = "Config var values never belong in the inventory: 'source' says where the value comes from (secret-config, generated, addon or platform).",
    };

    /// <summary>Every app's name, checked for validity and uniqueness, so later sections can refer to apps.</summary>
    public static IReadOnlyDictionary<string, YamlCursor> ReadNames(IReadOnlyList<YamlCursor> nodes)
    {
        var names = new Dictionary<string, YamlCursor>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            var (name, cursor) = ReadName(node.Mapping(AppKeys));
            if (names.TryGetValue(name, out var earlier))
                throw cursor.Error($"the app '{name}' is already listed at line {earlier.Line}; list each Heroku app once.");
            names[name] = cursor;
        }

        return names;
    }

    public static HerokuApp Read(YamlCursor node, AttachmentIndex attachments)
    {
        var map = node.Mapping(AppKeys);
        var (name, _) = ReadName(map);
        return new HerokuApp
        {
            Name = name,
            Region = Slug(map, "region", "a Heroku region such as us or eu"),
            Stack = Slug(map, "stack", "a Heroku stack such as heroku-24 or container"),
            Pipeline = ReadPipeline(map.Get("pipeline")),
            Build = ReadBuild(map.Get("build")),
            Features = ReadFeatures(map.List("features", "feature names")),
            Processes = ReadProcesses(map.List("processes", "processes (type, command, size, quantity)")),
            Release = ReadRelease(map.Get("release")),
            PostDeploy = map.OptionalString("postDeploy", "the postdeploy command"),
            Config = ReadConfig(name, map.List("config", "config vars (name, kind, source, ...)"), attachments),
            Scheduler = ReadScheduler(map.List("scheduler", "scheduler jobs (name, command, frequency, size)")),
            Domains = ReadDomains(map.List("domains", "custom domain names")),
            LogDrains = ReadLogDrains(map.List("logDrains", "log drain URLs")),
            Notes = InventoryYamlReader.Strings(map.List("notes", "notes"), "a note"),
        };
    }

    /// <summary>Heroku routes a hostname to one app only, so a domain may appear once in a system.</summary>
    public static void CheckDomainsAreUnique(IReadOnlyList<YamlCursor> nodes, IReadOnlyList<HerokuApp> apps)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < apps.Count; i++)
        {
            var domainNodes = nodes[i].Mapping(AppKeys).List("domains", "custom domain names");
            for (var d = 0; d < apps[i].Domains.Count; d++)
            {
                var host = apps[i].Domains[d].Hostname;
                if (seen.TryGetValue(host, out var owner))
                    throw domainNodes[d].Error($"{host} is already a domain of '{owner}'; Heroku routes a domain to one app only.");
                seen[host] = apps[i].Name;
            }
        }
    }

    private static (string Name, YamlCursor Cursor) ReadName(YamlMapping map)
    {
        var cursor = map.Require("name", "every app needs its Heroku app name");
        var name = cursor.Scalar("the app's name");
        if (!HerokuNames.IsAppName(name))
            throw cursor.Error($"'{name}' is not a valid Heroku app name; use 3 to 30 lower-case letters, digits and dashes, starting with a letter and not ending with a dash.");
        return (name, cursor);
    }

    private static string? Slug(YamlMapping map, string key, string what)
    {
        var cursor = map.Get(key);
        if (cursor is null)
            return null;
        var value = cursor.Scalar(what);
        return HerokuNames.IsSlug(value)
            ? value
            : throw cursor.Error($"'{value}' is not valid here; expected {what} (lower-case letters, digits and dashes).");
    }

    private static PipelineCoupling? ReadPipeline(YamlCursor? node)
    {
        if (node is null)
            return null;
        var map = node.Mapping(PipelineKeys);
        var nameCursor = map.Require("name", "the pipeline's name");
        var name = nameCursor.Scalar("the pipeline's name");
        if (!HerokuNames.IsPipelineName(name))
            throw nameCursor.Error($"'{name}' is not a valid pipeline name; use 3 to 30 lower-case letters, digits and dashes, starting with a letter.");
        var stageCursor = map.Require("stage", "the app's stage: test, review, development, staging or production");
        var stageText = stageCursor.Scalar("a pipeline stage");
        var stage = stageText.ToLowerInvariant() switch
        {
            "test" => PipelineStage.Test,
            "review" => PipelineStage.Review,
            "development" => PipelineStage.Development,
            "staging" => PipelineStage.Staging,
            "production" => PipelineStage.Production,
            _ => throw stageCursor.Error($"'{stageText}' is not a pipeline stage; use test, review, development, staging or production."),
        };
        return new PipelineCoupling(name, stage);
    }

    private static AppBuild ReadBuild(YamlCursor? node)
    {
        if (node is null)
            return new AppBuild();
        var map = node.Mapping(BuildKeys);
        var buildpacks = new List<string>();
        foreach (var item in map.List("buildpacks", "buildpack names or URLs"))
        {
            var buildpack = item.Scalar("a buildpack name or URL");
            if (buildpack.Any(char.IsWhiteSpace))
                throw item.Error($"'{buildpack}' is not a buildpack name or URL (it contains spaces).");
            buildpacks.Add(buildpack);
        }

        var dockerfiles = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (map.Get("dockerfiles") is { } dockerNode)
        {
            foreach (var (type, keyCursor, value) in dockerNode.FreeMapping("process types to Dockerfile paths").Entries)
            {
                if (!HerokuNames.IsProcessType(type))
                    throw keyCursor.Error($"'{type}' is not a process type; use letters, digits, '-' and '_'.");
                dockerfiles[type] = value.Scalar("the Dockerfile path");
            }
        }

        return new AppBuild { Buildpacks = buildpacks, Dockerfiles = dockerfiles };
    }

    private static IReadOnlyList<string> ReadFeatures(IReadOnlyList<YamlCursor> nodes)
    {
        var features = new List<string>();
        foreach (var node in nodes)
        {
            var feature = node.Scalar("a feature name such as preboot");
            if (!HerokuNames.IsSlug(feature))
                throw node.Error($"'{feature}' is not a feature name; use Heroku's name, for example preboot.");
            if (features.Contains(feature, StringComparer.Ordinal))
                throw node.Error($"the feature '{feature}' is listed twice.");
            features.Add(feature);
        }

        return features;
    }

    private static IReadOnlyList<Process> ReadProcesses(IReadOnlyList<YamlCursor> nodes)
    {
        var seen = new Dictionary<string, YamlCursor>(StringComparer.Ordinal);
        var processes = new List<Process>();
        foreach (var node in nodes)
        {
            var map = node.Mapping(ProcessKeys);
            var typeCursor = map.Require("type", "the process type from the Procfile, for example web or worker");
            var type = typeCursor.Scalar("a process type");
            if (!HerokuNames.IsProcessType(type))
                throw typeCursor.Error($"'{type}' is not a process type; use letters, digits, '-' and '_' (as in the Procfile).");
            if (type == "release")
                throw typeCursor.Error("'release' is the release phase, not a long-running process; put its command under the app's 'release' section.");
            if (seen.TryGetValue(type, out var earlier))
                throw typeCursor.Error($"the process type '{type}' is already defined at line {earlier.Line}; list each process type once.");
            seen[type] = typeCursor;

            var size = Size(map);
            var quantityCursor = map.Get("quantity");
            var quantity = quantityCursor?.Integer("the number of dynos") ?? Process.DefaultQuantity(type);
            if (quantity < 0)
                throw quantityCursor!.Error($"the quantity cannot be negative ({quantity}); use 0 for a process that is scaled down.");

            var portCursor = map.Get("port");
            var port = portCursor?.Integer("the port the process listens on");
            if (port is < 1 or > 65535)
                throw portCursor!.Error($"{port} is not a TCP port; use 1 to 65535, or leave port out to let the new platform choose.");

            processes.Add(new Process
            {
                Type = type,
                Command = map.OptionalString("command", "the process command"),
                Size = size,
                Quantity = quantity,
                Port = port,
                Autoscaling = ReadAutoscaling(map.Get("autoscaling"), type, size),
            });
        }

        return processes;
    }

    private static Autoscaling? ReadAutoscaling(YamlCursor? node, string type, string size)
    {
        if (node is null)
            return null;
        if (type != "web")
            throw node.Error($"Heroku autoscales only web processes, not '{type}'; remove autoscaling here.");
        if (!DynoSizes.Find(size).SupportsAutoscaling)
            throw node.Error($"Heroku autoscales only Performance, Private and Shield dynos, not {size}; remove autoscaling or change the size.");

        var map = node.Mapping(AutoscalingKeys);
        var minCursor = map.Require("min", "the fewest dynos autoscaling keeps");
        var maxCursor = map.Require("max", "the most dynos autoscaling starts");
        var min = minCursor.Integer("the minimum number of dynos");
        var max = maxCursor.Integer("the maximum number of dynos");
        if (min < 1)
            throw minCursor.Error($"the minimum must be at least 1, not {min}.");
        if (max < min)
            throw maxCursor.Error($"the maximum ({max}) is below the minimum ({min}).");
        var p95Cursor = map.Get("p95ResponseTimeMs");
        var p95 = p95Cursor?.Integer("the p95 response time goal in milliseconds");
        if (p95 is <= 0)
            throw p95Cursor!.Error($"the response time goal must be positive, not {p95}.");
        return new Autoscaling(min, max, p95);
    }

    private static ReleasePhase? ReadRelease(YamlCursor? node)
    {
        if (node is null)
            return null;
        var map = node.Mapping(ReleaseKeys);
        return new ReleasePhase(map.RequiredString("command", "the release-phase command from the Procfile"), Size(map));
    }

    private static IReadOnlyList<ConfigVar> ReadConfig(string app, IReadOnlyList<YamlCursor> nodes, AttachmentIndex attachments)
    {
        var seen = new Dictionary<string, YamlCursor>(StringComparer.Ordinal);
        var config = new List<ConfigVar>();
        var references = new List<(YamlCursor Cursor, string Var, string Target)>();
        foreach (var node in nodes)
        {
            var map = node.Mapping(ConfigKeys, ConfigKeyHints);
            var nameCursor = map.Require("name", "the config var's name");
            var name = nameCursor.Scalar("a config var name");
            if (!HerokuNames.IsConfigVarName(name))
                throw nameCursor.Error($"'{name}' is not a config var name; use letters, digits and '_', not starting with a digit.");
            if (seen.TryGetValue(name, out var earlier))
                throw nameCursor.Error($"{name} is already listed at line {earlier.Line}; list each config var once.");
            seen[name] = nameCursor;

            var kindCursor = map.Get("kind");
            var kindText = kindCursor?.Scalar("team, addon or runtime") ?? "team";
            var kind = kindText switch
            {
                "team" => ConfigVarKind.Team,
                "addon" => ConfigVarKind.Addon,
                "runtime" => ConfigVarKind.Runtime,
                _ => throw kindCursor!.Error($"'{kindText}' is not a config var kind; use team (set by you), addon (injected by an add-on attachment) or runtime (set by Heroku)."),
            };

            var addonCursor = map.Get("addon");
            var addon = addonCursor?.Scalar("the add-on's name");
            var injector = attachments.InjectorOf(app, name);
            if (kind == ConfigVarKind.Addon)
            {
                if (addon is null)
                    throw map.Self.Error($"{name} has kind addon but no 'addon'; name the add-on whose attachment injects it{(injector is { } i ? $" ({i.Addon})" : "")}.");
                if (!attachments.AddonNames.Contains(addon))
                    throw addonCursor!.Error($"'{addon}' is not an add-on of this inventory; use the name of an add-on listed under 'addons'.");
                if (!attachments.IsAttached(addon, app))
                    throw addonCursor!.Error($"add-on '{addon}' is not attached to '{app}'; add an attachment for '{app}' to it, or name the add-on that is.");
                if (injector is not { } found || found.Addon != addon)
                    throw addonCursor!.Error($"no attachment of '{addon}' to '{app}' lists {name} under configVars; add it there{(injector is { } other ? $", or use '{other.Addon}', which injects it" : "")}.");
            }
            else
            {
                if (addonCursor is not null)
                    throw addonCursor.Error($"'addon' only applies to kind addon; {name} has kind {kindText}.");
                if (injector is { } found)
                    throw (kindCursor ?? nameCursor).Error($"{name} is injected into '{app}' by add-on '{found.Addon}' (attachment {found.Attachment}); give it kind: addon and addon: {found.Addon}.");
            }

            var value = ReadSource(map.Get("source"), kind, name);
            var refersCursor = map.Get("refersTo");
            var refersTo = refersCursor?.Scalar("the name of the config var whose value it takes");
            var refersToApp = ReadRefersToApp(map, app, name, refersTo);
            if (refersTo is not null)
            {
                if (!HerokuNames.IsConfigVarName(refersTo))
                    throw refersCursor!.Error($"'{refersTo}' is not a config var name; name the var whose value {name} takes (DATABASE_URL for \"$DATABASE_URL\").");
                if (refersTo == name && refersToApp is null)
                    throw refersCursor!.Error($"{name} cannot take its own value; remove refersTo.");
                if (kind != ConfigVarKind.Team || value != ConfigValueSource.SecretConfig)
                    throw refersCursor!.Error($"'refersTo' only applies to a team var with source secret-config; {name} is {kindText} with source {Spell(value)}.");
                // Another app's var is checked once every app is read (CheckReferencesToOtherApps).
                if (refersToApp is null)
                    references.Add((refersCursor!, name, refersTo));
            }

            config.Add(new ConfigVar
            {
                Name = name,
                Kind = kind,
                Addon = addon,
                Value = value,
                BuildTime = map.OptionalBool("buildTime") ?? BuildTimeHeuristic.IsBuildTime(name),
                Required = map.OptionalBool("required") ?? true,
                Description = map.OptionalString("description", "a description"),
                RefersTo = refersTo,
                RefersToApp = refersToApp,
            });
        }

        // A reference names a var of the same app: one that is not there is a typo the landing cannot resolve.
        foreach (var (cursor, var, target) in references)
        {
            if (config.All(c => c.Name != target) && attachments.InjectorOf(app, target) is null)
                throw cursor.Error($"{app} has no config var {target}; list it under config, or name the var {var} takes its value from.");
            if (config.FirstOrDefault(c => c.Name == target) is { RefersToApp: { } other })
                throw cursor.Error($"{target} takes its value from {other}'s {config.First(c => c.Name == target).RefersTo}; give {var} the same refersTo and refersToApp instead of naming {target}.");
        }

        // X = $Y, Y = $X: no var of the loop has a value, and following it would never end.
        if (ConfigReferences.FirstLoop(config) is [var first, ..] loop)
        {
            throw references.First(r => r.Var == first).Cursor.Error(
                $"the config vars {string.Join(", ", loop)} of {app} refer to each other in a loop ({ConfigReferences.Describe(loop)}), so none of them has a value; " +
                "make one of them refersTo the var that holds the value (DATABASE_URL), or remove its refersTo.");
        }

        return config;
    }

    /// <summary>The other app a var's <c>refersTo</c> names a var of; checked against the other apps once all are read.</summary>
    private static string? ReadRefersToApp(YamlMapping map, string app, string name, string? refersTo)
    {
        var cursor = map.Get("refersToApp");
        if (cursor is null)
            return null;
        var other = cursor.Scalar("the name of the app whose var it takes the value of");
        if (refersTo is null)
            throw cursor.Error($"'refersToApp' says which app's var {name} takes the value of; add refersTo with that var's name (DATABASE_URL).");
        if (other == app)
            throw cursor.Error($"'{other}' is {name}'s own app; remove refersToApp (refersTo alone names a var of the same app).");
        return other;
    }

    /// <summary>
    /// A var that takes another app's var (shop-admin's SHOP_DB_URL = shop-web's DATABASE_URL) needs that app and
    /// that var, and the var must hold a value itself: one an add-on injects there, or one that refers to nothing.
    /// </summary>
    public static void CheckReferencesToOtherApps(IReadOnlyList<YamlCursor> nodes, IReadOnlyList<HerokuApp> apps, AttachmentIndex attachments)
    {
        var byName = apps.ToDictionary(a => a.Name, StringComparer.Ordinal);
        for (var i = 0; i < apps.Count; i++)
        {
            var configNodes = nodes[i].Mapping(AppKeys).List("config", "config vars (name, kind, source, ...)");
            for (var v = 0; v < apps[i].Config.Count; v++)
            {
                if (apps[i].Config[v] is not { RefersToApp: { } otherName, RefersTo: { } target } var)
                    continue;
                var cursor = configNodes[v].Mapping(ConfigKeys).Get("refersToApp")!;
                if (!byName.TryGetValue(otherName, out var other))
                    throw cursor.Error($"'{otherName}' is not an app of this inventory; name one of: {string.Join(", ", byName.Keys.Order(StringComparer.Ordinal))}.");
                var referenced = other.Config.FirstOrDefault(c => c.Name == target);
                if (referenced is null && attachments.InjectorOf(otherName, target) is null)
                    throw cursor.Error($"{otherName} has no config var {target}; name the var of {otherName} whose value {var.Name} takes.");
                if (referenced?.RefersTo is { } onward)
                    throw cursor.Error($"{otherName}'s {target} takes its value from {onward} itself; make {var.Name} refer to the var that holds the value.");
            }
        }
    }

    private static ConfigValueSource ReadSource(YamlCursor? node, ConfigVarKind kind, string name)
    {
        var expected = kind switch
        {
            ConfigVarKind.Addon => ConfigValueSource.Addon,
            ConfigVarKind.Runtime => ConfigValueSource.Platform,
            _ => ConfigValueSource.SecretConfig,
        };
        if (node is null)
            return expected;

        var text = node.Scalar("where the value comes from");
        var source = text switch
        {
            "secret-config" => ConfigValueSource.SecretConfig,
            "generated" => ConfigValueSource.Generated,
            "addon" => ConfigValueSource.Addon,
            "platform" => ConfigValueSource.Platform,
            _ => throw node.Error($"'{text}' is not a value source; use secret-config (you supply it), generated (a fresh random secret), addon (rebuilt from the add-on's replacement) or platform (provided by the new platform). Values themselves never go in the inventory."),
        };

        var fits = kind switch
        {
            ConfigVarKind.Team => source is ConfigValueSource.SecretConfig or ConfigValueSource.Generated,
            ConfigVarKind.Addon => source == ConfigValueSource.Addon,
            _ => source == ConfigValueSource.Platform,
        };
        return fits
            ? source
            : throw node.Error(kind == ConfigVarKind.Team
                ? $"a team var such as {name} gets its value from secret-config or generated, not {text}."
                : $"a var of kind {kind.ToString().ToLowerInvariant()} gets its value from {Spell(expected)}, not {text}.");
    }

    private static IReadOnlyList<ScheduledJob> ReadScheduler(IReadOnlyList<YamlCursor> nodes)
    {
        var parsed = new List<(YamlCursor? NameCursor, string? Name, string Command, SchedulerFrequency Frequency, string Size)>();
        var named = new Dictionary<string, YamlCursor>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            var map = node.Mapping(JobKeys);
            var nameCursor = map.Get("name");
            var name = nameCursor?.Scalar("the job's name");
            if (name is not null)
            {
                if (!ScheduledJobNames.IsValid(name))
                    throw nameCursor!.Error($"'{name}' is not a job name; use up to {ScheduledJobNames.MaxLength} lower-case letters, digits and dashes, or leave it out to have one derived from the command.");
                if (named.TryGetValue(name, out var earlier))
                    throw nameCursor!.Error($"the job name '{name}' is already used at line {earlier.Line} of this app; job names are unique per app.");
                named[name] = nameCursor!;
            }

            var command = map.RequiredString("command", "the command Heroku Scheduler runs");
            var frequencyCursor = map.Require("frequency", "how often it runs: \"every 10 minutes\", \"hourly at :MM\" or \"daily at HH:MM\" (UTC)");
            SchedulerFrequency frequency;
            try
            {
                frequency = SchedulerFrequency.Parse(frequencyCursor.Scalar("a scheduler frequency"));
            }
            catch (FormatException ex)
            {
                throw frequencyCursor.Error(ex.Message);
            }

            parsed.Add((nameCursor, name, command, frequency, Size(map)));
        }

        // Derive the missing names only after every explicit one is known, so a derived name never takes an explicit one.
        var taken = new HashSet<string>(named.Keys, StringComparer.Ordinal);
        var jobs = new List<ScheduledJob>();
        foreach (var job in parsed)
        {
            var name = job.Name ?? ScheduledJobNames.FromCommand(job.Command, taken);
            taken.Add(name);
            jobs.Add(new ScheduledJob { Name = name, Command = job.Command, Frequency = job.Frequency, Size = job.Size });
        }

        return jobs;
    }

    private static IReadOnlyList<Domain> ReadDomains(IReadOnlyList<YamlCursor> nodes)
    {
        var domains = new List<Domain>();
        foreach (var node in nodes)
        {
            var host = node.Scalar("a hostname").ToLowerInvariant();
            if (!HerokuNames.IsHostname(host))
                throw node.Error($"'{host}' is not a hostname; write the custom domain alone, for example www.example.com (no scheme or path).");
            if (host.EndsWith(".herokuapp.com", StringComparison.Ordinal) || host.EndsWith(".herokudns.com", StringComparison.Ordinal))
                throw node.Error($"{host} is one of Heroku's own names; list custom domains only.");
            if (domains.Any(d => d.Hostname == host))
                throw node.Error($"{host} is listed twice.");
            domains.Add(new Domain(host));
        }

        return domains;
    }

    private static IReadOnlyList<string> ReadLogDrains(IReadOnlyList<YamlCursor> nodes)
    {
        var drains = new List<string>();
        foreach (var node in nodes)
        {
            var url = node.Scalar("a log drain URL");
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
                throw node.Error($"'{url}' is not a URL; write the drain as Heroku shows it, for example syslog+tls://logs.example.com:514.");
            if (uri.UserInfo.Length > 0)
                throw node.Error("the drain URL carries credentials; remove the user and password part (the inventory never holds secrets).");
            drains.Add(url);
        }

        return drains;
    }

    private static string Size(YamlMapping map)
    {
        var cursor = map.Get("size");
        if (cursor is null)
            return DynoSizes.Default;
        var text = cursor.Scalar("a dyno size");
        return DynoSizes.TryFind(text, out var size)
            ? size.Name
            : throw cursor.Error($"'{text}' is not a Heroku dyno size; use one such as basic, standard-1x, standard-2x, performance-m, performance-l or a Fir size like dyno-2c-4gb (any case; full list in docs/inventory-format.md).");
    }

    internal static string Spell(ConfigValueSource source) => source switch
    {
        ConfigValueSource.SecretConfig => "secret-config",
        ConfigValueSource.Generated => "generated",
        ConfigValueSource.Addon => "addon",
        _ => "platform",
    };
}
