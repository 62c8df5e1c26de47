using System.CommandLine;
using HerokuToCloud.Cli.Generation;
using HerokuToCloud.Cli.Secrets;
using HerokuToCloud.Inventory.Readers.InventoryYaml;
using HerokuToCloud.Inventory.Readers.Secrets;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Cli.Commands;

/// <summary>
/// `heroku2cloud secrets push INVENTORY --from FILE --stack NAME [-C DIR] [--dry-run] [--allow-missing] [--json]`:
/// plans the inventory for the stack, matches each secret config key to its value in the secrets
/// file (the value of VAR in the stack's Heroku app), checks the program in DIR declares those keys,
/// and sets each with `pulumi config set --secret`, the value on pulumi's standard input.
/// Exit 0 set (or would set), 1 keys missing (nothing set), 2 bad input or pulumi failed.
/// </summary>
internal static class SecretsPushCommand
{
    public static Command Create()
    {
        var inventory = new Argument<string>("INVENTORY") { Description = "The inventory.yaml the program was generated from." };
        var from = new Option<string>("--from")
        {
            Description = "The secrets file: Heroku app -> config var -> value, as `capture --secrets-out` writes it or written by hand; '-' reads it from standard input.",
            Required = true,
        };
        var stack = new Option<string>("--stack", "-s") { Description = "The Pulumi stack to set (prod, staging, ...); it selects the pipeline stage whose values are used.", Required = true };
        var directory = new Option<string>("--cwd", "-C")
        {
            Description = "The generated program's directory (holding Pulumi.yaml); default: the current directory.",
            DefaultValueFactory = _ => ".",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only show which keys would be set (never values); pulumi is not run." };
        var allowMissing = new Option<bool>("--allow-missing") { Description = "Set the keys that have values even when others are missing (default: set nothing and exit 1)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON report on standard output instead of text." };

        var command = new Command("push", "Set a stack's secret config from a secrets file with `pulumi config set --secret`: values on pulumi's standard input, never on a command line or in output.")
        {
            inventory, from, stack, directory, dryRun, allowMissing, json,
        };
        command.SetAction((ParseResult result, CancellationToken cancellationToken) => CommandRunner.RunAsync(() => RunAsync(
            result.GetValue(inventory)!, result.GetValue(from)!, result.GetValue(stack)!, result.GetValue(directory) ?? ".",
            result.GetValue(dryRun), result.GetValue(allowMissing), result.GetValue(json), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(
        string inventoryPath, string from, string stack, string directory, bool dryRun, bool allowMissing, bool asJson, CancellationToken cancellationToken)
    {
        // The environment first: without pulumi a real push cannot work, whatever the files say.
        var pulumi = dryRun ? null : new PulumiProcess(PulumiExecutable.Find(Environment.GetEnvironmentVariable));

        var system = InventoryYamlReader.ReadFile(inventoryPath);
        var plan = InventoryPlanning.Plan(system, stack, inventoryPath);
        var secrets = ReadSecrets(from);
        var config = SecretAssignments.Match(system, plan, secrets);
        var program = ProgramSecretKeys.Check(directory, config, required: !dryRun);
        var options = new SecretPushOptions(Path.GetFullPath(directory), stack, program?.Project ?? config.System, dryRun, allowMissing)
        {
            StackKeys = StackValueKeys.Read(directory, stack),
        };

        if (!asJson)
            SecretPushText.WriteHeader(Console.Out, config, secrets.Source, program, directory);
        var push = new SecretPush(pulumi);
        var outcome = await push.RunAsync(config, secrets.Source, program, options,
            asJson ? null : o => SecretPushText.WriteProgress(Console.Out, o), cancellationToken);

        if (asJson)
            Console.Out.Write(SecretPushJson.Write(outcome, options));
        else
            SecretPushText.WriteSummary(Console.Out, outcome, options with { Directory = directory });

        if (outcome.Failure is { } failure)
        {
            CommandRunner.Error(
                $"pulumi config set failed for {failure.Key} (exit {failure.ExitCode}): {(failure.Message.Length == 0 ? "it printed nothing" : failure.Message)}. " +
                "Fix the cause (is the stack created with `pulumi stack init`, PULUMI_CONFIG_PASSPHRASE or `pulumi login` set?) and run the same command again: setting a key twice is harmless.");
        }

        return outcome.ExitCode;
    }

    /// <summary>The secrets file, or standard input for "-"; warns when the file is readable by others.</summary>
    private static SecretsFile ReadSecrets(string from)
    {
        if (from == "-")
        {
            if (!Console.IsInputRedirected)
                throw new UsageException("--from - reads the secrets from standard input, but nothing is piped in; pipe the file in or name it.");
            return SecretsFileReader.Read(Console.In.ReadToEnd(), "standard input");
        }

        var secrets = SecretsFileReader.ReadFile(from);
        if (!OperatingSystem.IsWindows() && File.Exists(from))
        {
            const UnixFileMode others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;
            var mode = File.GetUnixFileMode(from);
            if ((mode & others) != 0)
                Console.Error.WriteLine($"warning: {from} holds secret values but other users can read or write it (mode {Convert.ToString((int)mode & 0x1FF, 8)}); restrict it with `chmod 600 {from}`.");
        }

        return secrets;
    }
}
