using System.Text.Json;
using HerokuToCloud.Cli.Tests.Infrastructure;

namespace HerokuToCloud.Cli.Tests;

/// <summary>
/// `check DIR` holds the stack files to the limits `generate` applies, for both targets: the team edits
/// them with pulumi config set, and the cloud would refuse a bad value only at pulumi up.
/// </summary>
public sealed class CheckStackValuesTests : IDisposable
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("h2c-check-values-");

    public void Dispose() => work.Delete(recursive: true);

    private Task<Heroku2CloudProcess.Result> Run(params string[] args) => Heroku2CloudProcess.RunAsync(work.FullName, NoEnvironment, args);

    /// <summary>Generates the emigrate example for <paramref name="target"/>, then edits one line of its stack file as a team would.</summary>
    private async Task<string> GenerateAndEdit(string target, string line, string replacement)
    {
        var output = Path.Combine(work.FullName, target);
        var generated = await Run("generate", Repository.Example("emigrate"), "--target", target, "--stack", "prod", "-o", output);
        Assert.True(generated.ExitCode == 0, generated.ToString());
        var stackFile = Path.Combine(output, "Pulumi.prod.yaml");
        var text = File.ReadAllText(stackFile);
        Assert.Contains(line, text, StringComparison.Ordinal);
        File.WriteAllText(stackFile, text.Replace(line, replacement, StringComparison.Ordinal));
        return output;
    }

    [Theory]
    [InlineData("kubernetes", "emigrate:emigrateEmailerWorkerReplicas: 1", "emigrate:emigrateEmailerWorkerReplicas: -1",
        "INVALID   Pulumi.prod.yaml emigrate:emigrateEmailerWorkerReplicas: -1 is not a replica count; use a whole number, 0 or more.")]
    [InlineData("kubernetes", "emigrate:emigrateBackendWebMemoryLimit: 1Gi", "emigrate:emigrateBackendWebMemoryLimit: 1gb",
        "INVALID   Pulumi.prod.yaml emigrate:emigrateBackendWebMemoryLimit: 1gb is not a Kubernetes quantity for memory")]
    [InlineData("kubernetes", "emigrate:nodeArchitecture: amd64", "emigrate:nodeArchitecture: x86_64",
        "INVALID   Pulumi.prod.yaml emigrate:nodeArchitecture: x86_64 is not a node architecture; use amd64 or arm64, spelled so.")]
    [InlineData("kubernetes", "emigrate:emigrateBackendWebHealthCheckPath: /", "emigrate:emigrateBackendWebHealthCheckPath: health",
        "INVALID   Pulumi.prod.yaml emigrate:emigrateBackendWebHealthCheckPath: \"health\" does not start with '/'; use an absolute HTTP path")]
    [InlineData("aws", "emigrate:emigrateBackendWebCount: 1", "emigrate:emigrateBackendWebCount: -1",
        "INVALID   Pulumi.prod.yaml emigrate:emigrateBackendWebCount: -1 is not a task count; use a whole number, 0 or more.")]
    [InlineData("aws", "emigrate:emigrateBackendWebMemory: '1024'", "emigrate:emigrateBackendWebMemory: '999'",
        "INVALID   Pulumi.prod.yaml emigrate:emigrateBackendWebMemory: 999 MiB does not go with emigrateBackendWebCpu = 512")]
    // Values of the wrong type for what Pulumi.yaml declares: Pulumi refuses them before the program runs.
    [InlineData("kubernetes", "emigrate:emigrateBackendDbEnablePdb: false", "emigrate:emigrateBackendDbEnablePdb: maybe",
        "INVALID   Pulumi.prod.yaml emigrate:emigrateBackendDbEnablePdb: \"maybe\" is not a boolean; use true or false.")]
    [InlineData("kubernetes", "emigrate:emigrateEmailerWorkerReplicas: 1", "emigrate:emigrateEmailerWorkerReplicas: two",
        "INVALID   Pulumi.prod.yaml emigrate:emigrateEmailerWorkerReplicas: \"two\" is not an integer; use a whole number such as 1.")]
    [InlineData("aws", "emigrate:emigrateBackendDbMultiAz: false", "emigrate:emigrateBackendDbMultiAz: 'no'",
        "INVALID   Pulumi.prod.yaml emigrate:emigrateBackendDbMultiAz: \"no\" is not a boolean; use true or false.")]
    [InlineData("aws", "emigrate:loadBalancerDeletionProtection: true", "emigrate:loadBalancerDeletionProtection: yes",
        "INVALID   Pulumi.prod.yaml emigrate:loadBalancerDeletionProtection: \"yes\" is not a boolean; use true or false.")]
    public async Task A_stack_value_the_cloud_would_refuse_fails_check_naming_file_and_key(string target, string line, string replacement, string expected)
    {
        var output = await GenerateAndEdit(target, line, replacement);
        var result = await Run("check", output);
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(expected, result.Stdout, StringComparison.Ordinal);
        Assert.Contains("0 violations, 1 stack value the cloud would refuse", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_report_lists_refused_values_and_does_not_pass()
    {
        var output = await GenerateAndEdit("kubernetes", "emigrate:emigrateBackendDbInstances: 1", "emigrate:emigrateBackendDbInstances: 0");
        var result = await Run("check", output, "--json");
        Assert.True(result.ExitCode == 1, result.ToString());
        using var report = JsonDocument.Parse(result.Stdout);
        Assert.False(report.RootElement.GetProperty("passed").GetBoolean());
        var refused = Assert.Single(report.RootElement.GetProperty("invalidStackValues").EnumerateArray());
        Assert.Equal("Pulumi.prod.yaml", refused.GetProperty("file").GetString());
        Assert.Equal("emigrate:emigrateBackendDbInstances", refused.GetProperty("key").GetString());
        Assert.StartsWith("0 is not an instance count", refused.GetProperty("problem").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("emigrate:emigrateBackendDbEnablePdb: false", "emigrate:emigrateBackendDbEnablePdb: 'true'")]
    [InlineData("emigrate:emigrateEmailerWorkerReplicas: 1", "emigrate:emigrateEmailerWorkerReplicas: '2'")]
    [InlineData("emigrate:emigrateBackendDbMaxConnections: '20'", "emigrate:emigrateBackendDbMaxConnections: 20")]
    public async Task Values_pulumi_reads_as_their_declared_type_pass(string line, string replacement)
    {
        var output = await GenerateAndEdit("kubernetes", line, replacement);
        var result = await Run("check", output);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("INVALID", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_within_the_limits_pass()
    {
        var output = await GenerateAndEdit("kubernetes", "emigrate:emigrateBackendWebCpuLimit: 500m", "emigrate:emigrateBackendWebCpuLimit: '2'");
        var result = await Run("check", output);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("INVALID", result.Stdout, StringComparison.Ordinal);
    }
}
