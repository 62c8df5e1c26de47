using System.CommandLine;
using System.Text.Json;
using HerokuToCloud.Graph.Policy;
using HerokuToCloud.Graph.PulumiYaml;
using Spectre.Console;

namespace HerokuToCloud.Cli.Commands;

/// <summary>
/// `heroku2cloud check DIR [--json]`: reads a generated program (DIR/Pulumi.yaml and its stack files),
/// runs the policy packs for the providers it uses, and prints violations and waivers. Exit 1 on any
/// violation, 0 otherwise, 2 when the program cannot be read.
/// </summary>
internal static class CheckCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Command Create()
    {
        var directory = new Argument<string>("DIR") { Description = "Directory holding Pulumi.yaml and its Pulumi.<stack>.yaml files." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON (for CI)." };
        var command = new Command("check", "Check a generated Pulumi program against the security baseline.") { directory, json };
        command.SetAction((ParseResult result, CancellationToken cancellationToken) =>
            CommandRunner.RunAsync(() => Task.FromResult(Run(result.GetValue(directory)!, result.GetValue(json)))));
        return command;
    }

    private static int Run(string directory, bool asJson)
    {
        var program = PulumiYamlReader.ReadDirectory(directory);
        var report = new PolicyEngine(PolicyPackCatalog.All()).Check(program.Graph, program.Stacks);
        if (asJson)
            Console.Out.WriteLine(JsonSerializer.Serialize(ToJson(directory, program, report), Json));
        else
            Print(directory, program, report);
        return report.Passed ? ExitCodes.Success : ExitCodes.Findings;
    }

    private static void Print(string directory, PulumiProgram program, PolicyReport report)
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
        var stacks = program.Stacks.Count == 0 ? "no stack files" : "stacks " + string.Join(", ", program.Stacks.Select(s => s.Stack));
        console.MarkupLine(Markup.Escape($"check {Path.Combine(directory, PulumiYamlWriter.ProgramFileName)}: project {program.Graph.Project}, {program.Graph.Resources.Count} resources, {stacks}"));
        console.MarkupLine(Markup.Escape($"packs: {string.Join(", ", report.Packs.Select(p => $"{p.Name} ({p.Rules.Count} rules)"))}"));
        foreach (var violation in report.Violations)
            console.MarkupLine($"[red]VIOLATION[/] {Markup.Escape($"{violation.RuleId} {violation.Resource}: {violation.Message}")}");
        foreach (var waiver in report.Waived)
            console.MarkupLine($"[yellow]WAIVED[/]    {Markup.Escape($"{waiver.Violation.RuleId} {waiver.Violation.Resource}: {waiver.Violation.Message} Reason: {waiver.Reason}")}");
        foreach (var unused in report.UnusedWaivers)
            console.MarkupLine($"[grey]UNUSED[/]    {Markup.Escape($"waiver of {unused.RuleId} on {unused.Resource} waives nothing; remove it.")}");
        var summary = $"{report.Violations.Count} violation(s), {report.Waived.Count} waived, {report.RuleCount} rules checked.";
        console.MarkupLine(report.Passed ? $"[green]{Markup.Escape(summary)}[/]" : $"[red]{Markup.Escape(summary)}[/]");
    }

    private static object ToJson(string directory, PulumiProgram program, PolicyReport report) => new
    {
        Program = Path.Combine(directory, PulumiYamlWriter.ProgramFileName),
        program.Graph.Project,
        Stacks = program.Stacks.Select(s => s.Stack),
        Packs = report.Packs.Select(p => new { p.Name, p.Package, Rules = p.Rules.Select(r => new { r.Id, r.Title }) }),
        report.Passed,
        Violations = report.Violations.Select(v => new { Rule = v.RuleId, Title = report.Rule(v.RuleId)?.Title, v.Resource, v.Message }),
        Waived = report.Waived.Select(w => new { Rule = w.Violation.RuleId, Title = report.Rule(w.Violation.RuleId)?.Title, w.Violation.Resource, w.Violation.Message, w.Reason }),
        UnusedWaivers = report.UnusedWaivers.Select(u => new { Rule = u.RuleId, u.Resource, u.Reason }),
    };
}
