using System.CommandLine;
using HerokuToCloud.Cli.Output;
using HerokuToCloud.Inventory.Readers.InventoryYaml;

namespace HerokuToCloud.Cli.Commands;

/// <summary>
/// `heroku2cloud inventory show FILE`: a readable summary of an inventory (tables on a terminal,
/// plain text when redirected, JSON with --json).
/// </summary>
internal static class InventoryShowCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The inventory.yaml to summarise." };
        var json = new Option<bool>("--json") { Description = "Write the summary as JSON for scripts." };
        var command = new Command("show", "Summarise an inventory: apps, processes, add-ons and who uses them, scheduler jobs, domains, notes and warnings.")
        {
            file, json,
        };
        command.SetAction((result, _) => CommandRunner.RunAsync(() =>
        {
            var summary = InventorySummary.Of(InventoryYamlReader.ReadFile(result.GetValue(file)!));
            if (result.GetValue(json))
                Console.Out.Write(InventorySummaryJson.Write(summary));
            else if (Console.IsOutputRedirected)
                Console.Out.Write(InventorySummaryText.Write(summary));
            else
                InventorySummaryConsole.Write(Spectre.Console.AnsiConsole.Console, summary);
            return Task.FromResult(ExitCodes.Success);
        }));
        return command;
    }
}
