using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using HerokuToCloud.Graph.Policy;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Cli.Commands.Generate;

/// <summary>What `generate` reports: the files, the resources by type, the plan's findings, the policy result and the next steps.</summary>
internal sealed record GenerateSummary(
    string Target,
    string System,
    string Stack,
    string? Stage,
    string Directory,
    IReadOnlyList<string> Files,
    int ResourceCount,
    IReadOnlyDictionary<string, int> Resources,
    IReadOnlyList<GenerateSummary.Finding> Findings,
    GenerateSummary.PolicyResult Policy,
    IReadOnlyList<string> SecretConfig,
    IReadOnlyList<string> NextSteps)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public sealed record Finding(FindingSeverity Severity, string Subject, string Message);

    public sealed record PolicyResult(int Rules, IReadOnlyList<string> Violations, IReadOnlyList<string> Waived);

    public static GenerateSummary Create(string target, string directory, IReadOnlyList<string> files, LandingPlan plan, GeneratedProgram generated, PolicyReport policy)
    {
        var resources = generated.Program.Resources.GroupBy(r => r.Type).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var findings = generated.Findings
            .OrderBy(f => f.Severity == FindingSeverity.Warning ? 0 : 1)
            .Select(f => new Finding(f.Severity, f.Subject, f.Message)).ToList();
        var dir = directory;
        var stack = plan.Stack;
        var steps = new List<string>();
        steps.AddRange(generated.SecretConfigKeys.Select(k => $"pulumi config set --secret --cwd {dir} --stack {stack} {k}"));
        if (generated.FirstUp.Count > 0)
        {
            var project = generated.Program.Project;
            var targets = generated.FirstUp.Select(name =>
                $"--target 'urn:pulumi:{stack}::{project}::{generated.Program.Find(name)!.Type}::{name}'");
            steps.Add($"pulumi up --cwd {dir} --stack {stack} {string.Join(' ', targets)}");
            steps.Add("push the first images to those repositories with the tags in the stack file (aws ecr describe-repositories lists their URLs)");
        }

        steps.Add($"pulumi preview --cwd {dir} --stack {stack}");
        steps.Add($"pulumi up --cwd {dir} --stack {stack}");
        return new GenerateSummary(
            target, plan.System, stack, plan.Stage, directory, files, generated.Program.Resources.Count, resources, findings,
            new PolicyResult(
                policy.RuleCount,
                [.. policy.Violations.Select(v => $"{v.RuleId} {v.Resource}: {v.Message}")],
                [.. policy.Waived.Select(w => $"{w.Violation.RuleId} {w.Violation.Resource}: {w.Reason}")]),
            generated.SecretConfigKeys,
            steps);
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";

    public string ToText()
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine($"generated {string.Join(" and ", Files.Select(f => Path.Combine(Directory, f)))}");
        text.AppendLine($"  {System} on {Target}, stack {Stack}{(Stage is null ? "" : $" (pipeline stage {Stage})")}: {ResourceCount} resources");
        foreach (var (type, count) in Resources)
            text.AppendLine($"  {count,4}  {type}");
        if (Findings.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("read before deploying:");
            foreach (var finding in Findings)
                text.AppendLine($"  {(finding.Severity == FindingSeverity.Warning ? "warning" : "info   ")}  {finding.Subject}: {finding.Message}");
        }

        text.AppendLine();
        text.AppendLine($"policy: {Policy.Rules} rules, {Policy.Violations.Count} violation(s), {Policy.Waived.Count} waived");
        foreach (var violation in Policy.Violations)
            text.AppendLine($"  VIOLATION {violation}");
        foreach (var waived in Policy.Waived)
            text.AppendLine($"  waived    {waived}");
        text.AppendLine();
        text.AppendLine("next:");
        foreach (var step in NextSteps)
            text.AppendLine($"  {step}");
        return text.ToString();
    }
}
