using System.Text;
using System.Text.Json;
using HerokuToCloud.Data.Reporting;
using HerokuToCloud.Data.Validation;

namespace HerokuToCloud.Data.Tests.Reporting;

public class ReportJsonTests
{
    private const string Name = "café \"quoted\" back\\slash ü日本\n\t\u0001";

    [Fact]
    public void Serializer_writes_non_ascii_as_utf8_and_escapes_only_what_json_requires()
    {
        var json = JsonSerializer.Serialize(new { Name }, ReportJson.Serializer);

        Assert.Contains("\"name\": \"café \\\"quoted\\\" back\\\\slash ü日本\\n\\t\\u0001\"", json, StringComparison.Ordinal);
        Assert.Equal(Name, JsonDocument.Parse(json).RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public void Writer_escapes_property_names_and_values_alike()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ReportJson.Writer))
        {
            writer.WriteStartObject();
            writer.WriteString(Name, Name);
            writer.WriteEndObject();
        }

        var json = Encoding.UTF8.GetString(buffer.ToArray());
        Assert.Contains("café \\\"quoted\\\" back\\\\slash ü日本\\n\\t\\u0001", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u00E9", json, StringComparison.OrdinalIgnoreCase);
        var property = Assert.Single(JsonDocument.Parse(json).RootElement.EnumerateObject());
        Assert.Equal(Name, property.Name);
        Assert.Equal(Name, property.Value.GetString());
    }

    [Fact]
    public void An_emoji_is_written_as_an_escaped_surrogate_pair_that_reads_back_as_it_was()
    {
        var json = JsonSerializer.Serialize("café 🚀", ReportJson.Serializer);

        Assert.Equal("\"café \\uD83D\\uDE80\"", json);
        Assert.Equal("café 🚀", JsonDocument.Parse(json).RootElement.GetString());
    }

    [Fact]
    public void A_lone_surrogate_is_written_as_the_replacement_character_not_left_invalid()
    {
        var json = JsonSerializer.Serialize("a\uD800b", ReportJson.Serializer);

        Assert.Equal("a\uFFFDb", JsonDocument.Parse(json).RootElement.GetString());
    }

    [Fact]
    public void The_validation_report_keeps_a_table_name_as_it_is()
    {
        var table = "public.\"café\nnext\"";
        var report = new ValidationReport
        {
            Source = "source",
            Target = "target",
            StartedAt = DateTimeOffset.UnixEpoch,
            Duration = TimeSpan.FromSeconds(1),
            Tables = [new TableValidation(table, TableStatus.Identical, 1, 1)],
        };

        var json = ValidationReportJson.Write(report);

        Assert.Contains("\"public.\\\"café\\nnext\\\"\"", json, StringComparison.Ordinal);
        Assert.Equal(table, JsonDocument.Parse(json).RootElement.GetProperty("tables")[0].GetProperty("table").GetString());
    }
}
