namespace HerokuToCloud.Graph;

/// <summary>
/// A whole Pulumi program as data: config it reads, variables, resources and outputs, plus
/// the provider packages it pins. Target components build one; the Pulumi YAML writer writes it,
/// the TypeScript translator type-checks it and the policy rules inspect it.
/// </summary>
public sealed class ResourceGraph(string project, string description)
{
    private readonly List<ConfigDeclaration> config = [];
    private readonly List<NamedValue> variables = [];
    private readonly List<Resource> resources = [];
    private readonly List<NamedValue> outputs = [];
    private readonly SortedDictionary<string, string> packages = new(StringComparer.Ordinal);

    public string Project { get; } = project;

    public string Description { get; } = description;

    public IReadOnlyList<ConfigDeclaration> Config => config;

    public IReadOnlyList<NamedValue> Variables => variables;

    public IReadOnlyList<Resource> Resources => resources;

    public IReadOnlyList<NamedValue> Outputs => outputs;

    /// <summary>Provider packages and the exact versions the program pins ("aws" → "7.48.0").</summary>
    public IReadOnlyDictionary<string, string> Packages => packages;

    public void Pin(string package, string version)
    {
        if (packages.TryGetValue(package, out var pinned) && pinned != version)
            throw new InvalidOperationException($"Package {package} is pinned to {pinned} and {version}.");
        packages[package] = version;
    }

    /// <summary>Declares a config key; declaring the same key twice must agree.</summary>
    public ConfigValue Declare(ConfigDeclaration declaration)
    {
        var existing = config.Find(c => c.Key == declaration.Key);
        if (existing is null)
            config.Add(declaration);
        else if (existing != declaration)
            throw new InvalidOperationException($"Config key {declaration.Key} is declared twice, differently.");
        return new ConfigValue(declaration.Key);
    }

    public ReferenceValue AddVariable(string name, Value value)
    {
        EnsureUnique(name);
        variables.Add(new(name, value));
        return new ReferenceValue(name);
    }

    public Resource Add(Resource resource)
    {
        EnsureUnique(resource.Name);
        resources.Add(resource);
        return resource;
    }

    public void AddOutput(string name, Value value)
    {
        if (outputs.Exists(o => o.Name == name))
            throw new InvalidOperationException($"Output {name} is defined twice.");
        outputs.Add(new(name, value));
    }

    public Resource? Find(string name) => resources.Find(r => r.Name == name);

    private void EnsureUnique(string name)
    {
        if (resources.Exists(r => r.Name == name) || variables.Exists(v => v.Name == name))
            throw new InvalidOperationException($"The program already has a resource or variable named {name}.");
    }
}

public sealed record NamedValue(string Name, Value Value);

/// <summary>A config key the program reads. Secret keys are set with <c>pulumi config set --secret</c>.</summary>
public sealed record ConfigDeclaration(string Key, ConfigType Type, bool Secret = false, string? Description = null, Value? Default = null);

public enum ConfigType
{
    String,
    Integer,
    Boolean,
    StringList,
}
