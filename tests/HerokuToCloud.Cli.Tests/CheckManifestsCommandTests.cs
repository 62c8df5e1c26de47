using HerokuToCloud.Cli.Tests.Infrastructure;

namespace HerokuToCloud.Cli.Tests;

/// <summary>`heroku2cloud check` on what `generate --format manifests` wrote, run as the real program: generated, then edited by hand.</summary>
public sealed class CheckManifestsCommandTests : IDisposable
{
    private const string BackendDeployment = "07-deployment-emigrate-backend-web.yaml";

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("h2c-check-manifests-");

    public void Dispose() => work.Delete(recursive: true);

    private string Output => Path.Combine(work.FullName, "k8s");

    private Task<Heroku2CloudProcess.Result> Run(params string[] args) => Heroku2CloudProcess.RunAsync(work.FullName, args);

    private async Task GenerateAsync()
    {
        var generated = await Run("generate", Repository.Example("emigrate"), "-t", "kubernetes", "-s", "prod", "--format", "manifests", "-o", Output);
        Assert.True(generated.ExitCode == 0, generated.ToString());
    }

    [Fact]
    public async Task Generated_manifests_pass_check()
    {
        await GenerateAsync();

        var checkedManifests = await Run("check", Output);

        Assert.True(checkedManifests.ExitCode == 0, checkedManifests.ToString());
        Assert.Contains("Kubernetes manifests, 21 objects in 21 files (the resources kustomization.yaml lists)", checkedManifests.Stdout, StringComparison.Ordinal);
        Assert.Contains("kubernetes (21 rules)", checkedManifests.Stdout, StringComparison.Ordinal);
        Assert.Contains("0 violation(s)", checkedManifests.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hand_edit_fails_naming_rule_object_and_file()
    {
        await GenerateAsync();
        var path = Path.Combine(Output, BackendDeployment);
        File.WriteAllText(path, File.ReadAllText(path).Replace("allowPrivilegeEscalation: false", "allowPrivilegeEscalation: false\n          privileged: true", StringComparison.Ordinal));

        var checkedManifests = await Run("check", Output);

        Assert.True(checkedManifests.ExitCode == 1, checkedManifests.ToString());
        Assert.Contains($"VIOLATION PSS.privileged Deployment emigrate-prod/emigrate-backend-web ({BackendDeployment}): ", checkedManifests.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 violation(s)", checkedManifests.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_names_the_format_and_the_violation()
    {
        await GenerateAsync();
        var kustomization = Path.Combine(Output, "kustomization.yaml");
        File.WriteAllText(kustomization, File.ReadAllText(kustomization).Replace("- \"01-networkpolicy-default-deny.yaml\"\n", "", StringComparison.Ordinal));

        var checkedManifests = await Run("check", Output, "--json");

        Assert.True(checkedManifests.ExitCode == 1, checkedManifests.ToString());
        Assert.Contains("\"format\": \"manifests\"", checkedManifests.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"rule\": \"K8S.defaultDenyNetworkPolicy\"", checkedManifests.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"resource\": \"Namespace emigrate-prod (00-namespace-emigrate-prod.yaml)\"", checkedManifests.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_directory_of_other_yaml_is_named_with_what_check_reads_and_exits_2()
    {
        Directory.CreateDirectory(Output);
        File.WriteAllText(Path.Combine(Output, "settings.yaml"), "retries: 3\n");

        var checkedDirectory = await Run("check", Output);

        Assert.True(checkedDirectory.ExitCode == 2, checkedDirectory.ToString());
        Assert.Empty(checkedDirectory.Stdout);
        Assert.Contains($"error: {Output} holds neither a Pulumi program (Pulumi.yaml) nor Kubernetes manifests", checkedDirectory.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", checkedDirectory.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_manifest_names_the_file_and_line_and_exits_2()
    {
        await GenerateAsync();
        File.AppendAllText(Path.Combine(Output, BackendDeployment), "  bad: [\n");

        var checkedManifests = await Run("check", Output);

        Assert.True(checkedManifests.ExitCode == 2, checkedManifests.ToString());
        Assert.Contains($"error: {BackendDeployment} (line ", checkedManifests.Stderr, StringComparison.Ordinal);
        Assert.Contains("not valid YAML", checkedManifests.Stderr, StringComparison.Ordinal);
    }
}
