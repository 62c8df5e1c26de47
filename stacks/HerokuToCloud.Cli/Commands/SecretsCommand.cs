using System.CommandLine;

namespace HerokuToCloud.Cli.Commands;

/// <summary>The `secrets` verb group: config var values into the new platform's secret config.</summary>
internal static class SecretsCommand
{
    public static Command Create()
    {
        var secrets = new Command("secrets", "Load config var values into a generated program's Pulumi secret config.");
        secrets.Subcommands.Add(SecretsPushCommand.Create());
        return secrets;
    }
}
