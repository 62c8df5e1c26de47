namespace HerokuToCloud.Inventory.Readers.PlatformApi.Resources;

/// <summary>GET /account: who the token belongs to, so access errors can name the account.</summary>
internal sealed record AccountResource
{
    public string? Email { get; init; }
}
