namespace HerokuToCloud.Inventory.Readers.PlatformApi;

/// <summary>What to capture from the Platform API.</summary>
public sealed record PlatformCaptureRequest
{
    /// <summary>App names (or ids), in the order the inventory lists them.</summary>
    public required IReadOnlyList<string> Apps { get; init; }

    /// <summary>The system's name; null takes the pipeline's name or the apps' common prefix.</summary>
    public string? SystemName { get; init; }

    /// <summary>Also keep the team-set config var values, for a secrets file. Off by default.</summary>
    public bool IncludeSecretValues { get; init; }
}
