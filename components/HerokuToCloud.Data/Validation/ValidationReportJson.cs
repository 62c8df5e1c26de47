using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HerokuToCloud.Data.Reporting;

namespace HerokuToCloud.Data.Validation;

/// <summary>
/// The JSON form of a <see cref="ValidationReport"/> (schema version 1, documented in
/// docs/data-validation.md). Property names and their order are fixed, enums are kebab-case strings,
/// row counts are numbers and key values are strings (their PostgreSQL text form), so scripts can rely on
/// it. New properties may be added; none is renamed or removed without a new schema version.
/// </summary>
public static class ValidationReportJson
{
    public const int SchemaVersion = 1;

    public static string Write(ValidationReport report)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, ReportJson.Writer))
            Write(writer, report);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static JsonNode ToJsonNode(ValidationReport report) => JsonNode.Parse(Write(report))!;

    public static void Write(Utf8JsonWriter writer, ValidationReport report)
    {
        writer.WriteStartObject();
        writer.WriteNumber("schemaVersion", SchemaVersion);
        writer.WriteBoolean("identical", report.Identical);
        writer.WriteString("summary", report.Summary);
        writer.WriteString("source", report.Source);
        writer.WriteString("target", report.Target);
        writer.WriteString("startedAt", report.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteNumber("durationSeconds", Math.Round(report.Duration.TotalSeconds, 3));

        writer.WriteStartObject("totals");
        writer.WriteNumber("schemaDifferences", report.SchemaDifferences.Count);
        writer.WriteNumber("tablesCompared", report.Tables.Count(t => t.Status != TableStatus.NotCompared));
        writer.WriteNumber("tablesDifferent", report.TablesDifferent);
        writer.WriteNumber("sourceRows", report.Tables.Sum(t => t.SourceRows));
        writer.WriteNumber("targetRows", report.Tables.Sum(t => t.TargetRows));
        writer.WriteNumber("missingRows", report.Tables.Sum(t => t.MissingRows));
        writer.WriteNumber("extraRows", report.Tables.Sum(t => t.ExtraRows));
        writer.WriteNumber("changedRows", report.Tables.Sum(t => t.ChangedRows));
        writer.WriteNumber("sequencesChecked", report.SequencesChecked);
        writer.WriteNumber("sequenceDifferences", report.SequenceDifferences.Count);
        writer.WriteEndObject();

        writer.WriteStartArray("schema");
        foreach (var difference in report.SchemaDifferences)
        {
            writer.WriteStartObject();
            writer.WriteString("objectKind", difference.ObjectKind);
            writer.WriteString("object", difference.Object);
            writer.WriteString("difference", Kebab(difference.Difference.ToString()));
            WriteNullable(writer, "attribute", difference.Attribute);
            WriteNullable(writer, "source", difference.Source);
            WriteNullable(writer, "target", difference.Target);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("tables");
        foreach (var table in report.Tables)
            WriteTable(writer, table);
        writer.WriteEndArray();

        writer.WriteStartObject("sequences");
        writer.WriteNumber("checked", report.SequencesChecked);
        writer.WriteStartArray("differences");
        foreach (var sequence in report.SequenceDifferences)
        {
            writer.WriteStartObject();
            writer.WriteString("sequence", sequence.Sequence);
            writer.WriteString("difference", Kebab(sequence.Difference.ToString()));
            WriteNullable(writer, "sourceNextValue", sequence.SourceNextValue);
            writer.WriteString("targetNextValue", sequence.TargetNextValue);
            WriteNullable(writer, "column", sequence.Column);
            WriteNullable(writer, "columnExtreme", sequence.ColumnExtreme);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();

        if (report.LargeObjects is { } lo)
        {
            writer.WriteStartObject("largeObjects");
            writer.WriteBoolean("identical", lo.Identical);
            writer.WriteNumber("sourceCount", lo.SourceCount);
            writer.WriteNumber("targetCount", lo.TargetCount);
            writer.WriteNumber("missing", lo.Missing);
            writer.WriteNumber("extra", lo.Extra);
            writer.WriteNumber("changed", lo.Changed);
            writer.WriteStartArray("listed");
            foreach (var item in lo.Listed)
            {
                writer.WriteStartObject();
                writer.WriteNumber("oid", item.Oid);
                writer.WriteString("difference", Kebab(item.Kind.ToString()));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("largeObjects");
        }

        writer.WriteBoolean("valuesShown", report.ValuesShown);
        writer.WriteStartArray("notes");
        foreach (var note in report.Notes)
            writer.WriteStringValue(note);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteTable(Utf8JsonWriter writer, TableValidation table)
    {
        writer.WriteStartObject();
        writer.WriteString("table", table.Table);
        writer.WriteString("status", Kebab(table.Status.ToString()));
        writer.WriteNumber("sourceRows", table.SourceRows);
        writer.WriteNumber("targetRows", table.TargetRows);
        writer.WriteStartArray("keyColumns");
        foreach (var column in table.KeyColumns)
            writer.WriteStringValue(column);
        writer.WriteEndArray();
        writer.WriteNumber("missingRows", table.MissingRows);
        writer.WriteNumber("extraRows", table.ExtraRows);
        writer.WriteNumber("changedRows", table.ChangedRows);
        writer.WriteBoolean("totalsExact", table.TotalsExact);
        WriteNullable(writer, "reason", table.Reason);
        writer.WriteNumber("listedRows", table.Rows.Count);
        writer.WriteStartArray("rows");
        foreach (var row in table.Rows)
        {
            writer.WriteStartObject();
            writer.WriteString("difference", Kebab(row.Kind.ToString()));
            if (row.Key.Count > 0)
            {
                writer.WriteStartObject("key");
                foreach (var key in row.Key)
                    writer.WriteString(key.Column, key.Value);
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteNull("key");
            }

            WriteNullable(writer, "sourceCtid", row.SourceCtid);
            WriteNullable(writer, "targetCtid", row.TargetCtid);
            WriteNullable(writer, "row", row.Row);
            writer.WriteStartArray("columns");
            foreach (var column in row.Columns)
            {
                writer.WriteStartObject();
                writer.WriteString("column", column.Column);
                WriteNullable(writer, "source", column.Source);
                WriteNullable(writer, "target", column.Target);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
            writer.WriteNull(name);
        else
            writer.WriteString(name, value);
    }

    /// <summary>MissingOnTarget → missing-on-target.</summary>
    private static string Kebab(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
                builder.Append('-');
            builder.Append(char.ToLowerInvariant(pascal[i]));
        }

        return builder.ToString();
    }
}
