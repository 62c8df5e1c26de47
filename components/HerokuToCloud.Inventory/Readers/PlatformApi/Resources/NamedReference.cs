namespace HerokuToCloud.Inventory.Readers.PlatformApi.Resources;

/// <summary>The {id, name} object the Platform API embeds for related resources (region, stack, plan, app ...).</summary>
internal sealed record NamedReference
{
    public string? Id { get; init; }

    public string? Name { get; init; }
}
