using HerokuToCloud.Graph;
using HerokuToCloud.Kubernetes.Manifests;
using YamlDotNet.RepresentationModel;

namespace HerokuToCloud.Kubernetes.Tests;

public class ManifestTests
{
    private static IReadOnlyDictionary<string, string> Render(KubernetesProgram program) => KubernetesManifests.Render(program.Graph, program.Stack);

    private static KubernetesProgram Shop() => KubernetesLanding.Build(SamplePlans.Shop());

    private static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static string Scalar(YamlNode node, params string[] path)
    {
        foreach (var key in path)
            node = int.TryParse(key, out var i) ? ((YamlSequenceNode)node)[i] : ((YamlMappingNode)node)[key];
        return ((YamlScalarNode)node).Value!;
    }

    [Fact]
    public void One_file_per_object_named_in_apply_order()
    {
        var files = Render(Shop());
        Assert.Equal("00-namespace-shop-prod.yaml", files.Keys.First());
        Assert.Contains("04-cluster-shop-db.yaml", files.Keys);
        Assert.Contains("05-job-shop-db-data-migration.yaml", files.Keys);
        Assert.Contains("06-job-shop-web-release.yaml", files.Keys);
        Assert.Contains("07-deployment-shop-web-web.yaml", files.Keys);
        Assert.Contains("08-ingress-shop-web-web.yaml", files.Keys);
        Assert.Contains(KubernetesManifests.SecretsScript, files.Keys);
        Assert.DoesNotContain(files.Keys, f => f.Contains("secret-", StringComparison.Ordinal) || f.Contains("password", StringComparison.Ordinal));
        var objects = files.Where(f => f.Key.EndsWith(".yaml", StringComparison.Ordinal) && f.Key != KubernetesManifests.Kustomization).ToList();
        // Every resource but the 5 Secrets and 3 random passwords, plus the ConfigGroup's 3 objects instead of 2 groups.
        Assert.Equal(Shop().Graph.Resources.Count - 5 - 3 - 2 + 3, objects.Count);
        foreach (var (name, yaml) in objects)
        {
            var root = Parse(yaml);
            Assert.False(string.IsNullOrEmpty(Scalar(root, "apiVersion")), name);
            Assert.Equal(name.Split('-', 3)[2].Replace(".yaml", "", StringComparison.Ordinal), Scalar(root, "metadata", "name"));
        }
    }

    [Fact]
    public void Rendering_is_deterministic()
    {
        var first = Render(Shop());
        var second = Render(Shop());
        Assert.Equal(first.Keys, second.Keys);
        Assert.All(first, f => Assert.Equal(f.Value, second[f.Key]));
    }

    [Fact]
    public void Values_resolve_from_the_stack_and_names_from_the_program()
    {
        var files = Render(Shop());
        var deployment = Parse(files["07-deployment-shop-web-web.yaml"]);
        Assert.Equal("shop-prod", Scalar(deployment, "metadata", "namespace"));
        Assert.Equal("2", Scalar(deployment, "spec", "replicas"));
        Assert.Equal("shop-web-env", Scalar(deployment, "spec", "template", "spec", "containers", "0", "envFrom", "0", "secretRef", "name"));
        Assert.Equal("shop.example.com", Scalar(deployment, "spec", "template", "spec", "containers", "0", "readinessProbe", "httpGet", "httpHeaders", "0", "value"));
        Assert.Contains("value: \"5000\"", files["07-deployment-shop-web-web.yaml"], StringComparison.Ordinal);
        var ingress = Parse(files["08-ingress-shop-web-web.yaml"]);
        Assert.Equal("www.shop.example.com", Scalar(ingress, "spec", "rules", "1", "host"));
        Assert.Equal("letsencrypt", Scalar(ingress, "metadata", "annotations", "cert-manager.io/cluster-issuer"));
        var cluster = Parse(files["04-cluster-shop-db.yaml"]);
        Assert.Equal("3", Scalar(cluster, "spec", "instances"));
        Assert.False(((YamlMappingNode)cluster["metadata"]["annotations"]).Children.ContainsKey("pulumi.com/waitFor"));
        Assert.Equal("4", Scalar(cluster, "metadata", "annotations", "argocd.argoproj.io/sync-wave"));
    }

    [Fact]
    public void Images_come_from_the_stack_and_the_readme_lists_the_values_to_review()
    {
        var program = Shop();
        var files = KubernetesManifests.Render(program.Graph, program.Stack, program.Required);
        var container = Parse(files["07-deployment-shop-web-web.yaml"]);
        Assert.Equal("registry.example.com/shop-web:latest", Scalar(container, "spec", "template", "spec", "containers", "0", "image"));
        var kustomization = Parse(files[KubernetesManifests.Kustomization]);
        var resources = ((YamlSequenceNode)kustomization["resources"]).Children.Select(c => ((YamlScalarNode)c).Value).ToList();
        Assert.Equal(files.Keys.Where(k => k.EndsWith(".yaml", StringComparison.Ordinal) && k != KubernetesManifests.Kustomization), resources);
        Assert.Contains("| `shopWebImage` | `registry.example.com/shop-web` |", files[KubernetesManifests.Readme], StringComparison.Ordinal);
        Assert.DoesNotContain("shopWebStripeApiKey", files[KubernetesManifests.Readme], StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_are_created_by_the_script_from_environment_variables_never_written()
    {
        var files = Render(Shop());
        var script = files[KubernetesManifests.SecretsScript];
        Assert.StartsWith("#!/usr/bin/env bash\n", script, StringComparison.Ordinal);
        Assert.Contains("[ -n \"${SHOP_WEB_STRIPE_API_KEY:-}\" ] || missing+=('SHOP_WEB_STRIPE_API_KEY: ", script, StringComparison.Ordinal);
        Assert.Contains("[ -n \"${SHOP_DB_PASSWORD:-}\" ] || missing+=('SHOP_DB_PASSWORD: ", script, StringComparison.Ordinal);
        Assert.Contains("kubectl create secret generic shop-web-env --namespace shop-prod --type Opaque", script, StringComparison.Ordinal);
        Assert.Contains("--from-literal=DATABASE_URL=\"postgres://app:${SHOP_DB_PASSWORD}@shop-db-rw:5432/app\"", script, StringComparison.Ordinal);
        Assert.Contains("--type kubernetes.io/basic-auth", script, StringComparison.Ordinal);
        Assert.Contains("--from-literal=username='app'", script, StringComparison.Ordinal);
        Assert.DoesNotContain(files.Values, f => f.Contains("kind: Secret", StringComparison.Ordinal));
        Assert.Contains("SHOP_WEB_SECRET_KEY_BASE", files[KubernetesManifests.Readme], StringComparison.Ordinal);
    }

    [Fact]
    public void An_optional_secret_is_set_empty_when_not_exported_and_a_required_one_is_still_checked()
    {
        var program = Shop();
        var files = KubernetesManifests.Render(program.Graph, program.Stack, program.Required, new HashSet<string>(StringComparer.Ordinal) { "shopWebRailsEnv" });
        var script = files[KubernetesManifests.SecretsScript];
        Assert.DoesNotContain("SHOP_WEB_RAILS_ENV:-", script, StringComparison.Ordinal);
        Assert.Contains("if [ -z \"${SHOP_WEB_RAILS_ENV+set}\" ]; then\n", script, StringComparison.Ordinal);
        Assert.Contains("  SHOP_WEB_RAILS_ENV=\n", script, StringComparison.Ordinal);
        Assert.Contains("[ -n \"${SHOP_WEB_STRIPE_API_KEY:-}\" ] || missing+=", script, StringComparison.Ordinal);
        Assert.Contains("| `SHOP_WEB_RAILS_ENV` | RAILS_ENV of shop-web (Heroku config var). Optional (app.json required: false)", files[KubernetesManifests.Readme], StringComparison.Ordinal);
    }

    [Fact]
    public void The_release_job_reruns_on_every_gitops_sync()
    {
        var job = Parse(Render(Shop())["06-job-shop-web-release.yaml"]);
        Assert.Equal("Sync", Scalar(job, "metadata", "annotations", "argocd.argoproj.io/hook"));
        Assert.Equal("BeforeHookCreation", Scalar(job, "metadata", "annotations", "argocd.argoproj.io/hook-delete-policy"));
        Assert.Equal("shop-web-release", Scalar(job, "metadata", "name"));
        Assert.False(((YamlMappingNode)job["metadata"]["annotations"]).Children.ContainsKey("pulumi.com/replaceUnready"));
    }

    [Fact]
    public void The_readme_tells_a_kubectl_user_to_delete_the_release_job_before_a_new_tag_everywhere_it_mentions_one()
    {
        var program = Shop();
        var readme = KubernetesManifests.Render(program.Graph, program.Stack, program.Required)[KubernetesManifests.Readme];

        var tagRow = Assert.Single(readme.Split('\n'), l => l.StartsWith("| `shopWebImageTag` |", StringComparison.Ordinal));
        Assert.Contains("with kubectl, delete the old Job first", tagRow, StringComparison.Ordinal);
        // The stack's namespace is written in, so the commands paste as they are.
        Assert.Contains("kubectl delete job -n shop-prod -l app.kubernetes.io/component=release", readme, StringComparison.Ordinal);
        Assert.DoesNotContain("<namespace>", readme, StringComparison.Ordinal);
        // Flux applies a kustomization at once: only Argo CD's waves keep the order.
        Assert.Contains("Flux applies a kustomization all at once", readme, StringComparison.Ordinal);
        Assert.DoesNotContain("reruns the release Job", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void The_readme_runs_the_secrets_script_with_bash_because_generate_writes_it_without_the_execute_bit()
    {
        var program = Shop();
        var readme = KubernetesManifests.Render(program.Graph, program.Stack, program.Required)[KubernetesManifests.Readme];

        // `./create-secrets.sh` on the file as written (mode 0644) is "Permission denied".
        Assert.Contains("then run `bash create-secrets.sh`", readme, StringComparison.Ordinal);
        Assert.DoesNotContain("./create-secrets.sh", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void External_datastores_render_too()
    {
        var program = KubernetesLanding.Build(SamplePlans.Shop(), new KubernetesLandingOptions { Postgres = PostgresMode.External, Redis = RedisMode.External });
        var files = Render(program);
        Assert.Contains("--from-literal=DATABASE_URL=\"${SHOP_DB_URL}\"", files[KubernetesManifests.SecretsScript], StringComparison.Ordinal);
        Assert.DoesNotContain(files.Keys, f => f.StartsWith("04-", StringComparison.Ordinal));
    }

    [Fact]
    public void A_secret_value_outside_a_secret_is_refused()
    {
        var program = Shop();
        var container = program.Resource("shop-web-worker-deployment").Container();
        container["env"] = Value.List(new MapValue { ["name"] = "STRIPE_API_KEY", ["value"] = new ConfigValue("shopWebStripeApiKey") });
        var error = Assert.Throws<ManifestRenderException>(() => Render(program));
        Assert.Contains("shop-web-worker-deployment", error.Message);
    }

    [Theory]
    [InlineData("5000", true)]
    [InlineData("250m", true)]
    [InlineData("true", true)]
    [InlineData("Off", true)]
    [InlineData("", true)]
    [InlineData("null", true)]
    [InlineData("shop-web", false)]
    [InlineData("/health", false)]
    public void Strings_that_would_read_back_as_other_types_are_quoted(string text, bool quoted) =>
        Assert.Equal(quoted, ManifestYaml.NeedsQuotes(text));

    [Fact]
    public void Quoted_and_special_strings_survive_a_round_trip()
    {
        var text = new ScalarText("a \"quoted\" value: with # and\nnewline");
        var yaml = ManifestYaml.Write(new MappingValue([new("k", text), new("n", new ScalarText("0755"))]));
        var root = Parse(yaml);
        Assert.Equal(text.Text, Scalar(root, "k"));
        Assert.Equal("0755", Scalar(root, "n"));
        Assert.Contains("\"0755\"", yaml, StringComparison.Ordinal);
    }
}

public class EnvironmentNameTests
{
    [Theory]
    [InlineData("shopWebStripeApiKey", "SHOP_WEB_STRIPE_API_KEY")]
    [InlineData("emigrate-backend-FRONTEND_URL", "EMIGRATE_BACKEND_FRONTEND_URL")]
    [InlineData("shop-db-password", "SHOP_DB_PASSWORD")]
    [InlineData("app2Db", "APP2_DB")]
    public void Config_keys_become_shell_variable_names(string key, string expected) =>
        Assert.Equal(expected, Manifests.ManifestResolver.EnvironmentName(key));
}
