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
        Assert.Contains("packs: generic (1 rule), kubernetes (21 rules)", checkedManifests.Stdout, StringComparison.Ordinal);
        Assert.Contains("0 violations, 0 waived, 22 rules checked.", checkedManifests.Stdout, StringComparison.Ordinal);
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
        Assert.Contains("1 violation,", checkedManifests.Stdout, StringComparison.Ordinal);
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

    [Fact]
    public async Task A_secret_written_with_values_fails_whatever_its_key_is_called()
    {
        await GenerateAsync();
        AddListed("90-secret-stripe.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: stripe\n  namespace: emigrate-prod\ndata:\n  STRIPE_KEY: c2tfbGl2ZV94\n");

        var checkedManifests = await Run("check", Output);

        Assert.True(checkedManifests.ExitCode == 1, checkedManifests.ToString());
        Assert.Contains("VIOLATION SECRETS.1 Secret emigrate-prod/stripe (90-secret-stripe.yaml): the Secret carries data.STRIPE_KEY in plaintext", checkedManifests.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 violation,", checkedManifests.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kustomize_generators_namespace_and_images_are_named_in_notes_and_generator_literals_fail()
    {
        await GenerateAsync();
        File.AppendAllText(
            Path.Combine(Output, "kustomization.yaml"),
            "namespace: emigrate-prod\nimages:\n- name: backend\n  newTag: latest\nconfigMapGenerator:\n- name: settings\n  literals:\n  - LOG_LEVEL=debug\n" +
            "secretGenerator:\n- name: stripe\n  literals:\n  - STRIPE_KEY=sk_live_x\n");

        var checkedManifests = await Run("check", Output);

        Assert.True(checkedManifests.ExitCode == 1, checkedManifests.ToString());
        foreach (var key in new[] { "namespace", "images", "configMapGenerator" })
            Assert.Contains($"NOTE      kustomization.yaml has {key}: check reads the listed files as written", checkedManifests.Stdout, StringComparison.Ordinal);
        Assert.Contains("VIOLATION SECRETS.1 Secret emigrate-prod/stripe (kustomization.yaml, secretGenerator literals): ", checkedManifests.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 violation,", checkedManifests.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_privileged_pod_inside_a_list_fails_named_by_its_item()
    {
        await GenerateAsync();
        AddListed(
            "90-debug.yaml",
            "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: debug\n    namespace: emigrate-prod\n" +
            "  spec:\n    containers:\n    - name: shell\n      image: busybox\n      securityContext:\n        privileged: true\n");

        var checkedManifests = await Run("check", Output);

        Assert.True(checkedManifests.ExitCode == 1, checkedManifests.ToString());
        Assert.Contains("VIOLATION PSS.privileged Pod emigrate-prod/debug (90-debug.yaml, item 1): ", checkedManifests.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("add one", checkedManifests.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_is_named_as_a_file_and_the_directory_holding_it_is_suggested()
    {
        await GenerateAsync();
        var file = Path.Combine(Output, BackendDeployment);

        var checkedFile = await Run("check", file);

        Assert.True(checkedFile.ExitCode == 2, checkedFile.ToString());
        Assert.Empty(checkedFile.Stdout);
        Assert.Contains($"error: {file} is a file; check wants the directory `heroku2cloud generate -o` wrote", checkedFile.Stderr, StringComparison.Ordinal);
        Assert.Contains($"such as {Output}.", checkedFile.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("does not exist", checkedFile.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", checkedFile.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_manifest_with_a_duplicate_key_is_reported_as_bad_yaml_with_file_and_line()
    {
        Directory.CreateDirectory(Output);
        File.WriteAllText(Path.Combine(Output, "pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  name: other\n");

        var checkedDirectory = await Run("check", Output);

        Assert.True(checkedDirectory.ExitCode == 2, checkedDirectory.ToString());
        Assert.Contains("error: pod.yaml (line 5): not valid YAML: ", checkedDirectory.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("holds neither", checkedDirectory.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", checkedDirectory.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Writes a manifest and lists it in the kustomization, as a hand edit that adds an object would.</summary>
    private void AddListed(string file, string text)
    {
        File.WriteAllText(Path.Combine(Output, file), text);
        File.AppendAllText(Path.Combine(Output, "kustomization.yaml"), $"- {file}\n");
    }
}
