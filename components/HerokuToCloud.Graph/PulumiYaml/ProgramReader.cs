using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HerokuToCloud.Graph.PulumiYaml;

/// <summary>Reads one Pulumi.yaml into a graph; see <see cref="PulumiYamlReader"/>.</summary>
internal sealed class ProgramReader(string fileName, YamlMappingNode root)
{
    private static readonly HashSet<string> IgnoredProjectKeys = new(StringComparer.Ordinal) { "backend", "options", "template", "pulumi" };

    private readonly HashSet<string> configKeys = new(StringComparer.Ordinal);
    private readonly HashSet<string> names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Version, YamlNode Node)> pins = new(StringComparer.Ordinal);

    public ResourceGraph Read()
    {
        var sections = new Dictionary<string, (YamlNode Key, YamlNode Value)>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = Key(keyNode);
            switch (key)
            {
                case "name" or "runtime" or "description" or "config" or "variables" or "resources" or "outputs":
                    sections[key] = (keyNode, valueNode);
                    break;
                case "configuration":
                    throw Error(keyNode, "the beta `configuration:` section is not supported; declare config under `config:` with type, default and secret.");
                case var ignored when IgnoredProjectKeys.Contains(ignored):
                    break;
                default:
                    throw Error(keyNode, $"\"{key}\" is not a section heroku2cloud reads (name, runtime, description, config, variables, resources, outputs).");
            }
        }

        var project = sections.TryGetValue("name", out var name) ? Text(name.Value, "name") : throw Error(root, "the program has no `name:`.");
        if (!sections.TryGetValue("runtime", out var runtime))
            throw Error(root, "the program has no `runtime:`; heroku2cloud programs are `runtime: yaml`.");
        var runtimeName = runtime.Value is YamlMappingNode runtimeMap && Child(runtimeMap, "name") is { } runtimeNameNode
            ? Text(runtimeNameNode, "runtime.name")
            : Text(runtime.Value, "runtime");
        if (runtimeName != "yaml")
            throw Error(runtime.Value, $"runtime is {runtimeName}; heroku2cloud reads Pulumi YAML programs (`runtime: yaml`).");
        var description = sections.TryGetValue("description", out var descriptionNode) ? Text(descriptionNode.Value, "description") : "";

        var graph = new ResourceGraph(project, description);
        var config = Mapping(sections, "config");
        var variables = Mapping(sections, "variables");
        var resources = Mapping(sections, "resources");
        var outputs = Mapping(sections, "outputs");

        // Config keys, variables and resources share one namespace, and any of them may be referenced
        // before it is declared: collect the names first, then read the values.
        foreach (var (keyNode, _) in Entries(config))
            Declare(keyNode, configKeys);
        foreach (var (keyNode, _) in Entries(variables))
            Declare(keyNode, names);
        foreach (var (keyNode, _) in Entries(resources))
            Declare(keyNode, names);

        foreach (var (keyNode, valueNode) in Entries(config))
            graph.Declare(ConfigDeclaration(Key(keyNode), valueNode));
        foreach (var (keyNode, valueNode) in Entries(variables))
            graph.AddVariable(Key(keyNode), Expression(valueNode));
        foreach (var (keyNode, valueNode) in Entries(resources))
            graph.Add(Resource(Key(keyNode), valueNode, resources!));
        foreach (var (keyNode, valueNode) in Entries(outputs))
            graph.AddOutput(Key(keyNode), Expression(valueNode));

        foreach (var (package, (version, _)) in pins)
            graph.Pin(package, version);
        CheckResourceReferences(graph, resources);
        return graph;
    }

    private void Declare(YamlNode keyNode, HashSet<string> into)
    {
        var key = Key(keyNode);
        if (key == ProgramChecks.BuiltInVariable)
            throw Error(keyNode, "\"pulumi\" is Pulumi YAML's built-in variable; choose another name.");
        if (configKeys.Contains(key) || names.Contains(key) || !into.Add(key))
            throw Error(keyNode, $"\"{key}\" is declared twice; config keys, variables and resources share one namespace.");
    }

    private ConfigDeclaration ConfigDeclaration(string key, YamlNode node)
    {
        if (key.Contains(':', StringComparison.Ordinal))
            throw Error(node, $"config {key}: provider settings belong in the stack file (Pulumi.<stack>.yaml), not in the program.");
        if (node is not YamlMappingNode declaration)
        {
            // Shorthand: `replicas: 3` declares a key with a default and the default's type.
            var value = ConfigLiteral(node, key);
            var type = value switch
            {
                StringValue => ConfigType.String,
                NumberValue n when decimal.Truncate(n.Number) == n.Number => ConfigType.Integer,
                BoolValue => ConfigType.Boolean,
                ListValue list when list.Items.All(i => i is StringValue) => ConfigType.StringList,
                _ => throw Error(node, $"config {key}: the default has no config type heroku2cloud uses (string, integer, boolean, list of strings)."),
            };
            return new ConfigDeclaration(key, type, Default: value);
        }

        ConfigType? configType = null;
        var secret = false;
        string? description = null;
        Value? defaultValue = null;
        YamlNode? defaultNode = null;
        var hasItems = false;
        foreach (var (propertyKeyNode, propertyNode) in declaration.Children)
        {
            switch (Key(propertyKeyNode))
            {
                case "type":
                    configType = Text(propertyNode, $"config {key}.type") switch
                    {
                        "string" => ConfigType.String,
                        "integer" => ConfigType.Integer,
                        "boolean" => ConfigType.Boolean,
                        "array" => ConfigType.StringList,
                        var other => throw Error(propertyNode, $"config {key}: type {other} is not one heroku2cloud uses (string, integer, boolean, array of string)."),
                    };
                    break;
                case "items":
                    if (propertyNode is not YamlMappingNode items || items.Children.Count != 1 || Child(items, "type") is not { } itemType || Text(itemType, $"config {key}.items.type") != "string")
                        throw Error(propertyNode, $"config {key}: arrays must be `items: {{type: string}}`.");
                    hasItems = true;
                    break;
                case "secret":
                    secret = Flag(propertyNode, $"config {key}.secret");
                    break;
                case "description":
                    description = Text(propertyNode, $"config {key}.description");
                    break;
                case "default":
                    defaultValue = ConfigLiteral(propertyNode, key);
                    defaultNode = propertyNode;
                    break;
                case "value":
                    throw Error(propertyKeyNode, $"config {key}: `value:` sets another package's setting; put it in the stack file.");
                case var other:
                    throw Error(propertyKeyNode, $"config {key}: \"{other}\" is not a config property (type, items, description, secret, default).");
            }
        }

        if (configType is not { } resolved)
            throw Error(declaration, $"config {key} has no type.");
        if (resolved == ConfigType.StringList && !hasItems)
            throw Error(declaration, $"config {key}: an array needs `items: {{type: string}}`.");
        if (defaultValue is not null && !ConfigTypes.Matches(resolved, defaultValue))
            throw Error(defaultNode!, $"config {key}: the default is not a {ConfigTypes.Name(resolved)}.");
        return new ConfigDeclaration(key, resolved, secret, description, defaultValue);
    }

    private Value ConfigLiteral(YamlNode node, string key) => node switch
    {
        YamlScalarNode { Style: ScalarStyle.Plain } scalar => Plain(scalar) is NullValue
            ? throw Error(node, $"config {key}: the default is empty.")
            : Plain(scalar),
        YamlScalarNode scalar => new StringValue(scalar.Value ?? ""),
        YamlSequenceNode list => new ListValue(list.Children.Select(item => ConfigLiteral(item, key)).ToList()),
        _ => throw Error(node, $"config {key}: object values are not used by heroku2cloud programs."),
    };

    private Resource Resource(string name, YamlNode node, YamlMappingNode resources)
    {
        if (node is not YamlMappingNode body)
            throw Error(node, $"resource {name} must be a mapping with type:, properties: and options:.");
        string? type = null;
        var properties = new MapValue();
        var options = new ResourceOptions();
        YamlMappingNode? optionsNode = null;
        foreach (var (keyNode, valueNode) in body.Children)
        {
            switch (Key(keyNode))
            {
                case "type":
                    type = Text(valueNode, $"resource {name}.type");
                    if (type.Split(':').Length is < 2 or > 3 || type.Split(':').Any(p => p.Length == 0))
                        throw Error(valueNode, $"resource {name}: \"{type}\" is not a type token (package:module:Type).");
                    break;
                case "properties":
                    if (Expression(valueNode) is not MapValue map)
                        throw Error(valueNode, $"resource {name}: properties must be a mapping.");
                    properties = map;
                    break;
                case "options":
                    optionsNode = valueNode as YamlMappingNode ?? throw Error(valueNode, $"resource {name}: options must be a mapping.");
                    break;
                case "defaultProvider" or "get":
                    throw Error(keyNode, $"resource {name}: `{Key(keyNode)}` is not supported by heroku2cloud; pin providers with options.version and name explicit providers with options.provider.");
                case var other:
                    throw Error(keyNode, $"resource {name}: \"{other}\" is not a resource key (type, properties, options).");
            }
        }

        if (type is null)
            throw Error(node, $"resource {name} has no type.");
        var resource = new Resource(name, type) { Properties = properties };
        if (optionsNode is not null)
            options = Options(resource, optionsNode, resources);
        return resource with { Options = options };
    }

    private ResourceOptions Options(Resource resource, YamlMappingNode node, YamlMappingNode resources)
    {
        var options = new ResourceOptions();
        var where = $"resource {resource.Name}: options";
        foreach (var (keyNode, valueNode) in node.Children)
        {
            var key = Key(keyNode);
            options = key switch
            {
                "provider" => options with { Provider = ResourceName(valueNode, $"{where}.provider", resources) },
                "dependsOn" => options with { DependsOn = Items(valueNode, $"{where}.dependsOn").Select(i => ResourceName(i, $"{where}.dependsOn", resources)).ToList() },
                "protect" => options with { Protect = Flag(valueNode, $"{where}.protect") },
                "ignoreChanges" => options with { IgnoreChanges = PropertyNames(valueNode, $"{where}.ignoreChanges") },
                "additionalSecretOutputs" => options with { AdditionalSecretOutputs = PropertyNames(valueNode, $"{where}.additionalSecretOutputs") },
                "replaceOnChanges" => options with { ReplaceOnChanges = PropertyNames(valueNode, $"{where}.replaceOnChanges") },
                "deleteBeforeReplace" => options with { DeleteBeforeReplace = Flag(valueNode, $"{where}.deleteBeforeReplace") },
                "retainOnDelete" => options with { RetainOnDelete = Flag(valueNode, $"{where}.retainOnDelete") },
                "customTimeouts" => options with { CustomTimeouts = Timeouts(valueNode, $"{where}.customTimeouts") },
                "version" => PinFrom(resource.Package, valueNode, $"{where}.version", options),
                _ => throw Error(keyNode, $"{where}: \"{key}\" is not an option heroku2cloud reads (provider, dependsOn, protect, ignoreChanges, additionalSecretOutputs, replaceOnChanges, deleteBeforeReplace, retainOnDelete, customTimeouts, version)."),
            };
        }

        return options;
    }

    private ResourceOptions PinFrom(string package, YamlNode node, string where, ResourceOptions options)
    {
        Pin(package, Text(node, where), node);
        return options;
    }

    private void Pin(string package, string version, YamlNode node)
    {
        if (pins.TryGetValue(package, out var pinned) && pinned.Version != version)
            throw Error(node, $"provider {package} is pinned to {pinned.Version} at line {pinned.Node.Start.Line} and to {version} here; a program uses one version per provider.");
        pins.TryAdd(package, (version, node));
    }

    private CustomTimeouts Timeouts(YamlNode node, string where)
    {
        if (node is not YamlMappingNode map)
            throw Error(node, $"{where} must be a mapping of create/update/delete to durations such as 40m.");
        var timeouts = new CustomTimeouts();
        foreach (var (keyNode, valueNode) in map.Children)
        {
            timeouts = Key(keyNode) switch
            {
                "create" => timeouts with { Create = Text(valueNode, $"{where}.create") },
                "update" => timeouts with { Update = Text(valueNode, $"{where}.update") },
                "delete" => timeouts with { Delete = Text(valueNode, $"{where}.delete") },
                var other => throw Error(keyNode, $"{where}: \"{other}\" is not create, update or delete."),
            };
        }

        return timeouts;
    }

    private string ResourceName(YamlNode node, string where, YamlMappingNode resources)
    {
        var value = Expression(node);
        if (value is not ReferenceValue { Path: null } reference)
            throw Error(node, $"{where} must name a resource as ${{name}}.");
        if (!resources.Children.Keys.Any(k => k is YamlScalarNode { Value: var n } && n == reference.Name))
            throw Error(node, $"{where}: {reference.Name} is not a resource of the program.");
        return reference.Name;
    }

    private List<string> PropertyNames(YamlNode node, string where) =>
        Items(node, where).Select(item =>
        {
            var path = Text(item, where);
            try
            {
                PropertyPath.Parse(path);
            }
            catch (FormatException ex)
            {
                throw Error(item, $"{where}: {ex.Message}");
            }

            return path;
        }).ToList();

    private IEnumerable<YamlNode> Items(YamlNode node, string where) =>
        node is YamlSequenceNode list ? list.Children : throw Error(node, $"{where} must be a list.");

    /// <summary>A value where Pulumi YAML evaluates expressions: strings interpolate, <c>fn::</c> maps call functions.</summary>
    private Value Expression(YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode { Style: ScalarStyle.Plain } scalar when Plain(scalar) is not StringValue:
                return Plain(scalar);
            case YamlScalarNode scalar:
                return Interpolated(scalar.Value ?? "", scalar);
            case YamlSequenceNode list:
                return new ListValue(list.Children.Select(Expression).ToList());
            case YamlMappingNode map:
                var functionKeys = map.Children.Keys.Where(k => Key(k).StartsWith("fn::", StringComparison.OrdinalIgnoreCase)).ToList();
                if (functionKeys.Count > 0)
                {
                    if (map.Children.Count > 1)
                        throw Error(functionKeys[0], $"{Key(functionKeys[0])} must be the only key of its mapping.");
                    return Function(functionKeys[0], map.Children[functionKeys[0]]);
                }

                var result = new MapValue();
                foreach (var (keyNode, valueNode) in map.Children)
                    result.Add(Key(keyNode), Expression(valueNode));
                return result;
            default:
                throw Error(node, "unexpected YAML node.");
        }
    }

    private Value Function(YamlNode keyNode, YamlNode argument)
    {
        var name = Key(keyNode);
        switch (name.ToLowerInvariant())
        {
            case "fn::secret":
                return new SecretValue(Expression(argument));
            case "fn::tojson":
                return new JsonValue(Expression(argument));
            case "fn::join":
            {
                var (first, second) = Pair(argument, name, "a delimiter and a list");
                if (Expression(first) is not StringValue delimiter)
                    throw Error(first, $"{name}: the delimiter must be literal text.");
                return new JoinValue(delimiter.Text, Expression(second));
            }

            case "fn::select":
            {
                var (first, second) = Pair(argument, name, "an index and a list");
                if (Expression(first) is not NumberValue { Number: var index } || index < 0 || decimal.Truncate(index) != index || index > int.MaxValue)
                    throw Error(first, $"{name}: the index must be a non-negative whole number.");
                return new SelectValue((int)index, Expression(second));
            }

            case "fn::invoke":
                return Invoke(argument, name);
            default:
                throw Error(keyNode, $"{name} is not a function heroku2cloud reads (fn::secret, fn::toJSON, fn::join, fn::select, fn::invoke).");
        }
    }

    private (YamlNode First, YamlNode Second) Pair(YamlNode node, string function, string what) =>
        node is YamlSequenceNode { Children.Count: 2 } list
            ? (list.Children[0], list.Children[1])
            : throw Error(node, $"{function} takes a list of two items: {what}.");

    private InvokeValue Invoke(YamlNode node, string name)
    {
        if (node is not YamlMappingNode map)
            throw Error(node, $"{name} takes a mapping with function:, arguments: and return:.");
        string? function = null;
        YamlNode? versionNode = null;
        string? version = null;
        string? result = null;
        var arguments = new MapValue();
        foreach (var (keyNode, valueNode) in map.Children)
        {
            switch (Key(keyNode))
            {
                case "function":
                    function = Text(valueNode, $"{name}.function");
                    if (function.Split(':').Length is < 2 or > 3 || function.Split(':').Any(p => p.Length == 0))
                        throw Error(valueNode, $"{name}: \"{function}\" is not a function token (package:module:function).");
                    break;
                case "arguments":
                    arguments = Expression(valueNode) as MapValue ?? throw Error(valueNode, $"{name}.arguments must be a mapping.");
                    break;
                case "return":
                    result = Text(valueNode, $"{name}.return");
                    break;
                case "options":
                    if (valueNode is not YamlMappingNode invokeOptions)
                        throw Error(valueNode, $"{name}.options must be a mapping.");
                    foreach (var (optionKey, optionValue) in invokeOptions.Children)
                    {
                        if (Key(optionKey) != "version")
                            throw Error(optionKey, $"{name}.options: \"{Key(optionKey)}\" is not supported; heroku2cloud reads only version.");
                        versionNode = optionValue;
                        version = Text(optionValue, $"{name}.options.version");
                    }

                    break;
                case var other:
                    throw Error(keyNode, $"{name}: \"{other}\" is not function, arguments, options or return.");
            }
        }

        if (function is null)
            throw Error(node, $"{name} has no function:.");
        if (version is not null)
            Pin(function.Split(':')[0], version, versionNode!);
        return new InvokeValue(function, arguments, result);
    }

    /// <summary>A string in an expression position: literal text, one substituted value, or an interpolation.</summary>
    private Value Interpolated(string text, YamlNode node)
    {
        IReadOnlyList<Interpolation.Part> parts;
        try
        {
            parts = Interpolation.Parse(text);
        }
        catch (FormatException ex)
        {
            throw Error(node, ex.Message);
        }

        if (parts.Count == 0)
            return new StringValue("");
        if (parts is [{ Text: { } only }])
            return new StringValue(only);
        if (parts is [{ Root: { } root, Path: var path }])
            return Access(root, path, node);
        return new InterpolationValue(parts.Select(p => p.Text is { } literal ? new StringValue(literal) : Access(p.Root!, p.Path, node)).ToList());
    }

    private Value Access(string root, string? path, YamlNode node)
    {
        if (configKeys.Contains(root))
        {
            return path is null
                ? new ConfigValue(root)
                : throw Error(node, $"${{{root}.{path}}}: heroku2cloud reads config values whole; {root} has no parts to access.");
        }

        if (names.Contains(root) || root == ProgramChecks.BuiltInVariable)
            return new ReferenceValue(root, path);
        throw Error(node, $"${{{root}{(path is null ? "" : path.StartsWith('[') ? path : "." + path)}}}: {root} is no config key, variable or resource of this program.");
    }

    /// <summary>Checks what only the whole program can tell: explicit providers match their resources' packages.</summary>
    private void CheckResourceReferences(ResourceGraph graph, YamlMappingNode? resources)
    {
        foreach (var resource in graph.Resources)
        {
            if (resource.Options.Provider is { } provider && graph.Find(provider) is { } providerResource
                && providerResource.Type != "pulumi:providers:" + resource.Package)
            {
                var node = resources!.Children.First(c => Key(c.Key) == resource.Name).Value;
                throw Error(node, $"resource {resource.Name}: provider {provider} is a {providerResource.Type}, not a pulumi:providers:{resource.Package}.");
            }
        }
    }

    private Value Plain(YamlScalarNode scalar)
    {
        var (value, error) = YamlScalarResolution.ResolvePlain(scalar.Value ?? "");
        return value ?? throw Error(scalar, error!);
    }

    private YamlMappingNode? Mapping(Dictionary<string, (YamlNode Key, YamlNode Value)> sections, string name)
    {
        if (!sections.TryGetValue(name, out var section))
            return null;
        return section.Value switch
        {
            YamlMappingNode map => map,
            YamlScalarNode { Style: ScalarStyle.Plain, Value: "" or "~" or "null" } => null,
            _ => throw Error(section.Value, $"{name}: must be a mapping of names to entries."),
        };
    }

    private static IEnumerable<KeyValuePair<YamlNode, YamlNode>> Entries(YamlMappingNode? map) =>
        map?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>();

    private string Text(YamlNode node, string what) => node switch
    {
        YamlScalarNode { Style: ScalarStyle.Plain } scalar when Plain(scalar) is NumberValue or BoolValue => scalar.Value!,
        YamlScalarNode { Style: ScalarStyle.Plain } scalar when Plain(scalar) is NullValue => throw Error(node, $"{what} is empty."),
        YamlScalarNode scalar => scalar.Value ?? "",
        _ => throw Error(node, $"{what} must be text."),
    };

    private bool Flag(YamlNode node, string what) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain } scalar && Plain(scalar) is BoolValue flag
            ? flag.Flag
            : throw Error(node, $"{what} must be true or false.");

    private string Key(YamlNode node) => PulumiYamlReader.ScalarKey(node, fileName);

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: var k } && k == key).Value;

    private PulumiYamlException Error(YamlNode node, string problem) => PulumiYamlReader.Error(fileName, node, problem);
}
