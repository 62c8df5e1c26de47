using System.CommandLine;

namespace HerokuToCloud.Cli.Commands;

/// <summary>The `inventory` verb group: looking at a captured inventory.</summary>
internal static class InventoryCommand
{
    public static Command Create()
    {
        var inventory = new Command("inventory", "Look at an inventory.yaml.");
        inventory.Subcommands.Add(InventoryShowCommand.Create());
        return inventory;
    }
}
