namespace HerokuToCloud.Inventory.Readers.PlatformApi.Resources;

/// <summary>GET /apps/{app}/features: an app feature (preboot, runtime-dyno-metadata ...) and whether it is on.</summary>
internal sealed record AppFeatureResource
{
    public required string Name { get; init; }

    public bool Enabled { get; init; }
}
