using HerokuToCloud.Data.Reporting;
using Spectre.Console;

namespace HerokuToCloud.Cli.Output;

/// <summary>The inventory summary for a terminal: a rule per app, tables for processes, jobs and add-ons.</summary>
internal static class InventorySummaryConsole
{
    public static void Write(IAnsiConsole console, InventorySummary summary)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(summary.System)}[/]: {NounCount.Of(summary.Apps.Count, "app")}, {NounCount.Of(summary.Addons.Count, "add-on")}").LeftJustified());
        if (summary.Sources.Count > 0)
            console.MarkupLine($"[grey]captured from {Markup.Escape(string.Join(", ", summary.Sources))}[/]");

        foreach (var app in summary.Apps)
        {
            console.WriteLine();
            console.MarkupLine($"[bold]{Markup.Escape(app.Name)}[/] [grey]({Markup.Escape(InventorySummaryText.Describe(app))})[/]");
            console.MarkupLine($"  Build: {Markup.Escape(app.Build)}");
            if (app.Features.Count > 0)
                console.MarkupLine($"  Features: {Markup.Escape(string.Join(", ", app.Features))}");

            var processes = new Table().Border(TableBorder.Rounded).AddColumns("Process", "Dynos", "Size", "Autoscaling", "Command");
            foreach (var process in app.Processes)
                processes.AddRow(Cell(process.Type), Cell(process.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture)), Cell(process.Size), Cell(process.Autoscaling ?? ""), Cell(process.Command ?? "(image CMD)"));
            if (app.Release is { } release)
                processes.AddRow(Cell("release phase"), Cell("-"), Cell(release.Size), Cell(""), Cell(release.Command ?? ""));
            if (app.Processes.Count == 0 && app.Release is null)
                console.MarkupLine("  [yellow]No processes.[/]");
            else
                console.Write(processes);

            if (app.PostDeploy is { } postDeploy)
                console.MarkupLine($"  Postdeploy: {Markup.Escape(postDeploy)}");
            console.MarkupLine($"  Config vars: {Markup.Escape(InventorySummaryText.ConfigLine(app.Config))}");
            if (app.Config.BuildTime.Count > 0)
                console.MarkupLine($"    needed at build time: {Markup.Escape(string.Join(", ", app.Config.BuildTime))}");
            if (app.Config.NeedValues.Count > 0)
                console.MarkupLine($"    values to supply as secret config: {Markup.Escape(string.Join(", ", app.Config.NeedValues))}");

            if (app.Scheduler.Count > 0)
            {
                var jobs = new Table().Border(TableBorder.Rounded).AddColumns("Scheduler job", "Frequency (UTC)", "Size", "Command");
                foreach (var job in app.Scheduler)
                    jobs.AddRow(Cell(job.Name), Cell(job.Frequency), Cell(job.Size), Cell(job.Command));
                console.Write(jobs);
            }
            else
            {
                console.MarkupLine("  Scheduler jobs: none");
            }

            if (app.Domains.Count > 0)
                console.MarkupLine($"  Domains: {Markup.Escape(string.Join(", ", app.Domains))}");
            if (app.LogDrains.Count > 0)
                console.MarkupLine($"  Log drains: {Markup.Escape(string.Join(", ", app.LogDrains))}");
            foreach (var note in app.Notes)
                console.MarkupLine($"  [grey]note:[/] {Markup.Escape(note)}");
        }

        if (summary.Addons.Count > 0)
        {
            console.WriteLine();
            var addons = new Table().Border(TableBorder.Rounded).AddColumns("Add-on", "Plan", "Used by");
            foreach (var addon in summary.Addons)
                addons.AddRow(Cell(addon.Name), Cell(addon.PlanText), Cell(addon.UsedBy.Count == 0 ? "no app" : string.Join("\n", addon.UsedBy)));
            console.Write(addons);
        }

        foreach (var note in summary.Notes)
            console.MarkupLine($"[grey]note:[/] {Markup.Escape(note)}");

        console.WriteLine();
        if (summary.Warnings.Count == 0)
            console.MarkupLine("[green]No warnings.[/]");
        foreach (var warning in summary.Warnings)
            console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
    }

    private static Markup Cell(string text) => new(Markup.Escape(text));
}
