using System.Globalization;
using System.Text;

namespace HerokuToCloud.Graph.PulumiYaml;

/// <summary>
/// Writes a <see cref="ResourceGraph"/> as a Pulumi YAML program (<c>Pulumi.yaml</c>) and a
/// <see cref="StackConfig"/> as its stack file (<c>Pulumi.&lt;stack&gt;.yaml</c>), following the Pulumi YAML
/// language reference and the project file reference. The output is deterministic (graph order, fixed
/// key order, '\n' line endings) so a program can be reviewed as a diff and compared byte for byte.
/// </summary>
/// <remarks>
/// <para>
/// Provider versions: every resource and every <c>fn::invoke</c> of a pinned package carries the resource
/// option <c>version</c>. pulumi-yaml collects these options into the program's required plugins
/// (GetReferencedPlugins in pkg/pulumiyaml/packages.go, which rejects conflicting versions) and the engine
/// loads exactly that plugin for the package's default provider. The Pulumi YAML reference prefers a
/// <c>pulumi:providers:&lt;pkg&gt;</c> resource with <c>defaultProvider: true</c>, but such an explicit provider
/// does not read the stack's provider settings (<c>aws:region</c>, <c>kubernetes:context</c>) and is not
/// applied to <c>fn::invoke</c> (pulumi/pulumi-yaml#661), so per-resource versions are the form that pins
/// everything while leaving provider settings in the stack file where <c>pulumi config</c> puts them.
/// Resources that name an explicit provider get their version from that provider resource.
/// </para>
/// <para>
/// The writer refuses a graph that could not run (see <see cref="ResourceGraphException"/>), including a
/// <c>fn::secret</c> around a literal: that would publish the secret in plaintext in the program, in git
/// and in every pull request, while looking protected. Secrets come from secret config or resource outputs.
/// </para>
/// </remarks>
public static class PulumiYamlWriter
{
    public const string ProgramFileName = "Pulumi.yaml";

    public static string StackFileName(string stack) => $"Pulumi.{stack}.yaml";

    /// <summary>The program file: name, runtime, description, config, variables, resources, outputs.</summary>
    public static string Write(ResourceGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var problems = ProgramChecks.Problems(graph);
        if (problems.Count > 0)
            throw ResourceGraphException.From(graph.Project, problems);

        var document = new List<KeyValuePair<string, YamlText>>
        {
            new("name", new YamlString(graph.Project)),
            new("runtime", new YamlString("yaml")),
        };
        if (!string.IsNullOrWhiteSpace(graph.Description))
            document.Add(new("description", new YamlString(graph.Description)));
        if (graph.Config.Count > 0)
            document.Add(new("config", new YamlMap(graph.Config.Select(c => Entry(c.Key, Declaration(c))).ToList())));
        if (graph.Variables.Count > 0)
            document.Add(new("variables", new YamlMap(graph.Variables.Select(v => Entry(v.Name, Expression(v.Value, graph))).ToList())));
        if (graph.Resources.Count > 0)
            document.Add(new("resources", new YamlMap(graph.Resources.Select(r => Entry(r.Name, ResourceEntry(r, graph))).ToList(), Spaced: true)));
        if (graph.Outputs.Count > 0)
            document.Add(new("outputs", new YamlMap(graph.Outputs.Select(o => Entry(o.Name, Expression(o.Value, graph))).ToList())));
        return YamlEmitter.Emit(new YamlMap(document, Spaced: true));
    }

    /// <summary>
    /// The stack file: <c>config:</c> with the program's own keys namespaced by the project
    /// (<c>shop:imageTag</c>) and provider keys as given (<c>aws:region</c>), sorted as <c>pulumi config set</c>
    /// sorts them. Refuses values for undeclared or secret keys and values of the wrong type, and requires a
    /// value for every non-secret key without a default, so <c>pulumi up</c> runs without asking for anything
    /// but the secrets.
    /// </summary>
    public static string WriteStack(ResourceGraph graph, StackConfig stack)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(stack);
        var problems = StackProblems(graph, stack);
        if (problems.Count > 0)
            throw ResourceGraphException.From($"{graph.Project} (stack {stack.Stack})", problems);

        var entries = stack.Values
            .Select(kv => Entry(StackKeys.Qualified(graph.Project, kv.Key), Literal(kv.Value)))
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .ToList();
        return YamlEmitter.Emit(new YamlMap([Entry("config", new YamlMap(entries))]));
    }

    private static List<string> StackProblems(ResourceGraph graph, StackConfig stack)
    {
        var problems = new List<string>();
        if (stack.Stack.Length == 0 || !stack.Stack.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            problems.Add($"stack name \"{stack.Stack}\" may only contain letters, digits, '-', '_' and '.'.");
        foreach (var (key, value) in stack.Values)
        {
            var ownKey = StackKeys.Own(graph.Project, key);
            if (ownKey.Contains(':', StringComparison.Ordinal))
                continue;
            var declaration = graph.Config.FirstOrDefault(c => c.Key == ownKey);
            if (declaration is null)
                problems.Add($"stack config {key}: the program declares no config key {ownKey}.");
            else if (declaration.Secret)
                problems.Add($"stack config {key}: the key is secret; its value is set with `pulumi config set --secret {ownKey}`, never written by heroku2cloud.");
            else if (!ConfigTypes.Matches(declaration.Type, value))
                problems.Add($"stack config {key}: the value is not a {ConfigTypes.Name(declaration.Type)}.");
        }

        foreach (var declaration in graph.Config.Where(c => !c.Secret && c.Default is null))
        {
            if (!stack.Values.ContainsKey(declaration.Key) && !stack.Values.ContainsKey($"{graph.Project}:{declaration.Key}"))
                problems.Add($"config {declaration.Key} has no default and no value in stack {stack.Stack}; `pulumi up` would stop and ask for it.");
        }

        return problems;
    }

    private static KeyValuePair<string, YamlText> Entry(string key, YamlText value) => new(key, value);

    private static YamlMap Declaration(ConfigDeclaration declaration)
    {
        var entries = new List<KeyValuePair<string, YamlText>>
        {
            Entry("type", new YamlString(declaration.Type switch
            {
                ConfigType.String => "string",
                ConfigType.Integer => "integer",
                ConfigType.Boolean => "boolean",
                ConfigType.StringList => "array",
                _ => throw new ArgumentOutOfRangeException(nameof(declaration), declaration.Type, "Unknown config type."),
            })),
        };
        if (declaration.Type == ConfigType.StringList)
            entries.Add(Entry("items", new YamlMap([Entry("type", new YamlString("string"))])));
        if (!string.IsNullOrWhiteSpace(declaration.Description))
            entries.Add(Entry("description", new YamlString(declaration.Description)));
        if (declaration.Secret)
            entries.Add(Entry("secret", new YamlLiteral("true")));
        if (declaration.Default is { } value)
            entries.Add(Entry("default", Literal(value)));
        return new YamlMap(entries);
    }

    private static YamlMap ResourceEntry(Resource resource, ResourceGraph graph)
    {
        var entries = new List<KeyValuePair<string, YamlText>> { Entry("type", new YamlString(resource.Type)) };
        if (resource.Properties.Count > 0)
            entries.Add(Entry("properties", Expression(resource.Properties, graph)));
        var options = Options(resource, graph);
        if (options.Entries.Count > 0)
            entries.Add(Entry("options", options));
        return new YamlMap(entries);
    }

    private static YamlMap Options(Resource resource, ResourceGraph graph)
    {
        var options = resource.Options;
        var entries = new List<KeyValuePair<string, YamlText>>();
        if (options.Provider is { } provider)
            entries.Add(Entry("provider", new YamlString(Interpolation.Reference(provider, null))));
        if (options.DependsOn.Count > 0)
            entries.Add(Entry("dependsOn", new YamlList(options.DependsOn.Select(d => (YamlText)new YamlString(Interpolation.Reference(d, null))).ToList())));
        if (options.Protect)
            entries.Add(Entry("protect", new YamlLiteral("true")));
        AddNames(entries, "ignoreChanges", options.IgnoreChanges);
        AddNames(entries, "additionalSecretOutputs", options.AdditionalSecretOutputs);
        AddNames(entries, "replaceOnChanges", options.ReplaceOnChanges);
        if (options.DeleteBeforeReplace)
            entries.Add(Entry("deleteBeforeReplace", new YamlLiteral("true")));
        if (options.RetainOnDelete)
            entries.Add(Entry("retainOnDelete", new YamlLiteral("true")));
        if (options.CustomTimeouts is { } timeouts)
        {
            var timeoutEntries = new List<KeyValuePair<string, YamlText>>();
            if (timeouts.Create is { } create)
                timeoutEntries.Add(Entry("create", new YamlString(create)));
            if (timeouts.Update is { } update)
                timeoutEntries.Add(Entry("update", new YamlString(update)));
            if (timeouts.Delete is { } delete)
                timeoutEntries.Add(Entry("delete", new YamlString(delete)));
            entries.Add(Entry("customTimeouts", new YamlMap(timeoutEntries)));
        }

        if (options.Provider is null && graph.Packages.TryGetValue(resource.Package, out var version))
            entries.Add(Entry("version", new YamlString(version)));
        return new YamlMap(entries);
    }

    private static void AddNames(List<KeyValuePair<string, YamlText>> entries, string option, IReadOnlyList<string> names)
    {
        if (names.Count > 0)
            entries.Add(Entry(option, new YamlList(names.Select(n => (YamlText)new YamlString(n)).ToList())));
    }

    /// <summary>A value in an expression position, where strings are interpolations and maps may be function calls.</summary>
    private static YamlText Expression(Value value, ResourceGraph graph) => value switch
    {
        StringValue s => new YamlString(Interpolation.Escape(s.Text)),
        NumberValue or BoolValue or NullValue => Literal(value),
        ListValue list => new YamlList(list.Items.Select(i => Expression(i, graph)).ToList()),
        MapValue map => new YamlMap(map.Entries.Select(e => Entry(e.Key, Expression(e.Value, graph))).ToList()),
        ReferenceValue reference => new YamlString(Interpolation.Reference(reference.Name, reference.Path is null ? null : PropertyPath.Parse(reference.Path).ToString())),
        ConfigValue config => new YamlString(Interpolation.Reference(config.Key, null)),
        InterpolationValue interpolation => new YamlString(InterpolatedText(interpolation)),
        SecretValue secret => Function("fn::secret", Expression(secret.Inner, graph)),
        JsonValue json => Function("fn::toJSON", Expression(json.Inner, graph)),
        JoinValue join => Function("fn::join", new YamlList([new YamlString(Interpolation.Escape(join.Delimiter)), Expression(join.Items, graph)])),
        SelectValue select => Function("fn::select", new YamlList([new YamlLiteral(select.Index.ToString(CultureInfo.InvariantCulture)), Expression(select.Items, graph)])),
        InvokeValue invoke => Function("fn::invoke", Invoke(invoke, graph)),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.GetType().Name, "Unknown value form."),
    };

    private static YamlMap Invoke(InvokeValue invoke, ResourceGraph graph)
    {
        var entries = new List<KeyValuePair<string, YamlText>>
        {
            Entry("function", new YamlString(invoke.Function)),
            Entry("arguments", Expression(invoke.Arguments, graph)),
        };
        if (graph.Packages.TryGetValue(invoke.Function.Split(':')[0], out var version))
            entries.Add(Entry("options", new YamlMap([Entry("version", new YamlString(version))])));
        if (invoke.Return is { } field)
            entries.Add(Entry("return", new YamlString(field)));
        return new YamlMap(entries);
    }

    private static YamlMap Function(string name, YamlText argument) => new([Entry(name, argument)]);

    private static string InterpolatedText(InterpolationValue interpolation)
    {
        var text = new StringBuilder();
        foreach (var part in interpolation.Parts)
        {
            switch (part)
            {
                case ReferenceValue reference:
                    // Escaped text ends in an odd run of '$' (the last one undoubled because nothing followed it);
                    // before "${" it must be doubled too, or it would merge into an escape.
                    if (EndsWithOddDollars(text))
                        text.Append('$');
                    text.Append(Interpolation.Reference(reference.Name, reference.Path is null ? null : PropertyPath.Parse(reference.Path).ToString()));
                    break;
                case ConfigValue config:
                    if (EndsWithOddDollars(text))
                        text.Append('$');
                    text.Append(Interpolation.Reference(config.Key, null));
                    break;
                default:
                    text.Append(Interpolation.Escape(LiteralText(part)));
                    break;
            }
        }

        return text.ToString();
    }

    private static bool EndsWithOddDollars(StringBuilder text)
    {
        var count = 0;
        for (var i = text.Length - 1; i >= 0 && text[i] == '$'; i--)
            count++;
        return count % 2 == 1;
    }

    private static string LiteralText(Value part) => part switch
    {
        StringValue s => s.Text,
        NumberValue n => FormatNumber(n.Number),
        BoolValue b => b.Flag ? "true" : "false",
        _ => throw new ArgumentOutOfRangeException(nameof(part), part.GetType().Name, "Not literal text."),
    };

    /// <summary>A literal outside expressions (config defaults, stack values): no interpolation escaping.</summary>
    private static YamlText Literal(Value value) => value switch
    {
        StringValue s => new YamlString(s.Text),
        NumberValue n => new YamlLiteral(FormatNumber(n.Number)),
        BoolValue b => new YamlLiteral(b.Flag ? "true" : "false"),
        NullValue => new YamlLiteral("null"),
        ListValue list => new YamlList(list.Items.Select(Literal).ToList()),
        MapValue map => new YamlMap(map.Entries.Select(e => Entry(e.Key, Literal(e.Value))).ToList()),
        _ => throw new ResourceGraphException($"{value.GetType().Name} is an expression and cannot be a literal config value."),
    };

    /// <summary>Shortest exact decimal text: 2, 0.5, 1.25 (no trailing zeros, no exponent).</summary>
    internal static string FormatNumber(decimal number) =>
        (number / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
