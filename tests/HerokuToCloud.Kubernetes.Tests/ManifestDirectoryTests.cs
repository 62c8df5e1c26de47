using HerokuToCloud.Graph.Policy;
using HerokuToCloud.Graph.Policy.Generic;
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
        new PolicyEngine([new PolicyPack("generic", null, [new PlaintextSecretRule()]), KubernetesPolicyPack.Create()])
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
            File.WriteAllText(Path.Combine(other.FullName, "broken.yaml"), "foo: [\n");

            Assert.False(ManifestDirectory.Holds(other.FullName));
            Assert.True(ManifestDirectory.Holds(directory.FullName));
        }
        finally
        {
            other.Delete(recursive: true);
        }
    }
}
