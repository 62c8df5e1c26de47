using HerokuToCloud.Cli.Tests.Infrastructure;

namespace HerokuToCloud.Cli.Tests.Generate;

/// <summary>
/// What `generate --target aws` already refuses or waives, `--target kubernetes` does the same way:
/// --writable-root, and stack values Kubernetes would refuse at pulumi up.
/// </summary>
public sealed class KubernetesParityTests : IDisposable
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("h2c-k8s-parity-");

    public void Dispose() => work.Delete(recursive: true);

    private string Output => Path.Combine(work.FullName, "landing");

    private Task<Heroku2CloudProcess.Result> Generate(params string[] more) =>
        Heroku2CloudProcess.RunAsync(work.FullName, NoEnvironment,
            ["generate", Repository.Example("emigrate"), "--target", "kubernetes", "--stack", "prod", "-o", Output, .. more]);

    [Fact]
    public async Task Writable_root_keeps_the_named_process_writable_warns_and_check_lists_the_waiver()
    {
        var generated = await Generate("--writable-root", "emigrate-emailer/worker");
        Assert.True(generated.ExitCode == 0, generated.ToString());
        Assert.Contains("emigrate-emailer/worker: runs with a writable root filesystem because --writable-root", generated.Stdout, StringComparison.Ordinal);
        var program = File.ReadAllText(Path.Combine(Output, "Pulumi.yaml"));
        Assert.Contains("waive.heroku2cloud.io/K8S.readOnlyRootFilesystem", program, StringComparison.Ordinal);
        Assert.Contains("readOnlyRootFilesystem: false", program, StringComparison.Ordinal);

        var checkedProgram = await Heroku2CloudProcess.RunAsync(work.FullName, NoEnvironment, ["check", Output]);
        Assert.True(checkedProgram.ExitCode == 0, checkedProgram.ToString());
        Assert.Contains("WAIVED    K8S.readOnlyRootFilesystem emigrate-emailer-worker-deployment", checkedProgram.Stdout, StringComparison.Ordinal);
        Assert.Contains("0 violations, 1 waived", checkedProgram.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writable_root_in_manifests_is_a_waiver_check_reads_back_from_the_files()
    {
        var generated = await Generate("--format", "manifests", "--writable-root", "worker");
        Assert.True(generated.ExitCode == 0, generated.ToString());
        var checkedManifests = await Heroku2CloudProcess.RunAsync(work.FullName, NoEnvironment, ["check", Output]);
        Assert.True(checkedManifests.ExitCode == 0, checkedManifests.ToString());
        Assert.Contains("WAIVED    K8S.readOnlyRootFilesystem Deployment", checkedManifests.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sidekiq")]
    [InlineData("emigrate-frontend/worker")]
    public async Task An_unknown_writable_root_is_a_usage_error_naming_it_and_nothing_is_written(string entry)
    {
        var result = await Generate("--writable-root", entry);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith($"error: --writable-root {entry}: no app of the plan runs a process of that name", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("emigrate-emailer/worker", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Output));
    }

    [Theory]
    [InlineData("emigrateEmailerWorkerReplicas=-1", "--set emigrateEmailerWorkerReplicas: -1 is not a replica count; use a whole number, 0 or more.")]
    [InlineData("emigrateBackendWebCpuRequest=lots", "--set emigrateBackendWebCpuRequest: lots is not a Kubernetes quantity for cpu")]
    [InlineData("emigrateBackendWebMemoryLimit=512m", "--set emigrateBackendWebMemoryLimit: 512m is 0.512 bytes")]
    [InlineData("emigrateBackendWebCpuRequest=2", "--set emigrateBackendWebCpuRequest: 2 is more than emigrateBackendWebCpuLimit = 500m")]
    [InlineData("emigrateBackendDbStorageSize=20GB", "--set emigrateBackendDbStorageSize: 20GB is not a Kubernetes quantity for storage")]
    [InlineData("emigrateBackendDbInstances=0", "--set emigrateBackendDbInstances: 0 is not an instance count")]
    [InlineData("nodeArchitecture=arm", "--set nodeArchitecture: arm is not a node architecture; use amd64 or arm64, spelled so.")]
    [InlineData("emigrateFrontendWebHealthCheckPath=/up now", "--set emigrateFrontendWebHealthCheckPath: \"/up now\" has a space or control character; use an absolute HTTP path")]
    public async Task A_stack_value_Kubernetes_would_refuse_is_a_usage_error_naming_the_key(string setting, string expected)
    {
        var result = await Generate("--set", setting);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was written.", result.Stderr.TrimEnd(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Output));
    }

    [Fact]
    public async Task A_bad_value_is_refused_for_manifests_too_before_anything_is_rendered()
    {
        var result = await Generate("--format", "manifests", "--set", "emigrateEmailerWorkerReplicas=-3");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--set emigrateEmailerWorkerReplicas: -3 is not a replica count", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Output));
    }

    [Fact]
    public async Task A_bad_node_architecture_kept_in_the_stack_file_is_refused_and_the_file_left_alone()
    {
        Assert.Equal(0, (await Generate()).ExitCode);
        var stackFile = Path.Combine(Output, "Pulumi.prod.yaml");
        File.WriteAllText(stackFile, File.ReadAllText(stackFile).Replace("emigrate:nodeArchitecture: amd64", "emigrate:nodeArchitecture: aarch64", StringComparison.Ordinal));
        var before = File.ReadAllText(stackFile);

        var result = await Generate();
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("nodeArchitecture (kept in", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Pulumi.prod.yaml): aarch64 is not a node architecture; use amd64 or arm64, spelled so.", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(stackFile));
    }

    [Fact]
    public async Task The_generated_descriptions_say_what_the_new_limits_allow()
    {
        Assert.Equal(0, (await Generate()).ExitCode);
        var program = File.ReadAllText(Path.Combine(Output, "Pulumi.yaml"));
        Assert.Contains("amd64 or arm64, spelled so", program, StringComparison.Ordinal);
        Assert.Contains("has no spaces or control characters, and is at most 1024 characters", program, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_value_kept_in_the_stack_file_is_named_with_the_file()
    {
        Assert.Equal(0, (await Generate()).ExitCode);
        var stackFile = Path.Combine(Output, "Pulumi.prod.yaml");
        File.WriteAllText(stackFile, File.ReadAllText(stackFile).Replace("emigrate:emigrateEmailerWorkerReplicas: 1", "emigrate:emigrateEmailerWorkerReplicas: -2", StringComparison.Ordinal));

        var result = await Generate();
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("emigrateEmailerWorkerReplicas (kept in", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Pulumi.prod.yaml): -2 is not a replica count", result.Stderr, StringComparison.Ordinal);
    }
}
