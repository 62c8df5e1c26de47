using System.CommandLine;
using HerokuToCloud.Cli.Generation;
using HerokuToCloud.Cli.Output;
using HerokuToCloud.Graph;
using HerokuToCloud.Graph.Policy;
using HerokuToCloud.Graph.PulumiYaml;
using HerokuToCloud.Inventory;
using HerokuToCloud.Inventory.Readers.InventoryYaml;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Cli.Commands;

/// <summary>
/// `heroku2cloud generate INVENTORY --target aws|kubernetes --stack NAME -o DIR [--set K=V] [--json]`:
/// inventory → landing plan → the target's program → DIR/Pulumi.yaml and DIR/Pulumi.&lt;stack&gt;.yaml
/// (or plain manifests). Everything is built and checked before the first byte is written, and the
/// files are moved into place together, so a failure leaves no partial directory. Generating every
/// stack of a system into one directory gives one Pulumi.yaml (identical for every stack) and one
/// stack file per stack. A stack file already there is the team's: its values are kept (differences
/// are reported) except for keys given with --set or fed by an option typed on this run, and new keys
/// are added (see <see cref="StackFileMerge"/>).
/// </summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var inventory = new Argument<string>("INVENTORY") { Description = "The system's inventory.yaml (heroku2cloud capture writes it)." };
        var target = new Option<string>("--target", "-t")
        {
            Description = $"Where to land: {string.Join("; ", GenerateTargets.All.Select(t => $"{t.Name} ({t.Description})"))}.",
            Required = true,
        };
        target.AcceptOnlyFromAmong([.. GenerateTargets.All.Select(t => t.Name)]);
        var stack = new Option<string>("--stack", "-s")
        {
            Description = "The Pulumi stack to write values for; with a Heroku pipeline it names the stage (prod, staging, ...).",
            Required = true,
        };
        var output = new Option<string>("--output", "-o") { Description = "Directory for Pulumi.yaml and Pulumi.<stack>.yaml, or with --format manifests for the manifests (created if missing).", Required = true };
        var set = new Option<string[]>("--set")
        {
            Description = "KEY=VALUE: a non-secret stack config value to write (lists comma-separated); repeat it. Secrets go through heroku2cloud secrets push.",
            DefaultValueFactory = _ => [],
        };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON." };
        var reset = new Option<bool>("--reset-stack-config")
        {
            Description = "Overwrite the values an existing Pulumi.<stack>.yaml holds with the generated ones (by default they are kept and differences listed); secrets and provider settings are still kept.",
        };

        var command = new Command("generate", "Generate the Pulumi program (Pulumi.yaml) and a stack's config (Pulumi.<stack>.yaml), or Kubernetes manifests, that land a Heroku system.")
        {
            inventory, target, stack, output, set, json, reset,
        };
        foreach (var option in GenerateTargets.Options)
            command.Options.Add(option);

        command.SetAction((ParseResult result, CancellationToken cancellationToken) => CommandRunner.RunAsync(() => Task.FromResult(Run(
            result,
            result.GetValue(inventory)!,
            GenerateTargets.All.Single(t => t.Name == result.GetValue(target)),
            result.GetValue(stack)!,
            result.GetValue(output)!,
            result.GetValue(set) ?? [],
            result.GetValue(json),
            result.GetValue(reset)))));
        return command;
    }

    private static int Run(ParseResult options, string inventoryPath, IGenerateTarget target, string stack, string output, string[] settings, bool json, bool reset)
    {
        RefuseOtherTargetsOptions(options, target);
        if (File.Exists(output))
            throw new UsageException($"-o {output} is a file; give a directory for Pulumi.yaml and Pulumi.{stack}.yaml (it is created if missing), or move the file away. Nothing was written.");
        var system = InventoryYamlReader.ReadFile(inventoryPath);
        var plan = InventoryPlanning.Plan(system, stack, inventoryPath);
        var generated = target.Generate(plan, Stages(system, plan, inventoryPath), options);

        var setKeys = StackSettings.Apply(generated.Program, generated.Stack, settings, output, plainManifests: generated.Manifests is not null);
        var missing = StackSettings.Missing(generated.Program, generated.Stack);
        if (missing.Count > 0)
        {
            var why = generated.Findings.Where(f => missing.Any(k => f.Message.Contains(k, StringComparison.Ordinal))).Select(f => $" {f.Message}");
            throw new UsageException(
                $"stack {stack} needs values heroku2cloud cannot know: {string.Join(", ", missing)}.{string.Concat(why)} " +
                $"Pass them with --set {missing[0]}=VALUE (lists comma-separated); nothing was written.");
        }

        if (generated.Manifests is not null && reset)
            throw new UsageException("--reset-stack-config applies to a Pulumi stack file; --format manifests writes none. Drop one of them; nothing was written.");
        var kept = new List<KeptStackValue>();
        // Manifests are rendered from these values, and nothing is kept from an earlier run: check them first.
        if (generated.Manifests is not null)
            RefuseValuesTheCloudRejects(generated, generated.Stack, setKeys, kept);
        var optionalSecrets = OptionalSecrets.ConfigKeys(system, plan);
        var manifests = generated.Manifests?.Render(generated.Stack, optionalSecrets);
        // What the user asked for on this run, with --set or a typed option, wins over the stack file's value.
        var givenKeys = setKeys.Union(generated.KeysFromTypedOptions, StringComparer.Ordinal)
            .Select(k => StackKeys.Qualified(generated.Program.Project, k));
        var files = manifests?.Files ?? KeepStackSettings(output, ProgramFiles.Create(generated.Program, generated.Stack).Files, [.. givenKeys], reset, kept);
        // The policy judges what is written: where the team's values were kept, the stack file read back
        // (as `check DIR` reads it), so a kept logRetentionDays: 7 fails here too.
        var stackFile = PulumiYamlWriter.StackFileName(generated.Stack.Stack);
        var judged = kept.Count == 0 ? generated.Stack : PulumiYamlReader.ReadStack(files[stackFile], generated.Program.Project, generated.Stack.Stack, Path.Combine(output, stackFile));
        RefuseValuesTheCloudRejects(generated, judged, setKeys, kept);
        var policy = new PolicyEngine(PolicyPackCatalog.All()).Check(generated.Program, [judged]);
        var previousProgram = ExistingProgram(output);
        var programChanged = previousProgram is { } previous && files.TryGetValue(PulumiYamlWriter.ProgramFileName, out var program) && previous.Text != program;
        var renamedFrom = programChanged ? PreviousProject(previousProgram!.Value, generated.Program.Project) : null;
        OutputFiles.WriteDirectory(output, files);

        var summary = GenerateSummary.Create(target.Name, inventoryPath, output, [.. files.Keys], plan, generated, manifests, policy, programChanged, renamedFrom, kept, optionalSecrets);
        Console.Out.Write(json ? summary.ToJson() : summary.ToText());
        return policy.Passed ? ExitCodes.Success : ExitCodes.Findings;
    }

    /// <summary>
    /// A value --set gave (or the stack's value it no longer fits) that the cloud would refuse at pulumi up,
    /// such as a negative count, a CPU/memory pair Fargate does not offer or a malformed Kubernetes
    /// quantity: exit 2, naming the key, where the value came from and what is allowed, before anything
    /// is written. `check DIR` applies the same limits to the stack files (<see cref="StackValueLimitCatalog"/>).
    /// </summary>
    private static void RefuseValuesTheCloudRejects(GeneratedProgram generated, StackConfig stack, IReadOnlyList<string> setKeys, IReadOnlyList<KeptStackValue> kept)
    {
        var problems = StackValueLimitCatalog.For(generated.Program).Check(stack);
        if (problems.Count == 0)
            return;
        string Origin(string key) =>
            setKeys.Contains(key, StringComparer.Ordinal) ? $"--set {key}"
            : kept.FirstOrDefault(k => k.Key == StackKeys.Qualified(generated.Program.Project, key)) is { } file ? $"{key} (kept in {file.File})"
            : $"{key} (generated for stack {stack.Stack})";
        var described = problems.Select(p => $"{Origin(p.Key)}: {p.Problem}");
        throw new UsageException($"{string.Join(" ", described)} Nothing was written.");
    }

    /// <summary>
    /// The plans of every stack the system has (its pipeline's stages), so the program's shape is the
    /// same whichever stack is generated; a system without a pipeline has just this one.
    /// </summary>
    private static IReadOnlyList<LandingPlan> Stages(HerokuSystem system, LandingPlan plan, string inventoryPath)
    {
        var names = LandingPlanner.StackNames(system);
        return names.Count == 0 ? [plan] : [.. names.Select(name => InventoryPlanning.Plan(system, name, inventoryPath))];
    }

    /// <summary>
    /// An option of another target would be silently ignored (`-t aws --postgres external` still
    /// lands on RDS), so it is refused before anything is read or written.
    /// </summary>
    private static void RefuseOtherTargetsOptions(ParseResult options, IGenerateTarget target)
    {
        foreach (var other in GenerateTargets.All.Where(t => t != target))
        {
            foreach (var option in other.Options.Where(o => !target.Options.Contains(o)))
            {
                if (options.WasTyped(option))
                {
                    throw new UsageException(
                        $"{option.Name} belongs to --target {other.Name}; --target {target.Name} does not read it. Drop it, or generate with --target {other.Name}. Nothing was written.");
                }
            }
        }
    }

    /// <summary>Stack files already in DIR are the team's: their values, secrets, provider and encryption settings are kept (see <see cref="StackFileMerge"/>).</summary>
    private static Dictionary<string, string> KeepStackSettings(
        string directory, IReadOnlyDictionary<string, string> files, IReadOnlyCollection<string> setKeys, bool reset, List<KeptStackValue> kept) =>
        files.ToDictionary(
            f => f.Key,
            f =>
            {
                var existing = Path.Combine(directory, f.Key);
                var isStackFile = f.Key.StartsWith("Pulumi.", StringComparison.Ordinal) && f.Key != PulumiYamlWriter.ProgramFileName;
                if (!isStackFile || !File.Exists(existing))
                    return f.Value;
                var merged = StackFileMerge.Merge(f.Value, File.ReadAllText(existing), existing, setKeys, reset);
                kept.AddRange(merged.Kept);
                return merged.Text;
            },
            StringComparer.Ordinal);

    /// <summary>The Pulumi.yaml already in DIR, if any: a different one means stack files written for it need regenerating.</summary>
    private static (string Path, string Text)? ExistingProgram(string directory)
    {
        var existing = Path.Combine(directory, PulumiYamlWriter.ProgramFileName);
        return File.Exists(existing) ? (existing, File.ReadAllText(existing)) : null;
    }

    /// <summary>
    /// The project name of the previous Pulumi.yaml when it is not <paramref name="project"/> (the system
    /// was renamed): the stack files' values sit under the old name, which the new program never reads.
    /// </summary>
    private static string? PreviousProject((string Path, string Text) previous, string project)
    {
        try
        {
            var name = PulumiYamlReader.Read(previous.Text, previous.Path).Project;
            return name != project ? name : null;
        }
        catch (Exception ex) when (ex is ResourceGraphException or PulumiYamlException)
        {
            return null; // not a program heroku2cloud can read: the "changed" warning says enough
        }
    }
}
