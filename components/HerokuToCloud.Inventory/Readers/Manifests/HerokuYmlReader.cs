using YamlDotNet.RepresentationModel;

namespace HerokuToCloud.Inventory.Readers.Manifests;

/// <summary>
/// Reads heroku.yml: setup (add-ons, config), build (docker, config, languages, packages, buildpacks),
/// release and run. Shapes Heroku would reject fail with file, line, column and key path; unknown
/// sections become notes.
/// </summary>
internal static class HerokuYmlReader
{
    public static HerokuYmlManifest Read(ManifestFile file)
    {
        var root = YamlDocuments.LoadSingle(file.Text, file.Name);
        if (root is null || root.IsNull)
            return new HerokuYmlManifest { Notes = [$"{file.Name} is empty; it was ignored."] };

        var notes = new List<string>();
        var manifest = new HerokuYmlManifest();
        foreach (var (key, keyCursor, value) in root.FreeMapping("setup, build, release and run").Entries)
        {
            if (value.IsNull)
                continue;
            manifest = key switch
            {
                "setup" => ReadSetup(value, manifest, file.Name, notes),
                "build" => ReadBuild(value, manifest, file.Name, notes),
                "release" => manifest with { ReleaseCommand = ReadRelease(value) },
                "run" => manifest with { Run = ReadRun(value) },
                _ => Unknown(manifest, notes, $"{file.Name} has the section '{key}' (line {keyCursor.Line}), which heroku.yml does not define; it is ignored."),
            };
        }

        return manifest with { Notes = notes };
    }

    private static HerokuYmlManifest Unknown(HerokuYmlManifest manifest, List<string> notes, string note)
    {
        notes.Add(note);
        return manifest;
    }

    private static HerokuYmlManifest ReadSetup(YamlCursor node, HerokuYmlManifest manifest, string file, List<string> notes)
    {
        var addons = new List<AddonDeclaration>();
        var config = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var locations = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var (key, keyCursor, value) in node.FreeMapping("addons and config").Entries)
        {
            switch (key)
            {
                case "addons":
                    foreach (var item in value.Sequence("add-ons ({plan, as, options})"))
                        addons.Add(ReadAddon(item));
                    break;
                case "config":
                    config.AddRange(ConfigNames(value));
                    foreach (var (name, nameCursor, literal) in value.FreeMapping("config var names to values").Entries.Where(e => e.Value.Node is YamlScalarNode && !e.Value.IsNull))
                    {
                        values[name] = ((YamlScalarNode)literal.Node).Value ?? "";
                        locations[name] = nameCursor.Location;
                    }

                    break;
                default:
                    notes.Add($"{file} has setup.{key} (line {keyCursor.Line}), which heroku.yml does not define; it is ignored.");
                    break;
            }
        }

        return manifest with { Addons = addons, SetupConfig = config, SetupValues = values, SetupValueLocations = locations };
    }

    private static AddonDeclaration ReadAddon(YamlCursor item)
    {
        if (item.Node is YamlScalarNode)
            return AddonDeclaration.Parse(item.Scalar("an add-on plan"), null, new Dictionary<string, string>(), item.Location);

        var map = item.Mapping(["plan", "as", "options"]);
        var plan = map.Require("plan", "the add-on's plan, for example heroku-postgresql:essential-0");
        var options = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (map.Get("options") is { } optionNode)
        {
            foreach (var (name, nameCursor, value) in optionNode.FreeMapping("option names to values").Entries)
            {
                if (name.Length == 0)
                    throw nameCursor.Error("an add-on option needs a name; write it as version: \"15\".");
                options[name] = value.IsNull ? "" : value.Scalar("a single option value");
            }
        }

        return AddonDeclaration.Parse(plan.Scalar("an add-on plan"), map.OptionalString("as", "an attachment name such as DATABASE"), options, plan.Location);
    }

    private static HerokuYmlManifest ReadBuild(YamlCursor node, HerokuYmlManifest manifest, string file, List<string> notes)
    {
        foreach (var (key, keyCursor, value) in node.FreeMapping("docker, config, languages, packages and buildpacks").Entries)
        {
            switch (key)
            {
                case "docker":
                    manifest = manifest with { Dockerfiles = ReadDocker(value, file, notes) };
                    break;
                case "config":
                    manifest = manifest with { BuildConfig = ConfigNames(value) };
                    break;
                case "languages":
                    manifest = manifest with { Languages = value.Sequence("language names").Select(Language).ToArray() };
                    break;
                case "packages":
                    var packages = value.Sequence("Debian package names").Select(p => p.Scalar("a package name")).ToArray();
                    if (packages.Length > 0)
                        notes.Add($"{file} installs the packages {string.Join(", ", packages)} into the build; the new build must install them too.");
                    break;
                case "buildpacks":
                    manifest = manifest with { Buildpacks = value.Sequence("buildpacks").Select(Buildpack).ToArray() };
                    break;
                default:
                    notes.Add($"{file} has build.{key} (line {keyCursor.Line}), which heroku.yml does not define; it is ignored.");
                    break;
            }
        }

        return manifest;
    }

    /// <summary>A language selects Heroku's buildpack heroku/&lt;language&gt;, so it must be a single word.</summary>
    private static string Language(YamlCursor item)
    {
        var text = item.Scalar("a language name such as go");
        return text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? text
            : throw item.Error($"'{text}' is not a language name; write one word such as go, ruby or nodejs.");
    }

    private static string Buildpack(YamlCursor item)
    {
        var text = item.Node is YamlMappingNode
            ? item.Mapping(["url"]).RequiredString("url", "the buildpack's name or URL")
            : item.Scalar("a buildpack name or URL");
        return text.Length > 0 && !text.Any(char.IsWhiteSpace) ? text : throw item.Error($"'{text}' is not a buildpack name or URL.");
    }

    private static IReadOnlyList<KeyValuePair<string, string>> ReadDocker(YamlCursor node, string file, List<string> notes)
    {
        var dockerfiles = new List<KeyValuePair<string, string>>();
        foreach (var (type, keyCursor, value) in node.FreeMapping("process types to Dockerfile paths").Entries)
        {
            if (!HerokuNames.IsProcessType(type))
                throw keyCursor.Error($"'{type}' is not a process type; use letters, digits, '-' and '_'.");
            if (value.Node is YamlMappingNode)
            {
                // The long form selects a stage of a multi-stage Dockerfile.
                var map = value.Mapping(["dockerfile", "target"]);
                dockerfiles.Add(new(type, map.RequiredString("dockerfile", "the Dockerfile path")));
                if (map.OptionalString("target", "a build stage name") is { } target)
                    notes.Add($"{file} builds {type} from the '{target}' stage of its Dockerfile; the new build must target the same stage.");
            }
            else
            {
                dockerfiles.Add(new(type, value.Scalar("the Dockerfile path")));
            }
        }

        return dockerfiles;
    }

    private static string? ReadRelease(YamlCursor node)
    {
        var map = node.Mapping(["command", "image"]);
        return map.Get("command") is { } command ? Command(command) : null;
    }

    private static IReadOnlyList<HerokuYmlProcess> ReadRun(YamlCursor node)
    {
        var processes = new List<HerokuYmlProcess>();
        foreach (var (type, keyCursor, value) in node.FreeMapping("process types to commands").Entries)
        {
            if (!HerokuNames.IsProcessType(type))
                throw keyCursor.Error($"'{type}' is not a process type; use letters, digits, '-' and '_'.");
            if (value.Node is YamlMappingNode)
            {
                var map = value.Mapping(["command", "image"]);
                processes.Add(new HerokuYmlProcess(
                    type,
                    map.Get("command") is { } command ? Command(command) : null,
                    map.OptionalString("image", "the process type whose image this process runs"),
                    keyCursor.Location));
            }
            else
            {
                processes.Add(new HerokuYmlProcess(type, value.Scalar("the process command"), null, keyCursor.Location));
            }
        }

        return processes;
    }

    /// <summary>heroku.yml commands are a string or a list of strings (exec form); both become one command line.</summary>
    private static string Command(YamlCursor node)
    {
        if (node.Node is YamlSequenceNode)
        {
            var parts = node.Sequence("command words").Select(p => p.Scalar("a command")).ToArray();
            return parts.Length > 0 ? string.Join(' ', parts) : throw node.Error("the command list is empty.");
        }

        return node.Scalar("a command");
    }

    private static IReadOnlyList<string> ConfigNames(YamlCursor node)
    {
        var names = new List<string>();
        foreach (var (name, keyCursor, _) in node.FreeMapping("config var names to values").Entries)
        {
            if (!HerokuNames.IsConfigVarName(name))
                throw keyCursor.Error($"'{name}' is not a config var name; use letters, digits and '_', not starting with a digit.");
            names.Add(name);
        }

        return names;
    }
}
