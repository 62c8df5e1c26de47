using System.Text.RegularExpressions;

namespace HerokuToCloud.Inventory.Readers.Manifests;

/// <summary>
/// Reads Heroku's app.json (https://devcenter.heroku.com/articles/app-json-schema) into an
/// <see cref="AppJsonManifest"/>. Wrong shapes fail with file, line, column and JSON path; keys the
/// schema does not know, scripts other than postdeploy and the review/test environments become notes.
/// Env values are read only to learn whether one was given; they are never kept.
/// </summary>
internal static partial class AppJsonReader
{
    private static readonly HashSet<string> DescriptiveKeys = new(StringComparer.Ordinal)
    {
        "description", "keywords", "website", "repository", "logo", "success_url",
    };

    public static AppJsonManifest Read(ManifestFile file)
    {
        var root = JsonTreeParser.Parse(file.Text, file.Name);
        var app = Expect<JsonObject>(root, "an object (app.json is a JSON object such as {\"name\": \"my-app\"})");
        var notes = new List<string>();

        foreach (var (key, lines) in app.Duplicates())
            notes.Add($"{file.Name} sets \"{key}\" more than once (lines {string.Join(", ", lines)}); the last one is used, as Heroku does.");

        string? name = null, stack = null, postDeploy = null;
        IReadOnlyList<string>? buildpacks = null;
        IReadOnlyList<EnvDeclaration> env = [];
        IReadOnlyList<FormationDeclaration> formation = [];
        IReadOnlyList<AddonDeclaration> addons = [];

        foreach (var key in app.Properties.Select(p => p.Key).Distinct(StringComparer.Ordinal))
        {
            var value = app.Get(key)!;
            switch (key)
            {
                case "name":
                    name = String(value, "the app's name");
                    break;
                case "stack":
                    stack = String(value, "a stack name such as heroku-24");
                    if (!HerokuNames.IsSlug(stack))
                        throw value.Error($"'{stack}' is not a Heroku stack name; use one such as heroku-24 or container.");
                    break;
                case "image":
                    String(value, "an image name");
                    notes.Add($"{file.Name} names a base \"image\", which only Heroku CI and the retired Docker workflow used; it is not migrated.");
                    break;
                case "buildpacks":
                    buildpacks = ReadBuildpacks(value);
                    break;
                case "env":
                    env = ReadEnv(value);
                    break;
                case "formation":
                    formation = ReadFormation(value);
                    break;
                case "addons":
                    addons = ReadAddons(value);
                    break;
                case "scripts":
                    postDeploy = ReadScripts(value, file.Name, notes, "scripts");
                    break;
                case "environments":
                    ReadEnvironments(value, file.Name, notes);
                    break;
                default:
                    if (!DescriptiveKeys.Contains(key))
                        notes.Add($"{file.Name} has the key \"{key}\", which is not part of Heroku's app.json schema; it is ignored.");
                    break;
            }
        }

        return new AppJsonManifest
        {
            Name = name,
            Stack = stack,
            Buildpacks = buildpacks,
            Env = env,
            Formation = formation,
            Addons = addons,
            PostDeploy = postDeploy,
            Notes = notes,
        };
    }

    private static IReadOnlyList<string> ReadBuildpacks(JsonTree node)
    {
        var buildpacks = new List<string>();
        foreach (var item in Expect<JsonArray>(node, "an array of {\"url\": ...} objects").Items)
        {
            var buildpack = Expect<JsonObject>(item, "an object such as {\"url\": \"heroku/nodejs\"}");
            var urlNode = buildpack.Get("url") ?? throw item.Error("this buildpack has no \"url\"; write it as {\"url\": \"heroku/nodejs\"}.");
            var url = String(urlNode, "the buildpack's name or URL");
            if (url.Length == 0 || url.Any(char.IsWhiteSpace))
                throw urlNode.Error($"'{url}' is not a buildpack name or URL.");
            buildpacks.Add(url);
        }

        return buildpacks;
    }

    private static IReadOnlyList<EnvDeclaration> ReadEnv(JsonTree node)
    {
        var env = new List<EnvDeclaration>();
        var obj = Expect<JsonObject>(node, "an object of config var names to values or {description, required, generator, value} objects");
        foreach (var key in obj.Properties.Select(p => p.Key).Distinct(StringComparer.Ordinal))
        {
            var entry = obj.Get(key)!;
            var where = obj.Properties.Last(p => p.Key == key).KeyLocation;
            if (!HerokuNames.IsConfigVarName(key))
                throw where.Error($"'{key}' is not a config var name; use letters, digits and '_', not starting with a digit.");

            switch (entry)
            {
                case JsonNull:
                    env.Add(new EnvDeclaration(key, null, true, false, null, null, where));
                    break;
                case JsonObject declaration:
                    env.Add(ReadEnvObject(key, declaration, where));
                    break;
                case JsonArray:
                    throw entry.Error("a config var is a string or an object {description, required, generator, value}, not an array.");
                default:
                    env.Add(new EnvDeclaration(key, null, true, false, entry.ScalarText, VarReference(entry.ScalarText), where));
                    break;
            }
        }

        return env;
    }

    private static EnvDeclaration ReadEnvObject(string name, JsonObject declaration, SourceLocation where)
    {
        string? description = null, literal = null, reference = null;
        bool required = true, generated = false;
        foreach (var key in declaration.Properties.Select(p => p.Key).Distinct(StringComparer.Ordinal))
        {
            var value = declaration.Get(key)!;
            switch (key)
            {
                case "description":
                    description = value is JsonNull ? null : String(value, "a description");
                    break;
                case "required":
                    required = value is JsonBool b ? b.Value : throw value.Error($"\"required\" is true or false, not {value.Kind}.");
                    break;
                case "generator":
                    var generator = String(value, "\"secret\"");
                    generated = generator == "secret"
                        ? true
                        : throw value.Error($"'{generator}' is not a generator Heroku knows; the only one is \"secret\".");
                    break;
                case "value":
                    if (value is JsonObject or JsonArray)
                        throw value.Error($"a config var's value is a string, number or boolean, not {value.Kind}.");
                    literal = value.ScalarText;
                    reference = VarReference(literal);
                    break;
                default:
                    // Heroku ignores other keys; so does capture (they carry no meaning for the migration).
                    break;
            }
        }

        return new EnvDeclaration(name, description, required, generated, literal, reference, where);
    }

    private static IReadOnlyList<FormationDeclaration> ReadFormation(JsonTree node)
    {
        var formation = new List<FormationDeclaration>();
        if (node is JsonArray legacy)
        {
            // The original app.json schema listed formation as [{"process": "web", "quantity": 1}].
            foreach (var item in legacy.Items)
            {
                var entry = Expect<JsonObject>(item, "an object {process, quantity, size}");
                var typeNode = entry.Get("process") ?? throw item.Error("this formation entry has no \"process\"; name its process type.");
                formation.Add(ReadFormationEntry(String(typeNode, "a process type"), entry, typeNode.Location, formation));
            }

            return formation;
        }

        var obj = Expect<JsonObject>(node, "an object of process types to {quantity, size}");
        foreach (var key in obj.Properties.Select(p => p.Key).Distinct(StringComparer.Ordinal))
        {
            var where = obj.Properties.Last(p => p.Key == key).KeyLocation;
            formation.Add(ReadFormationEntry(key, Expect<JsonObject>(obj.Get(key)!, "an object {quantity, size}"), where, formation));
        }

        return formation;
    }

    private static FormationDeclaration ReadFormationEntry(string type, JsonObject entry, SourceLocation where, IReadOnlyList<FormationDeclaration> earlier)
    {
        if (!HerokuNames.IsProcessType(type))
            throw where.Error($"'{type}' is not a process type; use the type as the Procfile names it (letters, digits, '-' and '_').");
        if (earlier.FirstOrDefault(f => f.Type == type) is { } duplicate)
            throw where.Error($"the formation lists '{type}' twice (also at line {duplicate.Where.Line}).");

        int? quantity = null;
        if (entry.Get("quantity") is { } quantityNode and not JsonNull)
        {
            quantity = quantityNode is JsonNumber number && number.TryGetInt(out var q)
                ? q
                : throw quantityNode.Error("\"quantity\" is a whole number of dynos, for example 1.");
            if (quantity < 0)
                throw quantityNode.Error($"\"quantity\" cannot be negative ({quantity}); use 0 for a process that is scaled down.");
        }

        string? size = null, written = null;
        if (entry.Get("size") is { } sizeNode and not JsonNull)
        {
            written = String(sizeNode, "a dyno size");
            size = DynoSizes.TryFind(written, out var found)
                ? found.Name
                : throw sizeNode.Error($"'{written}' is not a Heroku dyno size; use one such as basic, standard-1x, standard-2x or performance-m (any case).");
        }

        return new FormationDeclaration(type, quantity, size, written, where);
    }

    private static IReadOnlyList<AddonDeclaration> ReadAddons(JsonTree node)
    {
        // A bare string instead of an array means one add-on (seen in real manifests; Heroku accepts it).
        if (node is JsonString single)
            return [AddonDeclaration.Parse(single.Value, null, new Dictionary<string, string>(), single.Location)];

        var addons = new List<AddonDeclaration>();
        foreach (var item in Expect<JsonArray>(node, "an array of add-on plans").Items)
        {
            switch (item)
            {
                case JsonString plan:
                    addons.Add(AddonDeclaration.Parse(plan.Value, null, new Dictionary<string, string>(), plan.Location));
                    break;
                case JsonObject obj:
                    var planNode = obj.Get("plan") ?? throw item.Error("this add-on has no \"plan\"; write {\"plan\": \"heroku-postgresql:essential-0\"} (the service alone means Heroku's default plan).");
                    var attachAs = obj.Get("as") is { } asNode and not JsonNull ? String(asNode, "an attachment name such as DATABASE") : null;
                    addons.Add(AddonDeclaration.Parse(String(planNode, "a plan such as heroku-postgresql:essential-0"), attachAs, ReadOptions(obj.Get("options")), planNode.Location));
                    break;
                default:
                    throw item.Error($"an add-on is a plan string or an object {{plan, as, options}}, not {item.Kind}.");
            }
        }

        return addons;
    }

    private static IReadOnlyDictionary<string, string> ReadOptions(JsonTree? node)
    {
        var options = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (node is null or JsonNull)
            return options;
        var obj = Expect<JsonObject>(node, "an object of option names to values");
        foreach (var key in obj.Properties.Select(p => p.Key).Distinct(StringComparer.Ordinal))
        {
            var value = obj.Get(key)!;
            if (key.Length == 0)
                throw value.Error("an add-on option needs a name; write it as {\"version\": \"15\"}.");
            options[key] = value.ScalarText ?? (value is JsonNull ? "" : throw value.Error($"an add-on option is a string, number or boolean, not {value.Kind}."));
        }

        return options;
    }

    /// <summary>Returns scripts.postdeploy; every other script becomes a note.</summary>
    private static string? ReadScripts(JsonTree node, string file, List<string> notes, string context)
    {
        string? postDeploy = null;
        var scripts = Expect<JsonObject>(node, "an object of script names to commands");
        foreach (var key in scripts.Properties.Select(p => p.Key).Distinct(StringComparer.Ordinal))
        {
            var value = scripts.Get(key)!;
            if (key == "postdeploy")
            {
                if (value is JsonObject obj)
                {
                    var command = obj.Get("command") ?? throw value.Error("this postdeploy object has no \"command\"; write {\"command\": \"...\", \"size\": \"standard-1x\"}.");
                    postDeploy = String(command, "the postdeploy command");
                    if (obj.Get("size") is { } size and not JsonNull)
                    {
                        var written = String(size, "a dyno size");
                        if (!DynoSizes.TryFind(written, out var found))
                            throw size.Error($"'{written}' is not a Heroku dyno size; use one such as standard-1x or performance-m.");
                        notes.Add($"{file} runs postdeploy on a {found.Name} dyno; the inventory records only its command.");
                    }
                }
                else
                {
                    postDeploy = String(value, "the postdeploy command or {command, size}");
                }
            }
            else
            {
                String(value, "the script's command");
                notes.Add($"{file} defines {context}.{key}, which heroku2cloud does not migrate{ScriptHint(key)}.");
            }
        }

        return postDeploy;
    }

    private static string ScriptHint(string script) => script switch
    {
        "test" or "test-setup" => " (Heroku CI runs it; run it in your CI instead)",
        "pr-predestroy" => " (it runs before a review app is destroyed)",
        _ => "",
    };

    /// <summary>environments.test (Heroku CI) and environments.review (review apps): checked, then recorded as notes.</summary>
    private static void ReadEnvironments(JsonTree node, string file, List<string> notes)
    {
        var environments = Expect<JsonObject>(node, "an object with test and review settings");
        foreach (var name in environments.Properties.Select(p => p.Key).Distinct(StringComparer.Ordinal))
        {
            var settings = Expect<JsonObject>(environments.Get(name)!, "an object that overrides env, formation, addons, buildpacks or scripts");
            var overrides = new List<string>();
            foreach (var key in settings.Properties.Select(p => p.Key).Distinct(StringComparer.Ordinal))
            {
                var value = settings.Get(key)!;
                switch (key)
                {
                    case "env": ReadEnv(value); break;
                    case "formation": ReadFormation(value); break;
                    case "addons": ReadAddons(value); break;
                    case "buildpacks": ReadBuildpacks(value); break;
                    case "scripts": ReadScripts(value, file, [], $"environments.{name}.scripts"); break;
                    case "stack": String(value, "a stack name"); break;
                    default:
                        notes.Add($"{file} has the key environments.{name}.{key}, which Heroku's schema does not define; it is ignored.");
                        continue;
                }

                overrides.Add(key);
            }

            var what = name switch
            {
                "test" => "configures Heroku CI",
                "review" => "configures review apps",
                _ => "names an environment Heroku does not define (only test and review exist)",
            };
            var detail = overrides.Count == 0 ? "" : $" ({string.Join(", ", overrides)})";
            notes.Add($"{file} environments.{name} {what}{detail}; review apps and Heroku CI are not migrated.");
        }
    }

    /// <summary>The var a value only refers to ("$OTHER", "${OTHER}"), or null for a literal value.</summary>
    internal static string? VarReference(string? value) =>
        value is not null && VarReferencePattern().Match(value) is { Success: true } match ? match.Groups["name"].Value : null;

    internal static T Expect<T>(JsonTree node, string what)
        where T : JsonTree =>
        node as T ?? throw node.Error($"expected {what}, found {node.Kind}.");

    internal static string String(JsonTree node, string what) =>
        node is JsonString s ? s.Value : throw node.Error($"expected {what} as a string, found {node.Kind}.");

    [GeneratedRegex(@"^\$(?:\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}|(?<name>[A-Za-z_][A-Za-z0-9_]*))$")]
    private static partial Regex VarReferencePattern();
}
