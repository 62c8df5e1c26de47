using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using HerokuToCloud.Graph.PulumiYaml;
using HerokuToCloud.Graph.TypeScript;

namespace HerokuToCloud.Graph.Conformance;

/// <summary>
/// Proves Pulumi YAML programs against the real provider schemas without the Pulumi engine: each program
/// file is read back with <see cref="PulumiYamlReader"/> (so the file, not the graph it came from, is what
/// is checked), its type tokens and function tokens are resolved against the pinned SDKs, and it is
/// translated into its own TypeScript module. One <c>tsc --noEmit</c> run then checks every module against
/// the pinned <c>@pulumi/*</c> typings (loading the AWS typings dominates the time, so one run serves all).
/// Compiler diagnostics are mapped back to program, element and property.
/// </summary>
public sealed class ConformanceRunner
{
    /// <summary>
    /// Types pulumi-yaml refuses to run even though the SDK has them (pkg/pulumiyaml/packages.go:
    /// kubernetesResourceNames and helmResourceNames).
    /// </summary>
    private static readonly Dictionary<string, string> UnsupportedInYaml = new(StringComparer.Ordinal)
    {
        ["kubernetes:apiextensions.k8s.io:CustomResource"] = "Pulumi YAML cannot create arbitrary custom resources (pulumi/pulumi-kubernetes#1971).",
        ["kubernetes:kustomize:Directory"] = "Pulumi YAML does not support kustomize/Directory (pulumi/pulumi-kubernetes#1971).",
        ["kubernetes:yaml:ConfigFile"] = "Pulumi YAML does not support yaml/ConfigFile; use kubernetes:yaml/v2:ConfigFile.",
        ["kubernetes:yaml:ConfigGroup"] = "Pulumi YAML does not support yaml/ConfigGroup; use kubernetes:yaml/v2:ConfigGroup.",
        ["kubernetes:helm.sh/v2:Chart"] = "Pulumi YAML does not support Helm Chart resources; use kubernetes:helm.sh/v3:Release.",
        ["kubernetes:helm.sh/v3:Chart"] = "Pulumi YAML does not support Helm Chart resources; use kubernetes:helm.sh/v3:Release.",
    };

    private readonly string nodeModules;
    private readonly string node;
    private PulumiTypings? typings;

    /// <param name="nodeModulesDirectory">tests/conformance/node_modules, where scripts/setup.sh installs the pinned typings.</param>
    /// <param name="nodeExecutable">The node binary; found on PATH by default.</param>
    public ConformanceRunner(string nodeModulesDirectory, string nodeExecutable = "node")
    {
        ArgumentException.ThrowIfNullOrEmpty(nodeModulesDirectory);
        nodeModules = Path.GetFullPath(nodeModulesDirectory);
        node = nodeExecutable;
    }

    public string NodeModulesDirectory => nodeModules;

    /// <summary>
    /// Where to write the TypeScript project; it is then kept for inspection (one module per program, the
    /// tsconfig.json, and the command to rerun tsc by hand). By default a temporary directory is used and removed.
    /// </summary>
    public string? WorkspaceDirectory { get; init; }

    private string Compiler => Path.Combine(nodeModules, "typescript", "bin", "tsc");

    /// <summary>The pinned typings (read once per runner).</summary>
    public PulumiTypings Typings
    {
        get
        {
            EnsureInstalled();
            return typings ??= PulumiTypings.Load(nodeModules);
        }
    }

    /// <summary>Checks graphs by writing each as Pulumi YAML first, so the written file is what is checked.</summary>
    public Task<ConformanceReport> CheckAsync(IReadOnlyDictionary<string, ResourceGraph> graphs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graphs);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var early = new List<ConformanceDiagnostic>();
        foreach (var (name, graph) in graphs)
        {
            try
            {
                texts[name] = PulumiYamlWriter.Write(graph);
            }
            catch (ResourceGraphException ex)
            {
                early.Add(new ConformanceDiagnostic(name, null, ConformanceCodes.Program, ex.Message));
            }
        }

        return CheckAsync(texts, early, graphs.Keys.ToList(), cancellationToken);
    }

    /// <summary>Checks programs given as Pulumi YAML text (program name → content of its Pulumi.yaml).</summary>
    public Task<ConformanceReport> CheckAsync(IReadOnlyDictionary<string, string> programs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(programs);
        return CheckAsync(programs, [], programs.Keys.ToList(), cancellationToken);
    }

    private async Task<ConformanceReport> CheckAsync(IReadOnlyDictionary<string, string> programs, List<ConformanceDiagnostic> diagnostics,
        IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var catalog = Typings;
        var workspace = WorkspaceDirectory is { } kept ? Path.GetFullPath(kept) : Path.Combine(Path.GetTempPath(), $"heroku2cloud-conformance-{Guid.NewGuid():N}");
        Directory.CreateDirectory(workspace);
        try
        {
            var modules = new Dictionary<string, (string Program, TypeScriptModule Module)>(StringComparer.Ordinal);
            var number = 0;
            foreach (var (name, text) in programs.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var module = Prepare(name, text, catalog, diagnostics);
                if (module is null)
                    continue;
                var file = $"p{++number:D3}-{TypeScriptNames.Sanitize(name)}.ts";
                await File.WriteAllTextAsync(Path.Combine(workspace, file), module.Source, cancellationToken);
                modules[file] = (name, module);
            }

            var elapsed = TimeSpan.Zero;
            if (modules.Count > 0)
            {
                await File.WriteAllTextAsync(Path.Combine(workspace, "tsconfig.json"), TsConfig(modules.Keys), cancellationToken);
                var stopwatch = Stopwatch.StartNew();
                var (exitCode, output) = await RunCompilerAsync(workspace, cancellationToken);
                elapsed = stopwatch.Elapsed;
                var entries = TscOutput.Parse(output);
                if (exitCode != 0 && entries.Count == 0)
                    throw new ConformanceException($"tsc exited with {exitCode} without diagnostics:\n{output}");
                foreach (var entry in entries)
                {
                    if (entry.File is { } file && modules.TryGetValue(Path.GetFileName(file), out var owner))
                        diagnostics.Add(new ConformanceDiagnostic(owner.Program, owner.Module.Locate(entry.Line), entry.Code, entry.Message));
                    else
                        diagnostics.Add(new ConformanceDiagnostic("(tsc)", null, entry.Code, entry.File is null ? entry.Message : $"{entry.File}({entry.Line},{entry.Column}): {entry.Message}"));
                }
            }

            return new ConformanceReport(names, diagnostics, elapsed);
        }
        finally
        {
            if (WorkspaceDirectory is null)
                Directory.Delete(workspace, recursive: true);
        }
    }

    /// <summary>Reads, resolves and translates one program; null when it cannot get as far as the compiler.</summary>
    private static TypeScriptModule? Prepare(string name, string text, PulumiTypings catalog, List<ConformanceDiagnostic> diagnostics)
    {
        ResourceGraph graph;
        try
        {
            graph = PulumiYamlReader.Read(text, $"{name}/{PulumiYamlWriter.ProgramFileName}");
        }
        catch (PulumiYamlException ex)
        {
            diagnostics.Add(new ConformanceDiagnostic(name, null, ConformanceCodes.Read, ex.Message));
            return null;
        }

        diagnostics.AddRange(ProgramChecks.Problems(graph).Select(p => new ConformanceDiagnostic(name, null, ConformanceCodes.Program, p)));

        foreach (var (package, version) in graph.Packages)
        {
            if (!catalog.Versions.TryGetValue(package, out var typed))
                diagnostics.Add(new ConformanceDiagnostic(name, null, ConformanceCodes.Version, $"package {package} has no typings in the conformance set; add @pulumi/{package} to tests/conformance/package.json."));
            else if (typed != version)
                diagnostics.Add(new ConformanceDiagnostic(name, null, ConformanceCodes.Version, $"the program pins {package} {version} but the typings are {package} {typed}; pin the version that is checked."));
        }

        foreach (var resource in graph.Resources)
        {
            var owner = new SourceOwner("resource", resource.Name, null);
            if (UnsupportedInYaml.TryGetValue(resource.Type, out var reason))
                diagnostics.Add(new ConformanceDiagnostic(name, owner, ConformanceCodes.UnsupportedInYaml, $"{resource.Type}: {reason}"));
            else if (catalog.ResolveResource(resource.Type) is null)
                diagnostics.Add(new ConformanceDiagnostic(name, owner, ConformanceCodes.UnknownType, $"unknown resource type {resource.Type}: no pinned provider defines it."));
        }

        foreach (var (owner, invoke) in Invokes(graph))
        {
            if (catalog.ResolveFunction(invoke.Function) is null)
                diagnostics.Add(new ConformanceDiagnostic(name, owner, ConformanceCodes.UnknownFunction, $"unknown function {invoke.Function}: no pinned provider defines it."));
        }

        try
        {
            var module = TypeScriptTranslator.Translate(graph);
            diagnostics.AddRange(module.Problems.Select(p => new ConformanceDiagnostic(name, p.Owner, ConformanceCodes.Translation, p.Message)));
            return module;
        }
        catch (ResourceGraphException ex)
        {
            diagnostics.Add(new ConformanceDiagnostic(name, null, ConformanceCodes.Program, ex.Message));
            return null;
        }
    }

    private static IEnumerable<(SourceOwner Owner, InvokeValue Invoke)> Invokes(ResourceGraph graph)
    {
        var owned = graph.Variables.Select(v => (new SourceOwner("variable", v.Name, null), v.Value))
            .Concat(graph.Resources.Select(r => (new SourceOwner("resource", r.Name, null), (Value)r.Properties)))
            .Concat(graph.Outputs.Select(o => (new SourceOwner("output", o.Name, null), o.Value)));
        foreach (var (owner, value) in owned)
        {
            foreach (var (path, invoke) in PropertyPath.Walk(value).Where(p => p.Value is InvokeValue).Select(p => (p.Path, (InvokeValue)p.Value)))
                yield return (owner with { Property = path.IsRoot ? null : path.ToString() }, invoke);
        }
    }

    private string TsConfig(IEnumerable<string> files)
    {
        var types = Directory.Exists(Path.Combine(nodeModules, "@types", "node")) ? new[] { "node" } : [];
        var config = new
        {
            compilerOptions = new Dictionary<string, object>
            {
                ["strict"] = true,
                ["noEmit"] = true,
                ["skipLibCheck"] = true,
                ["target"] = "ES2022",
                ["module"] = "commonjs",
                ["moduleResolution"] = "node",
                ["baseUrl"] = ".",
                ["paths"] = new Dictionary<string, string[]> { ["@pulumi/*"] = [Path.Combine(nodeModules, "@pulumi", "*")] },
                ["typeRoots"] = new[] { Path.Combine(nodeModules, "@types") },
                ["types"] = types,
            },
            files = files.ToArray(),
        };
        return JsonSerializer.Serialize(config, new JsonSerializerOptions { WriteIndented = true });
    }

    private async Task<(int ExitCode, string Output)> RunCompilerAsync(string workspace, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(node)
        {
            WorkingDirectory = workspace,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { Compiler, "-p", Path.Combine(workspace, "tsconfig.json"), "--pretty", "false" })
            start.ArgumentList.Add(argument);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ConformanceException($"Could not start {node}.");
        }
        catch (Win32Exception ex)
        {
            throw new ConformanceException($"Could not run {node} ({ex.Message}); install Node.js 20 or run scripts/setup.sh.");
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            return (process.ExitCode, await stdout + await stderr);
        }
    }

    private void EnsureInstalled()
    {
        if (!File.Exists(Compiler) || !Directory.Exists(Path.Combine(nodeModules, "@pulumi", "pulumi")))
        {
            throw new ConformanceException(
                $"The pinned Pulumi typings are not installed at {nodeModules}. Run scripts/setup.sh (it runs `npm ci --ignore-scripts` in tests/conformance).");
        }
    }
}
