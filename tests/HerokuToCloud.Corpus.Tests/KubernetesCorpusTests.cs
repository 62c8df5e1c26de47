using HerokuToCloud.Corpus.Tests.Support;
using HerokuToCloud.Graph.Conformance;
using HerokuToCloud.Graph.Policy;
using HerokuToCloud.Graph.Policy.Generic;
using HerokuToCloud.Inventory.Readers.Manifests;
using HerokuToCloud.Kubernetes;
using HerokuToCloud.Kubernetes.Manifests;
using HerokuToCloud.Kubernetes.Policy;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Corpus.Tests;

/// <summary>
/// Lands every corpus folder on Kubernetes in both datastore modes and type-checks all the programs in
/// one tsc run (per-folder runs would take minutes), the first time a case asks for them.
/// </summary>
public sealed class KubernetesCorpusFixture
{
    private readonly Lazy<(IReadOnlyDictionary<string, KubernetesProgram> Programs, ConformanceReport Report)> landed = new(Land);

    public IReadOnlyDictionary<string, KubernetesProgram> Programs => landed.Value.Programs;

    public ConformanceReport Conformance => landed.Value.Report;

    public static string External(string folder) => $"{folder}-external";

    private static (IReadOnlyDictionary<string, KubernetesProgram>, ConformanceReport) Land()
    {
        var external = new KubernetesLandingOptions { Postgres = PostgresMode.External, Redis = RedisMode.External };
        var programs = new SortedDictionary<string, KubernetesProgram>(StringComparer.Ordinal);
        foreach (var folder in CorpusFolders.Folders())
        {
            var system = AppManifestReader.Read(AppManifests.FromDirectory(Path.Combine(CorpusFolders.Location, folder)));
            var stack = LandingPlanner.StackNames(system) is { Count: > 0 } stacks ? stacks[0] : "prod";
            var plan = LandingPlanner.Plan(system, stack);
            programs[folder] = KubernetesLanding.Build(plan);
            programs[External(folder)] = KubernetesLanding.Build(plan, external);
        }

        var report = new ConformanceRunner(Path.Combine(RepositoryRoot(), "tests", "conformance", "node_modules"))
            .CheckAsync(programs.ToDictionary(p => p.Key, p => p.Value.Graph)).GetAwaiter().GetResult();
        return (programs, report);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HerokuToCloud.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException("No HerokuToCloud.sln above the test binaries.");
    }
}

/// <summary>
/// Every real Heroku manifest set lands on Kubernetes (CloudNativePG/Valkey and external datastores):
/// the programs type-check against the pinned typings, pass the generic and Kubernetes policy packs,
/// and render as plain manifests with no Secret in them.
/// </summary>
public class KubernetesCorpusTests(KubernetesCorpusFixture fixture) : IClassFixture<KubernetesCorpusFixture>
{
    private static readonly PolicyEngine Engine = new([GenericPolicyPack.Create(), KubernetesPolicyPack.Create()]);

    [CorpusFact]
    public void Lands_on_kubernetes_as_a_conforming_program_that_passes_policy(string folder)
    {
        foreach (var name in new[] { folder, KubernetesCorpusFixture.External(folder) })
        {
            var program = fixture.Programs[name];
            var diagnostics = fixture.Conformance.For(name);
            Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));

            var report = Engine.Check(program.Graph, [program.Stack]);
            Assert.True(report.Passed, $"{name}: {string.Join("\n", report.Violations)}");

            var files = KubernetesManifests.Render(program.Graph, program.Stack, program.Required);
            Assert.Contains(KubernetesManifests.SecretsScript, files.Keys);
            Assert.DoesNotContain(files.Values, f => f.Contains("kind: Secret", StringComparison.Ordinal));
        }
    }
}
