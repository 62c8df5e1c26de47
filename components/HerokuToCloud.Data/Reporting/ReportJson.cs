using System.Text.Json;

namespace HerokuToCloud.Data.Reporting;

/// <summary>
/// The one definition of how the CLI and the data engine write JSON for people and scripts: indented, and
/// UTF-8 as it is (<see cref="JsonRequiredEscaping"/>), so every --json document escapes the same way.
/// Writers that need more (camelCase names, enum converters, skipped nulls) start from <see cref="Serializer"/>
/// with the copy constructor and add to it.
/// </summary>
public static class ReportJson
{
    public static System.Text.Encodings.Web.JavaScriptEncoder Encoder { get; } = new JsonRequiredEscaping();

    public static JsonWriterOptions Writer => new() { Indented = true, Encoder = Encoder };

    /// <summary>Indented, camelCase properties, <see cref="Encoder"/>; read-only, so copy it to add settings.</summary>
    public static JsonSerializerOptions Serializer { get; } = Frozen(new JsonSerializerOptions
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = Encoder,
    });

    private static JsonSerializerOptions Frozen(JsonSerializerOptions options)
    {
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
