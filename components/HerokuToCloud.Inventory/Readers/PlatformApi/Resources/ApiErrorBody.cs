namespace HerokuToCloud.Inventory.Readers.PlatformApi.Resources;

/// <summary>The body of a Platform API error response: a machine id ("unauthorized", "not_found") and a message.</summary>
internal sealed record ApiErrorBody
{
    public string? Id { get; init; }

    public string? Message { get; init; }
}
