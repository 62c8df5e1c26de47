using System.CommandLine;

namespace HerokuToCloud.Cli.Commands;

/// <summary>Every verb of the CLI, in the order help lists them (the order a user runs them).</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return CaptureCommand.Create();
        yield return InventoryCommand.Create();
        yield return GenerateCommand.Create();
        yield return CheckCommand.Create();
        yield return SecretsCommand.Create();
        yield return DataCommand.Create();
    }
}
