namespace HerokuToCloud.Graph;

/// <summary>
/// One Pulumi resource: a logical name unique in the program, a type token as the provider
/// schema spells it (<c>aws:ecs/service:Service</c>), its input properties and its options.
/// </summary>
public sealed record Resource(string Name, string Type)
{
    public MapValue Properties { get; init; } = [];

    public ResourceOptions Options { get; init; } = new();

    /// <summary>The whole resource or one of its outputs, as a value for another resource.</summary>
    public ReferenceValue Ref(string? path = null) => new(Name, path);

    /// <summary>The provider package of the type token ("aws" for "aws:ecs/service:Service").</summary>
    public string Package => Type.StartsWith("pulumi:providers:", StringComparison.Ordinal)
        ? Type["pulumi:providers:".Length..]
        : Type.Split(':')[0];
}

/// <summary>Pulumi resource options; only the ones generated programs use.</summary>
public sealed record ResourceOptions
{
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>Pulumi refuses to delete a protected resource: used for databases.</summary>
    public bool Protect { get; init; }

    /// <summary>Name of an explicit provider resource in the same program.</summary>
    public string? Provider { get; init; }

    public IReadOnlyList<string> IgnoreChanges { get; init; } = [];

    public IReadOnlyList<string> AdditionalSecretOutputs { get; init; } = [];

    public IReadOnlyList<string> ReplaceOnChanges { get; init; } = [];

    public bool DeleteBeforeReplace { get; init; }

    public bool RetainOnDelete { get; init; }

    /// <summary>Create/update/delete timeouts such as "40m", for slow resources like RDS.</summary>
    public CustomTimeouts? CustomTimeouts { get; init; }

    public bool IsEmpty => DependsOn.Count == 0 && !Protect && Provider is null
        && IgnoreChanges.Count == 0 && AdditionalSecretOutputs.Count == 0 && ReplaceOnChanges.Count == 0
        && !DeleteBeforeReplace && !RetainOnDelete && CustomTimeouts is null;
}

public sealed record CustomTimeouts(string? Create = null, string? Update = null, string? Delete = null);
