namespace HerokuToCloud.Inventory.Readers.PlatformApi.Resources;

/// <summary>GET /apps/{app}: the fields of the app resource the inventory uses.</summary>
internal sealed record AppResource
{
    public string? Id { get; init; }

    public required string Name { get; init; }

    public NamedReference? Region { get; init; }

    /// <summary>The stack the current release runs on.</summary>
    public NamedReference? Stack { get; init; }

    /// <summary>The stack the next build will use; differs from <see cref="Stack"/> during a stack upgrade.</summary>
    public NamedReference? BuildStack { get; init; }

    /// <summary>"cedar" or "fir".</summary>
    public NamedReference? Generation { get; init; }

    public SpaceReference? Space { get; init; }

    public bool? InternalRouting { get; init; }

    public bool Maintenance { get; init; }
}

/// <summary>The Private Space an app runs in.</summary>
internal sealed record SpaceReference
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public bool Shield { get; init; }
}
