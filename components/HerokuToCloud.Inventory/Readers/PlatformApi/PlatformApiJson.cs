using System.Text.Json;

namespace HerokuToCloud.Inventory.Readers.PlatformApi;

/// <summary>How Platform API JSON maps onto the resource records: snake_case names, unknown fields ignored.</summary>
internal static class PlatformApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
