using HerokuToCloud.Graph.Policy;
using HerokuToCloud.Kubernetes.Manifests;
using HerokuToCloud.Kubernetes.Policy;

namespace HerokuToCloud.Kubernetes.Tests;

/// <summary>Plain manifests written to a directory, edited by hand, read back and checked by the Kubernetes pack.</summary>
public sealed class ManifestDirectoryTests : IDisposable
{
    private const string WebDeployment = "07-deployment-shop-web-web.yaml";

    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("h2c-manifests-");

    public ManifestDirectoryTests()
    {
        var program = KubernetesLanding.Build(SamplePlans.Shop());
        foreach (var (file, text) in KubernetesManifests.Render(program.Graph, program.Stack))
            File.WriteAllText(Path.Combine(directory.FullName, file), text);
    }

    public void Dispose() => directory.Delete(recursive: true);

    private string PathOf(string file) => Path.Combine(directory.FullName, file);

    private void Edit(string file, string from, string to)
    {
        var text = File.ReadAllText(PathOf(file));
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(PathOf(file), text.Replace(from, to, StringComparison.Ordinal));
    }

    private PolicyReport Check() =>
        new PolicyEngine([new PolicyPack("generic", null, [new ManifestPlaintextSecretRule()]), KubernetesPolicyPack.Create()])
            .Check(ManifestDirectory.Read(directory.FullName).Graph);

    [Fact]
    public void Generated_manifests_read_back_as_the_objects_with_their_pulumi_types_and_pass_the_pack()
    {
        var set = ManifestDirectory.Read(directory.FullName);

        var deployment = Assert.Single(set.Graph.Resources, r => r.Name == $"Deployment shop-prod/shop-web-web ({WebDeployment})");
        Assert.Equal(KubernetesTypes.Deployment, deployment.Type);
        Assert.Contains(set.Graph.Resources, r => r.Type == KubernetesTypes.Namespace && r.Name == "Namespace shop-prod (00-namespace-shop-prod.yaml)");
        Assert.Contains(set.Graph.Resources, r => r.Type == "kubernetes:postgresql.cnpg.io/v1:Cluster");
        Assert.Empty(set.Notes);
        var report = Check();
        Assert.True(report.Passed, string.Join("\n", report.Violations));
        Assert.Contains(report.Packs, p => p.Name == "kubernetes");
        // The writable-root waiver annotation survives the round trip and still excuses its finding.
        Assert.Contains(report.Waived, w => w.Violation.RuleId == "K8S.readOnlyRootFilesystem" && w.Violation.Resource.StartsWith("Deployment shop-prod/shop-admin-web (", StringComparison.Ordinal));
    }

    [Fact]
    public void A_privileged_container_added_by_hand_fails_naming_the_rule_object_and_file()
    {
        Edit(WebDeployment, "allowPrivilegeEscalation: false", "allowPrivilegeEscalation: false\n          privileged: true");

        var violation = Assert.Single(Check().Violations);

        Assert.Equal("PSS.privileged", violation.RuleId);
        Assert.Equal($"Deployment shop-prod/shop-web-web ({WebDeployment})", violation.Resource);
    }

    [Fact]
    public void Yes_is_read_as_true_because_kubectl_reads_yaml_1_1()
    {
        Edit(WebDeployment, "allowPrivilegeEscalation: false", "allowPrivilegeEscalation: false\n          privileged: yes");

        Assert.Equal("PSS.privileged", Assert.Single(Check().Violations).RuleId);
    }

    [Fact]
    public void Removed_limits_fail_the_resources_rule()
    {
        var text = File.ReadAllText(PathOf(WebDeployment));
        var limits = text.IndexOf("          limits:\n", StringComparison.Ordinal);
        var end = text.IndexOf('\n', text.IndexOf("memory:", limits, StringComparison.Ordinal));
        File.WriteAllText(PathOf(WebDeployment), text.Remove(limits, end - limits + 1));

        var violations = Check().Violations;

        Assert.Equal(["K8S.resources", "K8S.resources"], violations.Select(v => v.RuleId));
        Assert.All(violations, v => Assert.Contains(WebDeployment, v.Resource, StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Message.Contains("no memory limit", StringComparison.Ordinal));
    }

    [Fact]
    public void A_default_deny_policy_dropped_from_the_kustomization_is_missing_although_its_file_remains()
    {
        Edit(KubernetesManifests.Kustomization, "- \"01-networkpolicy-default-deny.yaml\"\n", "");

        var set = ManifestDirectory.Read(directory.FullName);
        var violation = Assert.Single(Check().Violations);

        Assert.Equal("K8S.defaultDenyNetworkPolicy", violation.RuleId);
        Assert.Equal("Namespace shop-prod (00-namespace-shop-prod.yaml)", violation.Resource);
        Assert.Contains(set.Notes, n => n.Contains("01-networkpolicy-default-deny.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void A_literal_secret_in_the_environment_fails_both_secret_rules()
    {
        Edit(WebDeployment, "        env:\n", "        env:\n        - name: STRIPE_API_KEY\n          value: sk_live_123\n");

        var rules = Check().Violations.Select(v => v.RuleId).Order(StringComparer.Ordinal);

        Assert.Equal(["K8S.configFromSecrets", "SECRETS.1"], rules);
    }

    [Fact]
    public void Without_a_kustomization_every_yaml_file_is_read_including_several_documents_in_one()
    {
        File.Delete(PathOf(KubernetesManifests.Kustomization));
        var extra = File.ReadAllText(PathOf(WebDeployment))
            .Replace("name: shop-web-web\n", "name: shop-web-extra\n", StringComparison.Ordinal)
            .Replace("runAsNonRoot: true", "runAsNonRoot: false", StringComparison.Ordinal);
        File.WriteAllText(PathOf("extra.yml"), "---\n" + File.ReadAllText(PathOf("02-service-shop-web-web.yaml")).Replace("shop-web-web", "shop-web-extra", StringComparison.Ordinal) + "---\n" + extra);

        var violations = Check().Violations;

        Assert.NotEmpty(violations);
        Assert.All(violations, v => Assert.Equal("Deployment shop-prod/shop-web-extra (extra.yml, document 2)", v.Resource));
        Assert.Contains(violations, v => v.RuleId == "PSS.runAsNonRoot");
    }

    [Fact]
    public void A_file_the_kustomization_lists_but_that_is_gone_is_named()
    {
        File.Delete(PathOf(WebDeployment));

        var error = Assert.Throws<ManifestReadException>(() => ManifestDirectory.Read(directory.FullName));

        Assert.Contains($"kustomization.yaml (line", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{WebDeployment}', which is not a file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_that_is_not_a_kubernetes_object_is_named_with_its_file()
    {
        Edit(WebDeployment, "kind: Deployment\n", "");

        var error = Assert.Throws<ManifestReadException>(() => ManifestDirectory.Read(directory.FullName));

        Assert.StartsWith($"{WebDeployment} (line 1): not a Kubernetes object: it has no kind.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_object_twice_is_refused()
    {
        File.Copy(PathOf(WebDeployment), PathOf("99-copy.yaml"));
        File.AppendAllText(PathOf(KubernetesManifests.Kustomization), "- 99-copy.yaml\n");

        var error = Assert.Throws<ManifestReadException>(() => ManifestDirectory.Read(directory.FullName));

        Assert.Contains($"Deployment shop-prod/shop-web-web is already defined in {WebDeployment}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_of_other_yaml_holds_no_manifests()
    {
        var other = Directory.CreateTempSubdirectory("h2c-not-manifests-");
        try
        {
            File.WriteAllText(Path.Combine(other.FullName, "config.yaml"), "foo: bar\nlist: [1, 2]\n");

            Assert.False(ManifestDirectory.Holds(other.FullName));
            Assert.True(ManifestDirectory.Holds(directory.FullName));
        }
        finally
        {
            other.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("data:\n  STRIPE_KEY: c2tfbGl2ZV94\n", "data.STRIPE_KEY")]
    [InlineData("stringData:\n  STRIPE_KEY: sk_live_x\n", "stringData.STRIPE_KEY")]
    [InlineData("stringData:\n  STRIPE_API_TOKEN: sk_live_x\n", "stringData.STRIPE_API_TOKEN")]
    public void A_secret_written_with_values_fails_once_whatever_its_keys_are_called(string values, string key)
    {
        AddListed("90-secret-stripe.yaml", $"apiVersion: v1\nkind: Secret\nmetadata:\n  name: stripe\n  namespace: shop-prod\n{values}");

        var violation = Assert.Single(Check().Violations);

        Assert.Equal("SECRETS.1", violation.RuleId);
        Assert.Equal("Secret shop-prod/stripe (90-secret-stripe.yaml)", violation.Resource);
        Assert.Contains($"carries {key} in plaintext", violation.Message, StringComparison.Ordinal);
        Assert.Contains("create-secrets.sh", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_without_values_passes()
    {
        AddListed("90-secret-stripe.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: stripe\n  namespace: shop-prod\ndata: {}\nstringData:\n  EMPTY: \"\"\n");

        var report = Check();

        Assert.True(report.Passed, string.Join("\n", report.Violations));
    }

    [Fact]
    public void Secret_generator_literals_are_a_plaintext_secret_in_the_kustomization()
    {
        File.AppendAllText(PathOf(KubernetesManifests.Kustomization), "secretGenerator:\n- name: stripe\n  namespace: shop-prod\n  literals:\n  - STRIPE_KEY=sk_live_x\n");

        var violation = Assert.Single(Check().Violations);

        Assert.Equal("SECRETS.1", violation.RuleId);
        Assert.Equal("Secret shop-prod/stripe (kustomization.yaml, secretGenerator literals)", violation.Resource);
        Assert.Contains("stringData.STRIPE_KEY", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Secret_generator_from_files_is_a_note_because_check_does_not_read_them()
    {
        File.AppendAllText(PathOf(KubernetesManifests.Kustomization), "secretGenerator:\n- name: stripe\n  envs:\n  - stripe.env\n");

        var set = ManifestDirectory.Read(directory.FullName);

        Assert.Contains(set.Notes, n => n.StartsWith("kustomization.yaml has secretGenerator stripe from envs: check does not read those files", StringComparison.Ordinal));
        Assert.True(Check().Passed);
    }

    [Theory]
    [InlineData("configMapGenerator:\n- name: settings\n  literals:\n  - LOG_LEVEL=debug\n", "configMapGenerator")]
    [InlineData("namespace: other\n", "namespace")]
    [InlineData("images:\n- name: ghcr.io/example/shop\n  newTag: latest\n", "images")]
    [InlineData("patches:\n- path: patch.yaml\n", "patches")]
    public void Kustomize_features_check_does_not_apply_are_named_in_a_note(string feature, string key)
    {
        File.AppendAllText(PathOf(KubernetesManifests.Kustomization), feature);

        var note = Assert.Single(ManifestDirectory.Read(directory.FullName).Notes);

        Assert.Equal($"kustomization.yaml has {key}: check reads the listed files as written, not as kustomize changes them; check `kubectl kustomize` output for those changes.", note);
    }

    [Fact]
    public void A_list_is_read_item_by_item_so_a_privileged_pod_in_it_fails()
    {
        AddListed(
            "90-list.yaml",
            "apiVersion: v1\nkind: List\nitems:\n" +
            "- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: harmless\n    namespace: shop-prod\n" +
            "- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: debug\n    namespace: shop-prod\n  spec:\n    containers:\n    - name: shell\n      image: busybox\n" +
            "      securityContext:\n        privileged: true\n");

        var set = ManifestDirectory.Read(directory.FullName);
        var violations = Check().Violations;

        Assert.Contains(set.Graph.Resources, r => r.Name == "ConfigMap shop-prod/harmless (90-list.yaml, item 1)");
        Assert.DoesNotContain(set.Graph.Resources, r => r.Type.EndsWith(":List", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.RuleId == "PSS.privileged" && v.Resource == "Pod shop-prod/debug (90-list.yaml, item 2)");
    }

    [Fact]
    public void An_empty_list_without_a_name_holds_nothing_and_is_not_an_error()
    {
        AddListed("90-list.yaml", "apiVersion: v1\nkind: List\nitems: []\n---\napiVersion: v1\nkind: List\n");

        var set = ManifestDirectory.Read(directory.FullName);

        Assert.DoesNotContain(set.Graph.Resources, r => r.Name.Contains("90-list.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void A_single_broken_manifest_is_reported_with_its_yaml_error_not_as_no_manifests()
    {
        var single = Directory.CreateTempSubdirectory("h2c-one-manifest-");
        try
        {
            File.WriteAllText(Path.Combine(single.FullName, "pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  name: other\n");

            Assert.True(ManifestDirectory.Holds(single.FullName));
            var error = Assert.Throws<ManifestReadException>(() => ManifestDirectory.Read(single.FullName));

            Assert.StartsWith("pod.yaml (line 5): not valid YAML: ", error.Message, StringComparison.Ordinal);
            Assert.Contains("Duplicate key", error.Message, StringComparison.Ordinal);
            Assert.EndsWith("Fix the file; kubectl cannot apply it either.", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            single.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_file_is_not_a_manifests_directory()
    {
        var error = Assert.Throws<ManifestReadException>(() => ManifestDirectory.Read(PathOf(WebDeployment)));

        Assert.Equal($"{PathOf(WebDeployment)} is a file; point at the directory `heroku2cloud generate --format manifests -o` wrote.", error.Message);
    }

    /// <summary>Writes a manifest and lists it in the kustomization, as a hand edit that adds an object would.</summary>
    private void AddListed(string file, string text)
    {
        File.WriteAllText(PathOf(file), text);
        File.AppendAllText(PathOf(KubernetesManifests.Kustomization), $"- {file}\n");
    }
}
