using System.Text.RegularExpressions;

namespace HerokuToCloud.Graph;

/// <summary>
/// What a resource graph must satisfy before it is written: everything <c>pulumi preview</c> would reject
/// for reasons that are not provider schemas (those are the conformance check's job), and the project's
/// own rules: every provider pinned, no secret written in plaintext.
/// </summary>
internal static partial class ProgramChecks
{
    /// <summary>The name Pulumi YAML gives its built-in variable (<c>${pulumi.stack}</c>).</summary>
    public const string BuiltInVariable = "pulumi";

    public static IReadOnlyList<string> Problems(ResourceGraph graph)
    {
        var problems = new List<string>();
        if (!ProjectName().IsMatch(graph.Project))
            problems.Add($"project name \"{graph.Project}\" may only contain letters, digits, '-', '_' and '.'.");

        var resources = graph.Resources.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var config = graph.Config.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var known = resources.Keys.Concat(graph.Variables.Select(v => v.Name)).Concat(config).Append(BuiltInVariable)
            .ToHashSet(StringComparer.Ordinal);

        foreach (var declaration in graph.Config)
            CheckConfig(declaration, resources, graph, problems);

        foreach (var variable in graph.Variables)
        {
            if (variable.Name == BuiltInVariable)
                problems.Add($"variable {variable.Name}: the name is Pulumi YAML's built-in variable.");
            CheckValue(variable.Value, $"variable {variable.Name}", known, config, graph, problems);
        }

        foreach (var resource in graph.Resources)
            CheckResource(resource, resources, known, config, graph, problems);

        foreach (var output in graph.Outputs)
            CheckValue(output.Value, $"output {output.Name}", known, config, graph, problems);

        if (problems.Count == 0)
        {
            try
            {
                ProgramOrder.Sort(graph);
            }
            catch (ResourceGraphException cycle)
            {
                problems.Add(cycle.Message);
            }
        }

        return problems;
    }

    private static void CheckConfig(ConfigDeclaration declaration, Dictionary<string, Resource> resources, ResourceGraph graph, List<string> problems)
    {
        var where = $"config {declaration.Key}";
        if (declaration.Key.Contains(':', StringComparison.Ordinal))
            problems.Add($"{where}: a program declares only its own keys; provider settings such as aws:region belong in the stack file.");
        else if (!PropertyPath.IsPlainName(declaration.Key))
            problems.Add($"{where}: a config key must be a plain name (no '.', '[', ']', '\"', '$', braces or spaces) so ${{{declaration.Key}}} can read it.");
        if (declaration.Key == BuiltInVariable || resources.ContainsKey(declaration.Key) || graph.Variables.Any(v => v.Name == declaration.Key))
            problems.Add($"{where}: config keys, variables and resources share one namespace in Pulumi YAML; rename one of them.");
        if (declaration.Default is { } value && !ConfigTypes.Matches(declaration.Type, value))
            problems.Add($"{where}: the default {Describe(value)} is not a {ConfigTypes.Name(declaration.Type)}.");
        if (declaration.Secret && declaration.Default is not null)
            problems.Add($"{where}: a secret cannot have a default, which would be written in plaintext in Pulumi.yaml.");
    }

    private static void CheckResource(Resource resource, Dictionary<string, Resource> resources, HashSet<string> known,
        HashSet<string> config, ResourceGraph graph, List<string> problems)
    {
        var where = $"resource {resource.Name}";
        if (resource.Name == BuiltInVariable)
            problems.Add($"{where}: the name is Pulumi YAML's built-in variable.");
        if (!TypeToken().IsMatch(resource.Type))
            problems.Add($"{where}: \"{resource.Type}\" is not a type token (package:module:Type).");
        else if (resource.Package != BuiltInVariable && !graph.Packages.ContainsKey(resource.Package))
            problems.Add($"{where}: the program does not pin the version of provider package {resource.Package}; call graph.Pin(\"{resource.Package}\", version).");

        CheckValue(resource.Properties, where, known, config, graph, problems);

        foreach (var dependency in resource.Options.DependsOn)
        {
            if (!resources.ContainsKey(dependency))
                problems.Add($"{where}: dependsOn names {dependency}, which is not a resource of the program.");
        }

        if (resource.Options.Provider is { } provider)
        {
            if (!resources.TryGetValue(provider, out var providerResource))
                problems.Add($"{where}: provider names {provider}, which is not a resource of the program.");
            else if (providerResource.Type != "pulumi:providers:" + resource.Package)
                problems.Add($"{where}: provider {provider} is a {providerResource.Type}, not a pulumi:providers:{resource.Package}.");
        }

        CheckPropertyNames(resource.Options.IgnoreChanges, where, "ignoreChanges", problems);
        CheckPropertyNames(resource.Options.AdditionalSecretOutputs, where, "additionalSecretOutputs", problems);
        CheckPropertyNames(resource.Options.ReplaceOnChanges, where, "replaceOnChanges", problems);
    }

    private static void CheckPropertyNames(IReadOnlyList<string> paths, string where, string option, List<string> problems)
    {
        foreach (var path in paths)
        {
            try
            {
                PropertyPath.Parse(path);
            }
            catch (FormatException ex)
            {
                problems.Add($"{where}: {option}: {ex.Message}");
            }
        }
    }

    private static void CheckValue(Value root, string where, HashSet<string> known, HashSet<string> config, ResourceGraph graph, List<string> problems)
    {
        foreach (var (path, value) in PropertyPath.Walk(root))
        {
            var at = path.IsRoot ? where : $"{where}, property {path}";
            switch (value)
            {
                case MapValue map:
                    foreach (var key in map.Entries.Select(e => e.Key).Where(k => k.StartsWith("fn::", StringComparison.OrdinalIgnoreCase)))
                        problems.Add($"{at}: the key \"{key}\" would be read as a Pulumi YAML function call.");
                    break;
                case ReferenceValue reference:
                    if (!known.Contains(reference.Name))
                        problems.Add($"{at}: ${{{reference.Name}}} names no resource, variable or config key of the program.");
                    if (reference.Path is { } referencePath)
                        CheckPath(referencePath, at, problems);
                    break;
                case ConfigValue configValue when !config.Contains(configValue.Key):
                    problems.Add($"{at}: config key {configValue.Key} is not declared; declare it with graph.Declare.");
                    break;
                case SecretValue secret when !ContainsExpression(secret.Inner):
                    // A literal inside fn::secret is still plaintext in Pulumi.yaml, in git and in every review:
                    // secrets must arrive through secret config or a resource output (random, Secrets Manager).
                    problems.Add($"{at}: fn::secret wraps a literal, which would put the secret in plaintext in Pulumi.yaml; take it from secret config or a resource output.");
                    break;
                case InterpolationValue interpolation:
                    foreach (var part in interpolation.Parts.Where(p => p is not (StringValue or NumberValue or BoolValue or ReferenceValue or ConfigValue)))
                        problems.Add($"{at}: an interpolation can only hold text, references and config values, not {part.GetType().Name}; put the expression in a variable and reference it.");
                    break;
                case InvokeValue invoke:
                    if (!TypeToken().IsMatch(invoke.Function))
                        problems.Add($"{at}: \"{invoke.Function}\" is not a function token (package:module:function).");
                    else if (!graph.Packages.ContainsKey(invoke.Function.Split(':')[0]))
                        problems.Add($"{at}: the program does not pin the version of provider package {invoke.Function.Split(':')[0]}, whose function {invoke.Function} it calls.");
                    if (invoke.Return is { } field && !PropertyPath.IsPlainName(field))
                        problems.Add($"{at}: fn::invoke can only return a top-level field, not \"{field}\".");
                    break;
                case SelectValue select when select.Index < 0:
                    problems.Add($"{at}: fn::select needs a non-negative index, not {select.Index}.");
                    break;
            }
        }
    }

    private static void CheckPath(string path, string at, List<string> problems)
    {
        try
        {
            PropertyPath.Parse(path);
        }
        catch (FormatException ex)
        {
            problems.Add($"{at}: {ex.Message}");
        }
    }

    /// <summary>True when the value is computed from something outside the file (config, a resource, a function).</summary>
    public static bool ContainsExpression(Value value) =>
        PropertyPath.Walk(value).Any(p => p.Value is ReferenceValue or ConfigValue or InvokeValue);

    private static string Describe(Value value) => value switch
    {
        StringValue s => $"\"{s.Text}\"",
        NumberValue n => n.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        BoolValue b => b.Flag ? "true" : "false",
        _ => value.GetType().Name,
    };

    [GeneratedRegex("^[A-Za-z0-9_.-]+$")]
    private static partial Regex ProjectName();

    [GeneratedRegex("^[A-Za-z0-9_.-]+(:[A-Za-z0-9_./-]+){1,2}$")]
    private static partial Regex TypeToken();
}
