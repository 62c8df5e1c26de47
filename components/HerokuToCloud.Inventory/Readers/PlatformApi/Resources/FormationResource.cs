namespace HerokuToCloud.Inventory.Readers.PlatformApi.Resources;

/// <summary>GET /apps/{app}/formation: one process type, its command and how many dynos of which size.</summary>
internal sealed record FormationResource
{
    public required string Type { get; init; }

    public string? Command { get; init; }

    public int Quantity { get; init; }

    public NamedReference? DynoSize { get; init; }

    /// <summary>Deprecated spelling of the size ("standard-1X"); read only when dyno_size is absent.</summary>
    public string? Size { get; init; }
}
