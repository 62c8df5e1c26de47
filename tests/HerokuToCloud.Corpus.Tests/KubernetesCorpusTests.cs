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
/// Every real Heroku manifest set in the corpus (HEROKU2CLOUD_CORPUS, default ../shared/corpus) goes
/// through capture, the landing planner and the Kubernetes components, in both datastore modes; every
/// program type-checks against the pinned typings (one tsc run), passes the policy packs and renders
/// as plain manifests.
/// </summary>
public sealed class KubernetesCorpusFixture
{
    public KubernetesCorpusFixture()
    {
        var root = RepositoryRoot();
        Corpus = Environment.GetEnvironmentVariable("HEROKU2CLOUD_CORPUS") is { Length: > 0 } configured
            ? configured
            : Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus"));
        if (!Directory.Exists(Corpus))
            throw new InvalidOperationException($"No corpus at {Corpus}: set HEROKU2CLOUD_CORPUS to the corpus directory (scripts/test-corpus.sh skips this suite when there is none).");

        var external = new KubernetesLandingOptions { Postgres = PostgresMode.External, Redis = RedisMode.External };
        var programs = new SortedDictionary<string, KubernetesProgram>(StringComparer.Ordinal);
        foreach (var directory in Directory.EnumerateDirectories(Corpus).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(directory);
            var system = AppManifestReader.Read(AppManifests.FromDirectory(directory));
            var stack = LandingPlanner.StackNames(system) is { Count: > 0 } stacks ? stacks[0] : "prod";
            var plan = LandingPlanner.Plan(system, stack);
            programs[name] = KubernetesLanding.Build(plan);
            programs[$"{name}-external"] = KubernetesLanding.Build(plan, external);
        }

        Programs = programs;
        Conformance = new ConformanceRunner(Path.Combine(root, "tests", "conformance", "node_modules"))
            .CheckAsync(programs.ToDictionary(p => p.Key, p => p.Value.Graph)).GetAwaiter().GetResult();
    }

    public string Corpus { get; }

    public IReadOnlyDictionary<string, KubernetesProgram> Programs { get; }

    public ConformanceReport Conformance { get; }

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

public class KubernetesCorpusTests(KubernetesCorpusFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<KubernetesCorpusFixture>
{
    [Fact]
    public void Every_corpus_program_type_checks_against_the_pinned_typings()
    {
        Assert.True(fixture.Programs.Count >= 2 * 25, $"only {fixture.Programs.Count} programs from {fixture.Corpus}");
        output.WriteLine(fixture.Conformance.ToString());
        Assert.True(fixture.Conformance.Passed, fixture.Conformance.ToString());
    }

    [Fact]
    public void Every_corpus_program_passes_the_policy_packs()
    {
        var engine = new PolicyEngine([GenericPolicyPack.Create(), KubernetesPolicyPack.Create()]);
        var failures = fixture.Programs
            .Select(p => (p.Key, Report: engine.Check(p.Value.Graph, [p.Value.Stack])))
            .Where(r => !r.Report.Passed)
            .Select(r => $"{r.Key}: {string.Join("; ", r.Report.Violations)}")
            .ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Every_corpus_program_renders_as_plain_manifests_without_secrets()
    {
        foreach (var (name, program) in fixture.Programs)
        {
            var files = KubernetesManifests.Render(program.Graph, program.Stack, program.Required);
            Assert.True(files.ContainsKey(KubernetesManifests.SecretsScript), name);
            Assert.DoesNotContain(files.Values, f => f.Contains("kind: Secret", StringComparison.Ordinal));
        }
    }
}
