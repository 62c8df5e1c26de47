namespace HerokuToCloud.Inventory.Readers.Manifests;

/// <summary>What an app.json says, checked and stripped of every config var value.</summary>
internal sealed record AppJsonManifest
{
    public string? Name { get; init; }

    public string? Stack { get; init; }

    /// <summary>Null when app.json has no "buildpacks" key (an empty list is an explicit choice).</summary>
    public IReadOnlyList<string>? Buildpacks { get; init; }

    public IReadOnlyList<EnvDeclaration> Env { get; init; } = [];

    public IReadOnlyList<FormationDeclaration> Formation { get; init; } = [];

    public IReadOnlyList<AddonDeclaration> Addons { get; init; } = [];

    public string? PostDeploy { get; init; }

    /// <summary>Things app.json says that the inventory has no field for, as sentences.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>An app.json env entry. Whether it had a value is kept; the value itself never is.</summary>
internal sealed record EnvDeclaration(
    string Name,
    string? Description,
    bool Required,
    bool Generated,
    bool HasValue,
    string? ReferencedVar,
    SourceLocation Where);

/// <summary>An app.json formation entry: dyno size (canonical name) and count for one process type.</summary>
internal sealed record FormationDeclaration(string Type, int? Quantity, string? Size, string? SizeAsWritten, SourceLocation Where);
