namespace HerokuToCloud.Inventory.Readers.PlatformApi.Resources;

/// <summary>GET /apps/{app}/pipeline-couplings: the app's pipeline (by id only) and its stage there.</summary>
internal sealed record PipelineCouplingResource
{
    public NamedReference? Pipeline { get; init; }

    /// <summary>"test", "review", "development", "staging" or "production".</summary>
    public string? Stage { get; init; }
}
