using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using HerokuToCloud.Cli.Output;
using HerokuToCloud.Data.Reporting;
using HerokuToCloud.Graph;
using HerokuToCloud.Graph.Policy;
using HerokuToCloud.Graph.PulumiYaml;
using HerokuToCloud.Kubernetes.Manifests;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Cli.Generation;

/// <summary>
/// What `generate` reports: the files, the resources by type, the plan's findings, the policy result and
/// the next steps, in the words of the output written: `pulumi config set` for a Pulumi program; for plain
/// manifests the variables create-secrets.sh reads and the files that hold each value to review.
/// </summary>
/// <param name="Format">pulumi or manifests.</param>
/// <param name="ReviewFiles">Manifests only: the files each value to review was written into.</param>
/// <param name="SecretConfig">The secret config keys to set (pulumi), or the variables create-secrets.sh reads (manifests).</param>
/// <param name="OptionalSecretConfig">
/// Those of <paramref name="SecretConfig"/> the apps run without (app.json <c>required: false</c>): `secrets push` and
/// create-secrets.sh set them empty when no value is given, so the list marks them rather than ask for every one.
/// </param>
internal sealed record GenerateSummary(
    string Target,
    string Format,
    string System,
    string Stack,
    string? Stage,
    string Directory,
    IReadOnlyList<string> Files,
    int ResourceCount,
    IReadOnlyDictionary<string, int> Resources,
    IReadOnlyList<GenerateSummary.Finding> Findings,
    GenerateSummary.PolicyResult Policy,
    IReadOnlyDictionary<string, string> Review,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? ReviewFiles,
    IReadOnlyList<string> SecretConfig,
    IReadOnlyList<string> OptionalSecretConfig,
    IReadOnlyList<string> NextSteps)
{
    private static readonly JsonSerializerOptions JsonOptions = new(ReportJson.Serializer)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public sealed record Finding(FindingSeverity Severity, string Subject, string Message);

    public sealed record PolicyResult(int Rules, IReadOnlyList<string> Violations, IReadOnlyList<string> Waived);

    public static GenerateSummary Create(
        string target, string inventory, string directory, IReadOnlyList<string> files, LandingPlan plan, GeneratedProgram generated, ManifestFiles? manifests, PolicyReport policy, bool programChanged, string? renamedFrom,
        IReadOnlyList<KeptStackValue> kept, IReadOnlySet<string> optionalSecrets)
    {
        var resources = generated.Program.Resources.GroupBy(r => r.Type).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var findings = generated.Findings
            .OrderBy(f => f.Severity == FindingSeverity.Warning ? 0 : 1)
            .Select(f => new Finding(f.Severity, f.Subject, manifests is null ? InProgramDirectory(f.Message, directory) : ManifestInstructions.Message(f, manifests))).ToList();
        findings.InsertRange(0, kept.Select(k =>
        {
            var key = StackKeys.Own(generated.Program.Project, k.Key);
            return new Finding(FindingSeverity.Warning, k.File,
                $"kept {key}: {k.Kept} (the inventory and options give {k.Generated}); it is the team's value: " +
                $"change it with pulumi config set or by generating with --set {key}=VALUE, or delete the line (or generate with --reset-stack-config) to take the generated value.");
        }));
        if (programChanged)
        {
            findings.Insert(0, new Finding(FindingSeverity.Warning, PulumiYamlWriter.ProgramFileName,
                $"changed: stack files generated earlier into {directory} belong to the old program; generate them again with the same options."));
        }

        if (renamedFrom is not null)
        {
            var project = generated.Program.Project;
            findings.Insert(0, new Finding(FindingSeverity.Warning, PulumiYamlWriter.ProgramFileName,
                $"the project is now {project} (was {renamedFrom}): Pulumi keeps stacks per project, so this is a new project, and the {renamedFrom}: values in the stack files " +
                $"(image tags, counts, secrets) are not read by it. Move the ones you need to {project}: keys and delete the {renamedFrom}: lines, or rename the system back in the inventory."));
        }

        var review = generated.ReviewKeys.ToDictionary(k => k, k => Describe(generated.Stack.Values.GetValueOrDefault(k)), StringComparer.Ordinal);
        var reviewFiles = manifests is null
            ? null
            : generated.ReviewKeys.ToDictionary(k => k, k => manifests.ConfigFiles.GetValueOrDefault(k) ?? [], StringComparer.Ordinal);
        return new GenerateSummary(
            target, manifests is null ? "pulumi" : "manifests", plan.System, plan.Stack, plan.Stage, directory, files, generated.Program.Resources.Count, resources, findings,
            new PolicyResult(
                policy.RuleCount,
                [.. policy.Violations.Select(v => $"{v.RuleId} {v.Resource}: {v.Message}")],
                [.. policy.Waived.Select(w => $"{w.Violation.RuleId} {w.Violation.Resource}: {w.Reason}")]),
            review,
            reviewFiles,
            manifests is null ? generated.SecretConfigKeys : [.. manifests.Variables.Select(v => v.Name)],
            manifests is null
                ? [.. generated.SecretConfigKeys.Where(optionalSecrets.Contains)]
                : [.. manifests.Variables.Where(v => v.Optional).Select(v => v.Name)],
            generated.Manifests?.NextSteps.Select(s => s.Replace("<output>", ShellWord.Of(directory), StringComparison.Ordinal)).ToList() ?? PulumiSteps(inventory, directory, plan.Stack, generated));
    }

    /// <summary>
    /// A finding's <c>pulumi config set</c> with the program's directory, as the next steps give it: the landing
    /// words findings without knowing where the program is written, and without --cwd pulumi looks for
    /// Pulumi.yaml in the directory the user happens to be in.
    /// </summary>
    private static string InProgramDirectory(string message, string directory) =>
        message.Replace("pulumi config set ", $"pulumi config set --cwd {ShellWord.Of(directory)} ", StringComparison.Ordinal);

    /// <summary>From generated files to a running stack: create the stack, its secrets, the first images, then preview and up.</summary>
    private static List<string> PulumiSteps(string inventoryPath, string directory, string stack, GeneratedProgram generated)
    {
        var (inventory, dir) = (ShellWord.Of(inventoryPath), ShellWord.Of(directory));
        var steps = new List<string> { $"pulumi stack select --create --cwd {dir} {stack}" };
        if (generated.SecretConfigKeys.Count > 0)
        {
            steps.Add($"heroku2cloud secrets push {inventory} --from SECRETS.yaml --stack {stack} -C {dir}   (SECRETS.yaml from heroku2cloud capture --secrets-out)");
            steps.Add($"  or, key by key: pulumi config set --secret --cwd {dir} --stack {stack} KEY   (keys under \"secret config\" above)");
        }

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
        steps.Add($"heroku2cloud check {dir}   (the policy check, again after any hand edit)");
        return steps;
    }

    private static string Describe(Value? value) => value switch
    {
        StringValue s => s.Text,
        NumberValue n => n.Number.ToString(CultureInfo.InvariantCulture),
        BoolValue b => b.Flag ? "true" : "false",
        ListValue l => string.Join(", ", l.Items.Select(Describe)),
        _ => "",
    };

    /// <summary>What becomes of an optional value no one gives, in the words of the tool that sets it.</summary>
    private string OptionalNote => Format == "manifests"
        ? $"not exported, {KubernetesManifests.SecretsScript} sets it empty"
        : "secrets push sets it empty when SECRETS.yaml has no value";

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";

    public string ToText()
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(Files.Count <= 3
            ? $"generated {string.Join(" and ", Files.Select(f => Path.Combine(Directory, f)))}"
            : $"generated {NounCount.Of(Files.Count, "file")} in {Directory}");
        text.AppendLine($"  {System} on {Target}, stack {Stack}{(Stage is null ? "" : $" (pipeline stage {Stage})")}: {NounCount.Of(ResourceCount, "resource")}");
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
        text.AppendLine($"policy: {NounCount.Of(Policy.Rules, "rule")}, {NounCount.Of(Policy.Violations.Count, "violation")}, {Policy.Waived.Count} waived");
        foreach (var violation in Policy.Violations)
            text.AppendLine($"  VIOLATION {violation}");
        foreach (var waived in Policy.Waived)
            text.AppendLine($"  waived    {waived}");
        if (Review.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(ReviewFiles is null
                ? "review these stack values (from generate options or placeholders; change them with --set):"
                : "review these values (from generate options or placeholders; edit them in the files named, or generate again with --set KEY=VALUE):");
            foreach (var (key, value) in Review)
            {
                var where = ReviewFiles?.GetValueOrDefault(key) is { Count: > 0 } reviewed ? $"   in {string.Join(", ", reviewed)}" : "";
                text.AppendLine($"  {key} = {value}{where}");
            }
        }

        if (SecretConfig.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(Format == "manifests"
                ? $"secret values ({SecretConfig.Count}), never written by heroku2cloud: export these variables, then run {KubernetesManifests.SecretsScript} ({KubernetesManifests.Readme} says what each holds):"
                : $"secret config ({SecretConfig.Count}), values never written by heroku2cloud:");
            var optional = OptionalSecretConfig.ToHashSet(StringComparer.Ordinal);
            foreach (var key in SecretConfig)
                text.AppendLine(optional.Contains(key) ? $"  {key}   (optional: app.json required: false; {OptionalNote})" : $"  {key}");
        }

        text.AppendLine();
        text.AppendLine("next:");
        foreach (var step in NextSteps)
            text.AppendLine($"  {step}");
        return text.ToString();
    }
}
