namespace HerokuToCloud.Inventory.Readers.Manifests;

/// <summary>What an app.json says, checked; config var values stay in <see cref="EnvDeclaration"/>, out of the inventory.</summary>
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

/// <summary>
/// An app.json env entry. <paramref name="Value"/> is the literal default it declares (null when none): it
/// never enters the inventory, only <see cref="ManifestValues"/> reads it, for <c>capture --secrets-out</c>.
/// </summary>
internal sealed record EnvDeclaration(
    string Name,
    string? Description,
    bool Required,
    bool Generated,
    string? Value,
    string? ReferencedVar,
    SourceLocation Where);

/// <summary>An app.json formation entry: dyno size (canonical name) and count for one process type.</summary>
internal sealed record FormationDeclaration(string Type, int? Quantity, string? Size, string? SizeAsWritten, SourceLocation Where);
