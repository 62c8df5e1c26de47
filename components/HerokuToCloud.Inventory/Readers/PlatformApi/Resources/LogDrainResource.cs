namespace HerokuToCloud.Inventory.Readers.PlatformApi.Resources;

/// <summary>GET /apps/{app}/log-drains: where the app's log stream is forwarded.</summary>
internal sealed record LogDrainResource
{
    /// <summary>The destination; may carry credentials in its user info or query.</summary>
    public required string Url { get; init; }

    /// <summary>The add-on that created the drain (Papertrail, Logentries ...); null for drains the team added.</summary>
    public AttachedAddonReference? Addon { get; init; }
}
