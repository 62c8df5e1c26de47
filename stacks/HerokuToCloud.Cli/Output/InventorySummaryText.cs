using System.Text;
using HerokuToCloud.Data.Reporting;

namespace HerokuToCloud.Cli.Output;

/// <summary>The inventory summary as plain text, for pipes, files and logs (no colours, no box drawing).</summary>
internal static class InventorySummaryText
{
    public static string Write(InventorySummary summary)
    {
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line($"System {summary.System}: {NounCount.Of(summary.Apps.Count, "app")}, {NounCount.Of(summary.Addons.Count, "add-on")}");
        if (summary.Sources.Count > 0)
            Line($"Captured from: {string.Join(", ", summary.Sources)}");

        foreach (var app in summary.Apps)
        {
            Line();
            Line($"App {app.Name} ({Describe(app)})");
            Line($"  Build: {app.Build}");
            if (app.Features.Count > 0)
                Line($"  Features: {string.Join(", ", app.Features)}");
            if (app.Processes.Count == 0)
                Line("  Processes: none");
            else
                Line("  Processes:");
            var width = app.Processes.Select(p => p.Type.Length).DefaultIfEmpty(0).Max();
            foreach (var process in app.Processes)
            {
                var scaling = process.Autoscaling is null ? "" : $", autoscaling {process.Autoscaling}";
                Line($"    {process.Type.PadRight(width)}  {process.Quantity} x {process.Size}{scaling}  {process.Command ?? "(image CMD)"}");
            }

            if (app.Release is { } release)
                Line($"  Release phase: {release.Command} ({release.Size})");
            if (app.PostDeploy is { } postDeploy)
                Line($"  Postdeploy: {postDeploy}");
            Line($"  Config vars: {ConfigLine(app.Config)}");
            if (app.Config.BuildTime.Count > 0)
                Line($"    needed at build time: {string.Join(", ", app.Config.BuildTime)}");
            if (app.Config.NeedValues.Count > 0)
                Line($"    values to supply as secret config: {string.Join(", ", app.Config.NeedValues)}");
            if (app.Addons.Count > 0)
                Line($"  Add-ons: {string.Join(", ", app.Addons)}");
            if (app.Scheduler.Count == 0)
                Line("  Scheduler jobs: none");
            else
                Line("  Scheduler jobs:");
            foreach (var job in app.Scheduler)
                Line($"    {job.Name}: {job.Frequency} UTC on {job.Size}: {job.Command}");
            if (app.Domains.Count > 0)
                Line($"  Domains: {string.Join(", ", app.Domains)}");
            if (app.LogDrains.Count > 0)
                Line($"  Log drains: {string.Join(", ", app.LogDrains)}");
            if (app.Notes.Count > 0)
                Line("  Notes:");
            foreach (var note in app.Notes)
                Line($"    - {note}");
        }

        if (summary.Addons.Count > 0)
        {
            Line();
            Line("Add-ons:");
            foreach (var addon in summary.Addons)
                Line($"  {addon.Name}: {addon.PlanText}, used by {(addon.UsedBy.Count == 0 ? "no app" : string.Join("; ", addon.UsedBy))}");
        }

        if (summary.Notes.Count > 0)
        {
            Line();
            Line("Notes:");
            foreach (var note in summary.Notes)
                Line($"  - {note}");
        }

        Line();
        if (summary.Warnings.Count == 0)
        {
            Line("Warnings: none");
        }
        else
        {
            Line("Warnings:");
            foreach (var warning in summary.Warnings)
                Line($"  - {warning}");
        }

        return text.ToString();
    }

    internal static string Describe(AppSummary app)
    {
        var parts = new List<string>
        {
            $"region {app.Region ?? "unknown"}",
            $"stack {app.Stack ?? "default"}",
        };
        if (app.Pipeline is not null)
            parts.Add($"pipeline {app.Pipeline} at {app.Stage}");
        return string.Join(", ", parts);
    }

    internal static string ConfigLine(ConfigSummary config) =>
        $"{config.Vars.Count} ({config.Team} set by the team, {config.Generated} of them generated; {config.FromAddons} from add-ons; {config.Runtime} set by Heroku and dropped)";
}
