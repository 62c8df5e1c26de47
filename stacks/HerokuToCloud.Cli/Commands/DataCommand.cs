using System.CommandLine;

namespace HerokuToCloud.Cli.Commands;

/// <summary>The `data` verb group: moving and proving Postgres data.</summary>
internal static class DataCommand
{
    public static Command Create()
    {
        var data = new Command("data", "Copy a Heroku Postgres database to its new home and prove nothing was lost.");
        data.Subcommands.Add(DataMigrateCommand.Create());
        data.Subcommands.Add(DataValidateCommand.Create());
        return data;
    }
}
