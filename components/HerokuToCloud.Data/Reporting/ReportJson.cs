using System.Text.Json;

namespace HerokuToCloud.Data.Reporting;

/// <summary>
/// The one definition of how the CLI and the data engine write JSON for people and scripts: indented, and
/// letters as they are (é, not \u00E9), so every --json document escapes the same way. The relaxed encoder
/// escapes what JSON requires (quotes, backslashes, control characters) and, beyond it, only characters outside
/// the Basic Multilingual Plane (an emoji as its two \uXXXX surrogates): valid JSON that every parser reads back.
/// Its "unsafe" is about embedding JSON in HTML, which this output never is.
/// Writers that need more (camelCase names, enum converters, skipped nulls) start from <see cref="Serializer"/>
/// with the copy constructor and add to it.
/// </summary>
public static class ReportJson
{
    public static System.Text.Encodings.Web.JavaScriptEncoder Encoder => System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

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
