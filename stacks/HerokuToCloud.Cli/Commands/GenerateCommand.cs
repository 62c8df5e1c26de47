using System.CommandLine;
using HerokuToCloud.Cli.Generation;
using HerokuToCloud.Cli.Output;
using HerokuToCloud.Graph.PulumiYaml;
using HerokuToCloud.Inventory.Readers.InventoryYaml;
using HerokuToCloud.Landing;
using Spectre.Console;

namespace HerokuToCloud.Cli.Commands;

/// <summary>
/// `heroku2cloud generate INVENTORY --target aws|kubernetes --stack NAME -o DIR [--format pulumi|manifests]`:
/// inventory → landing plan for the stack → the target's components → files, written all-or-nothing.
/// Each target is one generation class with its own options; this verb only reads, dispatches and reports.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var inventory = new Argument<string>("INVENTORY") { Description = "The inventory.yaml of the Heroku system (from heroku2cloud capture)." };
        var target = new Option<string>("--target", "-t") { Description = "Where the system lands: aws or kubernetes.", Required = true };
        var stack = new Option<string>("--stack", "-s") { Description = "The stack to generate values for (prod, staging, ...); in a pipeline it picks the stage.", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "Directory to write the program into (created if missing).", Required = true };
        var format = new Option<string>("--format")
        {
            Description = "pulumi: Pulumi.yaml and Pulumi.<stack>.yaml (default). manifests: plain Kubernetes YAML for kubectl or GitOps (kubernetes only).",
            DefaultValueFactory = _ => KubernetesGeneration.Pulumi,
        };
        var kubernetes = new KubernetesGeneration();

        var command = new Command("generate", "Generate the Pulumi program (or Kubernetes manifests) that lands a Heroku system on AWS or Kubernetes.")
        {
            inventory, target, stack, format, output,
        };
        foreach (var option in kubernetes.Options)
            command.Options.Add(option);

        command.SetAction((ParseResult result, CancellationToken cancellationToken) => CommandRunner.RunAsync(() =>
        {
            var system = InventoryYamlReader.ReadFile(result.GetValue(inventory)!);
            var plan = LandingPlanner.Plan(system, result.GetValue(stack)!);
            var chosen = result.GetValue(format)!;
            var generated = result.GetValue(target) switch
            {
                "kubernetes" => kubernetes.Generate(plan, chosen, result),
                "aws" => throw new UsageException("--target aws is not wired into this build of generate yet; use --target kubernetes."),
                var other => throw new UsageException($"--target must be aws or kubernetes, not '{other}'."),
            };
            var directory = result.GetValue(output)!;
            var changedProgram = ProgramChanged(directory, generated);
            OutputFiles.WriteDirectory(directory, KeepStackSettings(directory, generated.Files));
            Report(directory, plan, generated, changedProgram);
            return Task.FromResult(ExitCodes.Success);
        }));
        return command;
    }

    /// <summary>Stack files already in DIR keep their secrets, provider settings and encryption settings (see <see cref="StackFileMerge"/>).</summary>
    private static Dictionary<string, string> KeepStackSettings(string directory, IReadOnlyDictionary<string, string> files) =>
        files.ToDictionary(
            f => f.Key,
            f =>
            {
                var existing = Path.Combine(directory, f.Key);
                var isStackFile = f.Key.StartsWith("Pulumi.", StringComparison.Ordinal) && f.Key != PulumiYamlWriter.ProgramFileName;
                return isStackFile && File.Exists(existing) ? StackFileMerge.Merge(f.Value, File.ReadAllText(existing), existing) : f.Value;
            },
            StringComparer.Ordinal);

    /// <summary>True when DIR already holds a different Pulumi.yaml: stack files written for the old one need regenerating.</summary>
    private static bool ProgramChanged(string directory, GeneratedProgram generated)
    {
        var existing = Path.Combine(directory, PulumiYamlWriter.ProgramFileName);
        return generated.Files.TryGetValue(PulumiYamlWriter.ProgramFileName, out var content)
            && File.Exists(existing)
            && File.ReadAllText(existing) != content;
    }

    private static void Report(string directory, LandingPlan plan, GeneratedProgram generated, bool changedProgram)
    {
        var redirected = Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        if (redirected)
            console.Profile.Width = 4096;

        console.MarkupLine(Markup.Escape($"generated {generated.Target} ({generated.Format}) for {plan.System}, stack {plan.Stack}{(plan.Stage is { } stage ? $" (stage {stage})" : "")}: {generated.Resources} resources, {generated.Files.Count} files in {directory}"));
        foreach (var file in generated.Files.Keys)
            console.MarkupLine(Markup.Escape($"  {file}"));
        if (changedProgram)
            console.MarkupLine($"[yellow]warning[/] {Markup.Escape($"{PulumiYamlWriter.ProgramFileName} changed: stack files generated earlier into {directory} belong to the old program; generate them again with the same options.")}");
        foreach (var finding in generated.Findings.Where(f => f.Severity == FindingSeverity.Warning))
            console.MarkupLine($"[yellow]warning[/] {Markup.Escape($"{finding.Subject}: {finding.Message}")}");
        foreach (var finding in generated.Findings.Where(f => f.Severity == FindingSeverity.Info))
            console.MarkupLine($"[grey]note[/]    {Markup.Escape($"{finding.Subject}: {finding.Message}")}");
        if (generated.Review.Count > 0)
        {
            console.MarkupLine("Review these stack values (from generate options or placeholders):");
            foreach (var (key, value) in generated.Review)
                console.MarkupLine(Markup.Escape($"  {key} = {value}"));
        }

        if (generated.Secrets.Count > 0)
            console.MarkupLine(Markup.Escape($"Secret config to set ({generated.Secrets.Count}): {string.Join(", ", generated.Secrets)}"));
        console.MarkupLine("Next:");
        foreach (var step in generated.NextSteps)
            console.MarkupLine(Markup.Escape("  " + step.Replace("<output>", directory, StringComparison.Ordinal)));
    }
}
