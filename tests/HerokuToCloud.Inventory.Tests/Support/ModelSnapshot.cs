using System.Text.Json;
using System.Text.Json.Serialization;

namespace HerokuToCloud.Inventory.Tests.Support;

/// <summary>
/// A deep, order-preserving JSON rendering of a model, so two systems can be compared for equality
/// independently of the YAML writer (records compare lists by reference, not by content).
/// </summary>
internal static class ModelSnapshot
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Of(HerokuSystem system) => JsonSerializer.Serialize(system, Options);

    public static void Equal(HerokuSystem expected, HerokuSystem actual) => Assert.Equal(Of(expected), Of(actual));
}
