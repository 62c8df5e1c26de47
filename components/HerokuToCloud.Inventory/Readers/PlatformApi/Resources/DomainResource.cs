namespace HerokuToCloud.Inventory.Readers.PlatformApi.Resources;

/// <summary>GET /apps/{app}/domains: a hostname routed to the app.</summary>
internal sealed record DomainResource
{
    public required string Hostname { get; init; }

    /// <summary>"custom" for the team's domains, "heroku" for the app's own *.herokuapp.com name.</summary>
    public string? Kind { get; init; }
}
