using System.CommandLine;
using HerokuToCloud.Cli.Commands;

var root = new RootCommand("heroku2cloud: move a Heroku system onto AWS or Kubernetes as Pulumi programs, and move its Postgres data with proof.");
foreach (var command in CommandCatalog.All())
    root.Subcommands.Add(command);

return await root.Parse(args).InvokeAsync();
