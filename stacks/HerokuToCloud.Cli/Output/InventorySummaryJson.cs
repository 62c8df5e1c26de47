using System.Text.Json;
using System.Text.Json.Serialization;
using HerokuToCloud.Data.Reporting;

namespace HerokuToCloud.Cli.Output;

/// <summary>The inventory summary as JSON for scripts: stable property names and order, indented, one trailing newline.</summary>
internal static class InventorySummaryJson
{
    private static readonly JsonSerializerOptions Options = new(ReportJson.Serializer)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(InventorySummary summary) =>
        JsonSerializer.Serialize(summary, Options).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
}
