using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HerokuToCloud.Cli.Output;

/// <summary>The inventory summary as JSON for scripts: stable property names and order, indented, one trailing newline.</summary>
internal static class InventorySummaryJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(InventorySummary summary) =>
        JsonSerializer.Serialize(summary, Options).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
}
