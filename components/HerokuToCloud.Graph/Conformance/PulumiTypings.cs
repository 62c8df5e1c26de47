using System.Text.Json;
using System.Text.RegularExpressions;

namespace HerokuToCloud.Graph.Conformance;

/// <summary>
/// The resource types and functions the pinned provider SDKs define, read from their compiled JavaScript
/// (<c>static __pulumiType = 'aws:ecs/service:Service'</c>, <c>invoke("aws:index/getAvailabilityZones:...")</c>).
/// Type tokens are strings the compiler cannot check, so this catalog resolves them the way pulumi-yaml
/// does (pkg/pulumiyaml/packages.go): exact token, then <c>pkg:index:Type</c> for <c>pkg:Type</c>, then
/// <c>pkg:mod/type:Type</c> for <c>pkg:mod:Type</c>.
/// </summary>
public sealed partial class PulumiTypings
{
    private readonly Dictionary<string, string> versions;
    private readonly HashSet<string> resources;
    private readonly HashSet<string> functions;
    private readonly Dictionary<string, string> modules;

    private PulumiTypings(Dictionary<string, string> versions, HashSet<string> resources, HashSet<string> functions, Dictionary<string, string> modules)
    {
        this.versions = versions;
        this.resources = resources;
        this.functions = functions;
        this.modules = modules;
    }

    /// <summary>Token → the SDK folder defining it, as package/module path ("aws/ecs", "kubernetes/apps/v1"); for tests of the naming rules.</summary>
    internal IReadOnlyDictionary<string, string> Modules => modules;

    /// <summary>Provider packages and their versions ("aws" → "7.48.0").</summary>
    public IReadOnlyDictionary<string, string> Versions => versions;

    public IReadOnlyCollection<string> ResourceTypes => resources;

    public IReadOnlyCollection<string> Functions => functions;

    public static PulumiTypings Load(string nodeModulesDirectory)
    {
        var scope = Path.Combine(nodeModulesDirectory, "@pulumi");
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        var resources = new HashSet<string>(StringComparer.Ordinal);
        var functions = new HashSet<string>(StringComparer.Ordinal);
        var modules = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var packageDirectory in Directory.EnumerateDirectories(scope).Order(StringComparer.Ordinal))
        {
            var manifest = Path.Combine(packageDirectory, "package.json");
            if (!File.Exists(manifest))
                continue;
            using var json = JsonDocument.Parse(File.ReadAllText(manifest));
            if (!json.RootElement.TryGetProperty("pulumi", out var plugin) || !plugin.TryGetProperty("resource", out var isResource) || !isResource.GetBoolean())
                continue;
            var name = plugin.GetProperty("name").GetString()!;
            var version = plugin.TryGetProperty("version", out var pluginVersion) ? pluginVersion.GetString()! : json.RootElement.GetProperty("version").GetString()!;
            versions[name] = version.TrimStart('v');

            foreach (var file in Directory.EnumerateFiles(packageDirectory, "*.js", SearchOption.AllDirectories))
            {
                // A package may carry its own node_modules; only its own code defines its tokens.
                if (Path.GetRelativePath(packageDirectory, file).Split(Path.DirectorySeparatorChar).Contains("node_modules"))
                    continue;
                var code = File.ReadAllText(file);
                var module = Path.GetRelativePath(scope, Path.GetDirectoryName(file)!).Replace(Path.DirectorySeparatorChar, '/');
                foreach (Match match in ResourceToken().Matches(code))
                {
                    if (match.Groups[1].Value.Contains(':', StringComparison.Ordinal) && resources.Add(match.Groups[1].Value))
                        modules[match.Groups[1].Value] = module;
                }

                foreach (Match match in FunctionToken().Matches(code))
                {
                    if (functions.Add(match.Groups[1].Value))
                        modules[match.Groups[1].Value] = module;
                }
            }
        }

        return new PulumiTypings(versions, resources, functions, modules);
    }

    /// <summary>The canonical token a program's resource type resolves to, or null when no provider defines it.</summary>
    public string? ResolveResource(string token)
    {
        var parts = token.Split(':');
        if (parts is ["pulumi", "providers", var package])
            return versions.ContainsKey(package) ? token : null;
        if (token == "pulumi:pulumi:StackReference")
            return token;
        return Resolve(token, resources);
    }

    public string? ResolveFunction(string token) => Resolve(token, functions);

    private static string? Resolve(string token, HashSet<string> known)
    {
        if (known.Contains(token))
            return token;
        var parts = token.Split(':');
        if (parts.Length == 2)
        {
            var index = $"{parts[0]}:index:{parts[1]}";
            if (known.Contains(index))
                return index;
            parts = [parts[0], "index", parts[1]];
        }

        if (parts.Length == 3)
        {
            var expanded = $"{parts[0]}:{parts[1]}/{LowerCamel(parts[2])}:{parts[2]}";
            if (known.Contains(expanded))
                return expanded;
        }

        return null;
    }

    /// <summary>strcase.ToLowerCamel as pulumi-yaml uses it: first letter and letters following a capital lowered.</summary>
    internal static string LowerCamel(string name)
    {
        var result = name.ToCharArray();
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsAsciiLetterUpper(name[i]) && (i == 0 || char.IsAsciiLetterUpper(name[i - 1])))
                result[i] = char.ToLowerInvariant(name[i]);
        }

        return new string(result);
    }

    [GeneratedRegex(@"__pulumiType = '([^']+)'")]
    private static partial Regex ResourceToken();

    [GeneratedRegex(@"\binvoke(?:Output|Single|SingleOutput)?\(""([^""]+)""")]
    private static partial Regex FunctionToken();
}
