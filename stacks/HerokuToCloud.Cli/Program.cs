using System.CommandLine;
using System.CommandLine.Parsing;
using HerokuToCloud.Cli;
using HerokuToCloud.Cli.Commands;

var root = new RootCommand("heroku2cloud: move a Heroku system onto AWS or Kubernetes as Pulumi programs, and move its Postgres data with proof.");
foreach (var command in CommandCatalog.All())
    root.Subcommands.Add(command);

var parsed = root.Parse(args);
// A command line that does not parse is a usage error like any other (exit 2, "error: ..." on stderr),
// not System.CommandLine's default exit 1, which heroku2cloud reserves for findings.
if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
{
    foreach (var error in parsed.Errors)
        CommandRunner.Error(ParseErrorMessage.For(error));
    var path = new List<string>();
    for (var result = parsed.CommandResult; result.Command != root; result = (CommandResult)result.Parent!)
        path.Insert(0, result.Command.Name);
    Console.Error.WriteLine($"Run heroku2cloud {string.Join("", path.Select(name => name + " "))}--help for usage.");
    return ExitCodes.UserError;
}

return await parsed.InvokeAsync();

