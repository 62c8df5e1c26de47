using System.Text;
using System.Text.Json;
using HerokuToCloud.Data.Reporting;
using HerokuToCloud.Inventory;

namespace HerokuToCloud.Cli.Capture;

/// <summary>
/// What `capture --json` prints when it is done: a JSON document (system, apps, counts, notes,
/// warnings) for scripts. Names and counts only, never a value.
/// </summary>
internal static class CaptureSummary
{
    public static string Json(HerokuSystem system, string output, string? secretsOut, int? secretValues, IReadOnlyList<string> warnings)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, ReportJson.Writer))
        {
            json.WriteStartObject();
            json.WriteString("system", system.Name);
            json.WriteString("output", output);
            if (secretsOut is null)
                json.WriteNull("secretsOut");
            else
                json.WriteString("secretsOut", secretsOut);

            json.WriteStartArray("apps");
            foreach (var app in system.Apps)
            {
                json.WriteStartObject();
                json.WriteString("name", app.Name);
                json.WriteNumber("processes", app.Processes.Count);
                json.WriteNumber("dynos", app.Processes.Sum(p => p.Quantity));
                json.WriteBoolean("releasePhase", app.Release is not null);
                json.WriteNumber("configVars", app.Config.Count);
                json.WriteNumber("addonAttachments", system.Addons.Sum(a => a.Attachments.Count(t => t.App == app.Name)));
                json.WriteNumber("domains", app.Domains.Count);
                json.WriteNumber("logDrains", app.LogDrains.Count);
                if (app.Pipeline is null)
                    json.WriteNull("pipeline");
                else
                    json.WriteString("pipeline", $"{app.Pipeline.Pipeline}:{app.Pipeline.Stage.ToString().ToLowerInvariant()}");
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartObject("counts");
            json.WriteNumber("apps", system.Apps.Count);
            json.WriteNumber("processes", system.Apps.Sum(a => a.Processes.Count));
            json.WriteNumber("addons", system.Addons.Count);
            json.WriteNumber("attachments", system.Addons.Sum(a => a.Attachments.Count));
            json.WriteNumber("teamConfigVars", CountConfig(system, ConfigVarKind.Team));
            json.WriteNumber("addonConfigVars", CountConfig(system, ConfigVarKind.Addon));
            json.WriteNumber("runtimeConfigVars", CountConfig(system, ConfigVarKind.Runtime));
            json.WriteNumber("domains", system.Apps.Sum(a => a.Domains.Count));
            json.WriteNumber("logDrains", system.Apps.Sum(a => a.LogDrains.Count));
            if (secretValues is { } count)
                json.WriteNumber("secretValues", count);
            else
                json.WriteNull("secretValues");
            json.WriteEndObject();

            json.WriteStartArray("notes");
            foreach (var note in system.Notes)
                json.WriteStringValue(note);
            foreach (var app in system.Apps)
            {
                foreach (var note in app.Notes)
                    json.WriteStringValue($"{app.Name}: {note}");
            }

            json.WriteEndArray();

            json.WriteStartArray("warnings");
            foreach (var warning in warnings)
                json.WriteStringValue(warning);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static int CountConfig(HerokuSystem system, ConfigVarKind kind) =>
        system.Apps.Sum(a => a.Config.Count(c => c.Kind == kind));
}
