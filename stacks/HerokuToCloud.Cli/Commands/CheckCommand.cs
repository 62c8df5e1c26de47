using System.CommandLine;
using System.Text.Json;
using HerokuToCloud.Data.Reporting;
using HerokuToCloud.Graph.Policy;
using HerokuToCloud.Graph.PulumiYaml;
using HerokuToCloud.Kubernetes.Manifests;
using Spectre.Console;

namespace HerokuToCloud.Cli.Commands;

/// <summary>
/// `heroku2cloud check DIR [--json]`: reads what `generate` wrote into DIR and runs the policy packs that
/// apply, printing violations and waivers. DIR is a Pulumi program (Pulumi.yaml and its stack files) or
/// plain Kubernetes manifests (`--format manifests`, read back from the files so hand edits are checked).
/// A program's stack files are also held to the limits `generate` applies (<see cref="StackValueLimitCatalog"/>),
/// because the team edits them (`pulumi config set`) and the cloud refuses a bad value only at `pulumi up`.
/// Exit 1 on any violation or refused stack value, 0 otherwise, 2 when DIR cannot be read.
/// </summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("DIR") { Description = "Directory `generate -o` wrote: Pulumi.yaml and its Pulumi.<stack>.yaml files, or Kubernetes manifests." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON (for CI)." };
        var command = new Command("check", "Check a generated Pulumi program or Kubernetes manifests against the security baseline.") { directory, json };
        command.SetAction((ParseResult result, CancellationToken cancellationToken) =>
            CommandRunner.RunAsync(() => Task.FromResult(Run(result.GetValue(directory)!, result.GetValue(json)))));
        return command;
    }

    private static int Run(string directory, bool asJson)
    {
        // A path to Pulumi.yaml or one manifest is a natural slip; "does not exist" would be wrong and unhelpful.
        if (File.Exists(directory))
        {
            throw new UsageException(
                $"{directory} is a file; check wants the directory `heroku2cloud generate -o` wrote (Pulumi.yaml and its stack files, or the manifests), " +
                $"such as {Path.GetDirectoryName(Path.GetFullPath(directory))}.");
        }

        var isProgram = File.Exists(Path.Combine(directory, PulumiYamlWriter.ProgramFileName));
        if (!isProgram && Directory.Exists(directory) && !ManifestDirectory.Holds(directory))
        {
            throw new UsageException(
                $"{directory} holds neither a Pulumi program ({PulumiYamlWriter.ProgramFileName}) nor Kubernetes manifests (a kustomization.yaml, or YAML files with apiVersion and kind); " +
                "point at the directory `heroku2cloud generate -o` wrote.");
        }

        var checkedFiles = isProgram || !Directory.Exists(directory) ? Program(directory) : Manifests(directory);
        if (asJson)
            Console.Out.WriteLine(JsonSerializer.Serialize(ToJson(checkedFiles), ReportJson.Serializer));
        else
            Print(checkedFiles);
        return checkedFiles.Passed ? ExitCodes.Success : ExitCodes.Findings;
    }

    private static CheckedFiles Program(string directory)
    {
        var program = PulumiYamlReader.ReadDirectory(directory);
        var report = new PolicyEngine(PolicyPackCatalog.All()).Check(program.Graph, program.Stacks);
        var stacks = program.Stacks.Count == 0 ? "no stack files" : "stacks " + string.Join(", ", program.Stacks.Select(s => s.Stack));
        var limits = StackValueLimitCatalog.For(program.Graph);
        var refused = program.Stacks
            .SelectMany(stack => limits.Check(stack).Select(p => new RefusedStackValue(
                PulumiYamlWriter.StackFileName(stack.Stack), StackKeys.Qualified(program.Graph.Project, p.Key), p.Problem)))
            .ToList();
        return new CheckedFiles(
            "pulumi",
            Path.Combine(directory, PulumiYamlWriter.ProgramFileName),
            $"project {program.Graph.Project}, {NounCount.Of(program.Graph.Resources.Count, "resource")}, {stacks}",
            program.Graph.Project,
            [.. program.Stacks.Select(s => s.Stack)],
            [],
            report)
        {
            RefusedStackValues = refused,
        };
    }

    private static CheckedFiles Manifests(string directory)
    {
        var manifests = ManifestDirectory.Read(directory);
        var report = new PolicyEngine(PolicyPackCatalog.ForManifests()).Check(manifests.Graph);
        return new CheckedFiles(
            "manifests",
            directory,
            $"Kubernetes manifests, {NounCount.Of(manifests.Graph.Resources.Count, "object")} in {NounCount.Of(manifests.Files.Count, "file")} ({manifests.Source})",
            null,
            [],
            manifests.Notes,
            report);
    }

    private static void Print(CheckedFiles checkedFiles)
    {
        // Piped into a CI log, lines must stay whole and free of escape codes so they can be grepped.
        var redirected = Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        if (redirected)
            console.Profile.Width = 4096;
        var report = checkedFiles.Report;
        console.MarkupLine(Markup.Escape($"check {checkedFiles.Path}: {checkedFiles.Summary}"));
        console.MarkupLine(Markup.Escape($"packs: {string.Join(", ", report.Packs.Select(p => $"{p.Name} ({NounCount.Of(p.Rules.Count, "rule")})"))}"));
        foreach (var note in checkedFiles.Notes)
            console.MarkupLine($"[yellow]NOTE[/]      {Markup.Escape(note)}");
        foreach (var violation in report.Violations)
            console.MarkupLine($"[red]VIOLATION[/] {Markup.Escape($"{violation.RuleId} {violation.Resource}: {violation.Message}")}");
        foreach (var waiver in report.Waived)
            console.MarkupLine($"[yellow]WAIVED[/]    {Markup.Escape($"{waiver.Violation.RuleId} {waiver.Violation.Resource}: {waiver.Violation.Message} Reason: {waiver.Reason}")}");
        foreach (var refused in checkedFiles.RefusedStackValues)
            console.MarkupLine($"[red]INVALID[/]   {Markup.Escape($"{refused.File} {refused.Key}: {refused.Problem}")}");
        foreach (var unused in report.UnusedWaivers)
            console.MarkupLine($"[grey]UNUSED[/]    {Markup.Escape($"waiver of {unused.RuleId} on {unused.Resource} waives nothing; remove it.")}");
        var invalid = checkedFiles.RefusedStackValues.Count == 0 ? "" : $", {NounCount.Of(checkedFiles.RefusedStackValues.Count, "stack value")} the cloud would refuse";
        var summary = $"{NounCount.Of(report.Violations.Count, "violation")}{invalid}, {report.Waived.Count} waived, {NounCount.Of(report.RuleCount, "rule")} checked.";
        console.MarkupLine(checkedFiles.Passed ? $"[green]{Markup.Escape(summary)}[/]" : $"[red]{Markup.Escape(summary)}[/]");
    }

    private static object ToJson(CheckedFiles checkedFiles)
    {
        var report = checkedFiles.Report;
        return new
        {
            checkedFiles.Format,
            Program = checkedFiles.Path,
            checkedFiles.Project,
            checkedFiles.Stacks,
            checkedFiles.Notes,
            Packs = report.Packs.Select(p => new { p.Name, p.Package, Rules = p.Rules.Select(r => new { r.Id, r.Title }) }),
            checkedFiles.Passed,
            InvalidStackValues = checkedFiles.RefusedStackValues.Select(r => new { r.File, r.Key, r.Problem }),
            Violations = report.Violations.Select(v => new { Rule = v.RuleId, Title = report.Rule(v.RuleId)?.Title, v.Resource, v.Message }),
            Waived = report.Waived.Select(w => new { Rule = w.Violation.RuleId, Title = report.Rule(w.Violation.RuleId)?.Title, w.Violation.Resource, w.Violation.Message, w.Reason }),
            UnusedWaivers = report.UnusedWaivers.Select(u => new { Rule = u.RuleId, u.Resource, u.Reason }),
        };
    }

    /// <summary>What was checked (a program or manifests), described for the report, and the result.</summary>
    private sealed record CheckedFiles(
        string Format, string Path, string Summary, string? Project, IReadOnlyList<string> Stacks, IReadOnlyList<string> Notes, PolicyReport Report)
    {
        /// <summary>Stack values the cloud would refuse at pulumi up, by stack file and key as the file spells it.</summary>
        public IReadOnlyList<RefusedStackValue> RefusedStackValues { get; init; } = [];

        public bool Passed => Report.Passed && RefusedStackValues.Count == 0;
    }

    private sealed record RefusedStackValue(string File, string Key, string Problem);
}
