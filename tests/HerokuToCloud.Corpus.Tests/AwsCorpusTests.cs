using System.Diagnostics;
using HerokuToCloud.Aws;
using HerokuToCloud.Aws.Policy;
using HerokuToCloud.Corpus.Tests.Support;
using HerokuToCloud.Graph;
using HerokuToCloud.Graph.Conformance;
using HerokuToCloud.Graph.Policy;
using HerokuToCloud.Graph.Policy.Generic;
using HerokuToCloud.Graph.PulumiYaml;
using HerokuToCloud.Inventory;
using HerokuToCloud.Inventory.Readers.Manifests;
using HerokuToCloud.Landing;
using Xunit.Abstractions;

namespace HerokuToCloud.Corpus.Tests;

/// <summary>One corpus folder landed on AWS: every stack of the system, built with all stages known, as the CLI does.</summary>
public sealed record AwsCorpusLanding(HerokuSystem System, IReadOnlyList<AwsLandingResult> Stacks)
{
    public ResourceGraph Program => Stacks[0].Program;

    /// <summary>Pulumi.yaml and one Pulumi.&lt;stack&gt;.yaml per stack, as generate writes them.</summary>
    public IReadOnlyDictionary<string, string> Files => ProgramFiles.Create(Program, Stacks.Select(s => s.Stack)).Files;

    /// <summary>
    /// Captures the folder as a person following capture's notes would (the Procfile that app.json's
    /// PROCFILE_PATH names), optionally with app.json rewritten, and lands it.
    /// </summary>
    public static AwsCorpusLanding Land(string folder, Func<string, string>? rewriteAppJson = null)
    {
        var manifests = CorpusCaptureTests.Manifests(folder, CorpusExpectation.For(folder).ProcfileName);
        if (rewriteAppJson is not null && manifests.AppJson is { } appJson)
            manifests = manifests with { AppJson = appJson with { Text = rewriteAppJson(appJson.Text) } };
        var system = AppManifestReader.Read(manifests);
        var stacks = LandingPlanner.StackNames(system) is { Count: > 0 } names ? names : ["prod"];
        var plans = stacks.Select(s => LandingPlanner.Plan(system, s)).ToList();
        return new AwsCorpusLanding(system, [.. plans.Select(p => AwsLanding.Build(p, stages: plans))]);
    }
}

/// <summary>
/// Lands every corpus folder on AWS and type-checks all the programs in one tsc run (loading the AWS
/// typings dominates; per-folder runs would take many minutes), the first time a case asks for them. A
/// folder that fails to land keeps its exception, so only its own case fails.
/// </summary>
public sealed class AwsCorpusFixture
{
    private readonly Lazy<(IReadOnlyDictionary<string, AwsCorpusLanding> Landed, IReadOnlyDictionary<string, Exception> Failed, ConformanceReport Report, TimeSpan Wall)> landed = new(Land);

    public IReadOnlyDictionary<string, AwsCorpusLanding> Landed => landed.Value.Landed;

    public IReadOnlyDictionary<string, Exception> Failed => landed.Value.Failed;

    public ConformanceReport Conformance => landed.Value.Report;

    /// <summary>Wall time of the whole shared check (translation and tsc); <see cref="ConformanceReport.CompilerTime"/> is tsc alone.</summary>
    public TimeSpan ConformanceWallTime => landed.Value.Wall;

    public AwsCorpusLanding For(string folder)
    {
        if (Failed.TryGetValue(folder, out var failure))
            Assert.Fail($"{folder} does not land on AWS: {failure.GetType().Name}: {failure.Message}");
        return Landed[folder];
    }

    private static (IReadOnlyDictionary<string, AwsCorpusLanding>, IReadOnlyDictionary<string, Exception>, ConformanceReport, TimeSpan) Land()
    {
        var landings = new SortedDictionary<string, AwsCorpusLanding>(StringComparer.Ordinal);
        var failed = new SortedDictionary<string, Exception>(StringComparer.Ordinal);
        foreach (var folder in CorpusFolders.Folders())
        {
            try
            {
                landings[folder] = AwsCorpusLanding.Land(folder);
            }
            catch (Exception ex)
            {
                failed[folder] = ex;
            }
        }

        var nodeModules = Path.Combine(CorpusFolders.RepositoryRoot(), "tests", "conformance", "node_modules");
        if (!Directory.Exists(Path.Combine(nodeModules, "@pulumi", "aws")))
            throw new InvalidOperationException($"The pinned Pulumi typings are missing at {nodeModules}: run scripts/setup.sh first.");
        var runner = new ConformanceRunner(nodeModules)
        {
            WorkspaceDirectory = Environment.GetEnvironmentVariable("HEROKU2CLOUD_CONFORMANCE_WORKSPACE") is { Length: > 0 } kept ? kept : null,
        };
        var stopwatch = Stopwatch.StartNew();
        var report = runner.CheckAsync(landings.ToDictionary(l => l.Key, l => l.Value.Program)).GetAwaiter().GetResult();
        return (landings, failed, report, stopwatch.Elapsed);
    }
}

/// <summary>
/// Every real Heroku manifest set lands on AWS: the program type-checks against the pinned
/// @pulumi/aws, random and command typings, passes the generic and AWS policy packs with reasoned
/// waivers only, is byte-identical when built again, carries no env value from app.json, and reports
/// every add-on it does not generate as a finding with a reason.
/// </summary>
public class AwsCorpusTests(AwsCorpusFixture fixture, ITestOutputHelper output) : IClassFixture<AwsCorpusFixture>
{
    /// <summary>Add-on services the AWS landing turns into resources (RDS, ElastiCache) or consumes (Scheduler).</summary>
    private static readonly HashSet<string> Landed = new(StringComparer.OrdinalIgnoreCase)
    {
        "heroku-postgresql", "heroku-redis", "heroku-key-value-store", "rediscloud", "redisgreen", "redistogo", "scheduler",
    };

    private static readonly PolicyEngine Engine = new([GenericPolicyPack.Create(), AwsPolicyPack.Create()]);

    [CorpusFact]
    public void Lands_on_aws_as_a_program_that_type_checks_against_the_pinned_typings(string folder)
    {
        var landing = fixture.For(folder);

        var diagnostics = fixture.Conformance.For(folder);
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
        Assert.Contains(folder, fixture.Conformance.Programs);
        Assert.Contains(landing.Program.Resources, r => r.Type == "aws:ecs/cluster:Cluster");
        output.WriteLine($"{folder}: {landing.Program.Resources.Count} resources; the shared check of {fixture.Conformance.Programs.Count} programs took " +
            $"{fixture.ConformanceWallTime.TotalSeconds:F1} s ({fixture.Conformance.CompilerTime.TotalSeconds:F1} s in tsc)");
    }

    [CorpusFact]
    public void Passes_the_generic_and_aws_policy_packs_with_reasoned_waivers_only(string folder)
    {
        var landing = fixture.For(folder);

        var report = Engine.Check(landing.Program, landing.Stacks.Select(s => s.Stack));

        Assert.True(report.Passed, $"{folder}: {string.Join("\n", report.Violations.Select(v => $"{v.RuleId} {v.Resource}: {v.Message}"))}");
        Assert.Contains(report.Packs, p => p.Name == "aws");
        Assert.All(report.Waived, w => Assert.False(string.IsNullOrWhiteSpace(w.Reason), $"{w.Violation.RuleId} on {w.Violation.Resource} is waived without a reason"));
        Assert.Empty(report.UnusedWaivers);
        output.WriteLine($"{folder}: {report.RuleCount} rules, {report.Waived.Count} waived: {string.Join(", ", report.Waived.Select(w => $"{w.Violation.RuleId} {w.Violation.Resource}").Order(StringComparer.Ordinal))}");
    }

    [CorpusFact]
    public void Is_the_same_program_for_every_stack_and_byte_identical_when_built_again(string folder)
    {
        var first = fixture.For(folder);
        var again = AwsCorpusLanding.Land(folder);

        Assert.Equal(first.Files, again.Files);
        Assert.All(first.Stacks, s => Assert.Equal(first.Files[PulumiYamlWriter.ProgramFileName], PulumiYamlWriter.Write(s.Program)));
        Assert.Equal(first.Stacks.Count + 1, first.Files.Count);
    }

    [CorpusFact]
    public void Carries_no_env_value_of_the_manifest_and_asks_for_every_team_var_as_secret_config(string folder)
    {
        var landing = fixture.For(folder);
        var files = landing.Files;
        var text = string.Concat(files.Values);

        // The landing rules take config var names only, never values: with every env value of
        // app.json replaced by another, the generated files are byte for byte the same.
        var values = CorpusExpectation.For(folder).EnvValues;
        var (replaced, keptProcfilePath) = (0, 0);
        var placeholders = AwsCorpusLanding.Land(folder, appJson =>
        {
            var (rewritten, count) = EnvValuePlaceholders.Replace(appJson);
            (replaced, keptProcfilePath) = (count, appJson.Contains("\"PROCFILE_PATH\"", StringComparison.Ordinal) ? 1 : 0);
            return rewritten;
        });
        Assert.True(replaced + keptProcfilePath >= values.Count, $"{folder}: only {replaced} of {values.Count} env values were replaced");
        Assert.Equal(files, placeholders.Files);

        // And no value that is more than an ordinary word ("production" is in the config descriptions) is in the files.
        foreach (var value in values.Where(v => v.Length >= 8 && !v.All(char.IsAsciiLetter)))
            Assert.False(text.Contains(value, StringComparison.Ordinal), $"{folder}: an app.json env value appears in the generated files");

        // Every var the manifest sets by hand becomes a secret config key with no value in any stack file.
        var declared = landing.Program.Config.ToDictionary(c => c.Key, StringComparer.Ordinal);
        var teamVars = landing.System.Apps.SelectMany(a => a.Config)
            .Where(c => c.Kind == ConfigVarKind.Team && c.Value == ConfigValueSource.SecretConfig)
            .Select(c => c.Name)
            .ToList();
        foreach (var result in landing.Stacks)
        {
            foreach (var entry in result.Program.Config.Where(c => teamVars.Any(v => c.Key.EndsWith("-" + v, StringComparison.Ordinal))))
            {
                Assert.True(entry.Secret, $"{folder}: config key {entry.Key} holds a team var but is not secret");
                Assert.False(result.Stack.Values.ContainsKey(entry.Key), $"{folder}: stack {result.Stack.Stack} sets a value for secret key {entry.Key}");
            }
        }

        Assert.All(landing.Stacks, s => Assert.All(s.SecretConfigKeys, k => Assert.True(declared[k].Secret)));
    }

    [CorpusFact]
    public void Reports_every_add_on_it_does_not_generate_as_a_finding_with_a_reason(string folder)
    {
        var landing = fixture.For(folder);

        foreach (var addon in landing.System.Addons)
        {
            var subject = $"addons[{addon.Name}]";
            foreach (var result in landing.Stacks)
            {
                var findings = result.Findings.Where(f => f.Subject == subject).ToList();
                Assert.True(findings.Count > 0, $"{folder}: add-on {addon.Name} ({addon.Service}) has no finding in stack {result.Stack.Stack}");
                if (Landed.Contains(addon.Service))
                    continue;

                var warning = Assert.Single(findings, f => f.Severity == FindingSeverity.Warning);
                Assert.Contains(addon.Service, warning.Message, StringComparison.Ordinal);

                // A reason is more than the add-on's name: what it is and what to do instead.
                var label = string.IsNullOrWhiteSpace(addon.Plan) ? addon.Service : $"{addon.Service}:{addon.Plan}";
                Assert.True(warning.Message.Length > label.Length + 20, $"{folder}: the finding for {addon.Name} gives no reason: {warning.Message}");
                Assert.DoesNotContain(result.Program.Resources, r => r.Name.Contains(addon.Service, StringComparison.Ordinal));
            }
        }

        var stores = landing.Stacks[0].Program.Resources.Count(r => r.Type is "aws:rds/instance:Instance" or "aws:elasticache/replicationGroup:ReplicationGroup");
        var plan = LandingPlanner.Plan(landing.System, landing.Stacks[0].Stack.Stack);
        Assert.Equal(plan.Datastores.Count, stores);
        output.WriteLine($"{folder}: {landing.System.Addons.Count} add-ons, {plan.Datastores.Count} datastores, " +
            $"{landing.Stacks[0].Findings.Count(f => f.Severity == FindingSeverity.Warning)} warnings");
    }
}
