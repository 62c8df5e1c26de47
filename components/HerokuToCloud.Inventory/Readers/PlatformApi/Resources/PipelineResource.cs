namespace HerokuToCloud.Inventory.Readers.PlatformApi.Resources;

/// <summary>GET /pipelines/{id}: a coupling names its pipeline by id only, so the name comes from here.</summary>
internal sealed record PipelineResource
{
    public string? Id { get; init; }

    public required string Name { get; init; }
}
