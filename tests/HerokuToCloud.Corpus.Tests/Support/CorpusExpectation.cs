using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace HerokuToCloud.Corpus.Tests.Support;

/// <summary>
/// What a corpus folder's files say about processes, formation and add-ons, worked out here with
/// plain JSON/YAML/regex parsing and no inventory code, so that capture is checked against the files
/// rather than against itself. The rules are Heroku's (docs/capture.md states the same ones):
/// heroku.yml's run section or Docker build replaces the Procfile; a process without formation runs
/// one dyno of standard-1x; a bare add-on service gets Heroku's default plan; an attachment is named
/// by "as" or the service's config var prefix; app.json and heroku.yml declaring one attachment are one add-on.
/// </summary>
public sealed partial record CorpusExpectation(
    IReadOnlyList<string> Processes,
    string? ReleaseCommand,
    IReadOnlyList<string> Addons,
    IReadOnlyList<string> EnvValues,
    string? ProcfileName)
{
    private static readonly Dictionary<string, string> DefaultPlans = new()
    {
        ["heroku-postgresql"] = "essential-0",
        ["heroku-redis"] = "mini",
        ["scheduler"] = "standard",
    };

    private static readonly Dictionary<string, string> DefaultAttachments = new()
    {
        ["heroku-postgresql"] = "DATABASE",
        ["heroku-redis"] = "REDIS",
        ["newrelic"] = "NEW_RELIC",
    };

    private static readonly Dictionary<string, string> LegacySizes = new()
    {
        ["hobby"] = "basic",
        ["free"] = "eco",
        ["1x"] = "standard-1x",
        ["2x"] = "standard-2x",
    };

    public static CorpusExpectation For(string folder)
    {
        var appJson = Load(folder, "app.json") is { } json ? JsonDocument.Parse(json).RootElement : (JsonElement?)null;
        var yml = Load(folder, "heroku.yml") is { } ymlText ? LoadYaml(ymlText) : null;
        var procfileName = ProcfileFor(folder, appJson);
        var procfile = procfileName is null ? [] : ParseProcfile(File.ReadAllText(CorpusFolders.PathOf(folder, procfileName)));

        var run = yml is null ? null : Child(yml, "run") as YamlMappingNode;
        var docker = yml is null ? null : Child(Child(yml, "build"), "docker") as YamlMappingNode;
        List<(string Type, string? Command)> declared;
        string? release;
        if (run is { Children.Count: > 0 } || docker is { Children.Count: > 0 })
        {
            declared = run is { Children.Count: > 0 }
                ? run.Children.Select(e => (Scalar(e.Key)!, RunCommand(e.Value))).Where(p => p.Item1 != "release").ToList()
                : docker!.Children.Select(e => (Scalar(e.Key)!, (string?)null)).ToList();
            release = Child(Child(yml, "release"), "command") is { } command ? CommandText(command) : null;
        }
        else
        {
            declared = procfile.Where(p => p.Type != "release").ToList();
            release = procfile.FirstOrDefault(p => p.Type == "release").Command;
        }

        var formation = appJson is { } root && Last(root, "formation") is { ValueKind: JsonValueKind.Object } f ? f : (JsonElement?)null;
        var processes = declared.Select(p =>
        {
            var entry = formation is { } fm && Last(fm, p.Type) is { ValueKind: JsonValueKind.Object } e ? e : (JsonElement?)null;
            var quantity = entry is { } q && Last(q, "quantity") is { ValueKind: JsonValueKind.Number } n ? n.GetInt32() : p.Type == "web" ? 1 : 0; // Heroku: only web gets a dyno unscaled
            var size = entry is { } s && Last(s, "size") is { ValueKind: JsonValueKind.String } sz ? sz.GetString()!.ToLowerInvariant() : "standard-1x";
            return $"{p.Type}|{p.Command}|{LegacySizes.GetValueOrDefault(size, size)}|{quantity}";
        }).ToArray();

        return new CorpusExpectation(processes, release, ExpectedAddons(appJson, yml), CollectEnvValues(appJson), procfileName);
    }

    private static IReadOnlyList<string> ExpectedAddons(JsonElement? appJson, YamlMappingNode? yml)
    {
        var declarations = new List<(string Plan, string? As)>();
        if (appJson is { } root && Last(root, "addons") is { } addons)
        {
            var items = addons.ValueKind == JsonValueKind.Array ? addons.EnumerateArray().ToArray() : [addons];
            foreach (var item in items)
            {
                if (item.ValueKind == JsonValueKind.String)
                    declarations.Add((item.GetString()!, null));
                else
                    declarations.Add((Last(item, "plan")!.Value.GetString()!, Last(item, "as") is { ValueKind: JsonValueKind.String } a ? a.GetString() : null));
            }
        }

        if (yml is not null && Child(Child(yml, "setup"), "addons") is YamlSequenceNode setup)
        {
            foreach (var item in setup.Children)
            {
                if (item is YamlScalarNode scalar)
                    declarations.Add((scalar.Value!, null));
                else
                    declarations.Add((Scalar(Child(item, "plan"))!, Scalar(Child(item, "as"))));
            }
        }

        var byAttachment = new List<(string Attachment, string Service, string? Plan)>();
        foreach (var (planText, attachAs) in declarations)
        {
            var spec = planText.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0].Split(':');
            var service = spec[0];
            var plan = spec.Length > 1 ? spec[1] : null;
            var attachment = attachAs ?? DefaultAttachments.GetValueOrDefault(service, service.ToUpperInvariant().Replace('-', '_'));
            var index = byAttachment.FindIndex(a => a.Attachment == attachment);
            if (index < 0)
                byAttachment.Add((attachment, service, plan));
            else if (byAttachment[index].Plan is null)
                byAttachment[index] = byAttachment[index] with { Plan = plan };
        }

        return byAttachment
            .Select(a => $"{a.Service}:{a.Plan ?? DefaultPlans.GetValueOrDefault(a.Service, "default")}@{a.Attachment}")
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Every env value a manifest gives (app.json env and environments, heroku.yml config), to prove none is copied.</summary>
    private static IReadOnlyList<string> CollectEnvValues(JsonElement? appJson)
    {
        var values = new List<string>();
        void Collect(JsonElement env)
        {
            foreach (var entry in env.EnumerateObject())
            {
                var value = entry.Value.ValueKind == JsonValueKind.Object && entry.Value.TryGetProperty("value", out var v) ? v : entry.Value;
                if (value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                    values.Add(value.ToString());
            }
        }

        if (appJson is { } root)
        {
            if (Last(root, "env") is { ValueKind: JsonValueKind.Object } env)
                Collect(env);
            if (Last(root, "environments") is { ValueKind: JsonValueKind.Object } environments)
            {
                foreach (var environment in environments.EnumerateObject())
                {
                    if (environment.Value.ValueKind == JsonValueKind.Object && Last(environment.Value, "env") is { ValueKind: JsonValueKind.Object } envOverride)
                        Collect(envOverride);
                }
            }
        }

        return values;
    }

    private static string? ProcfileFor(string folder, JsonElement? appJson)
    {
        // PROCFILE_PATH in app.json env tells Heroku which file holds the processes.
        if (appJson is { } root && Last(root, "env") is { ValueKind: JsonValueKind.Object } env && Last(env, "PROCFILE_PATH") is { } path)
        {
            var text = path.ValueKind == JsonValueKind.String ? path.GetString() : Last(path, "value")?.GetString();
            if (text is not null && File.Exists(CorpusFolders.PathOf(folder, Path.GetFileName(text))))
                return Path.GetFileName(text);
        }

        return File.Exists(CorpusFolders.PathOf(folder, "Procfile")) ? "Procfile" : null;
    }

    private static List<(string Type, string? Command)> ParseProcfile(string text) =>
        text.Split('\n')
            .Select(l => ProcfileLine().Match(l.TrimEnd('\r')))
            .Where(m => m.Success)
            .Select(m => (m.Groups[1].Value, (string?)m.Groups[2].Value.Trim()))
            .ToList();

    private static string? RunCommand(YamlNode node) =>
        node is YamlMappingNode ? (Child(node, "command") is { } command ? CommandText(command) : null) : Scalar(node);

    private static string CommandText(YamlNode node) =>
        node is YamlSequenceNode seq ? string.Join(' ', seq.Children.Select(Scalar)) : Scalar(node)!;

    private static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlNode? node) => (node as YamlScalarNode)?.Value;

    /// <summary>The value of the last property named <paramref name="key"/> (duplicate keys: the last one wins).</summary>
    private static JsonElement? Last(JsonElement obj, string key)
    {
        if (obj.ValueKind != JsonValueKind.Object)
            return null;
        JsonElement? found = null;
        foreach (var property in obj.EnumerateObject())
        {
            if (property.Name == key)
                found = property.Value;
        }

        return found;
    }

    private static string? Load(string folder, string file) =>
        File.Exists(CorpusFolders.PathOf(folder, file)) ? File.ReadAllText(CorpusFolders.PathOf(folder, file)) : null;

    private static YamlMappingNode? LoadYaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode;
    }

    [GeneratedRegex(@"^\s*([A-Za-z0-9_-]+)\s*:\s*(\S.*)$")]
    private static partial Regex ProcfileLine();
}
