using HerokuToCloud.Graph;
using HerokuToCloud.Kubernetes.Manifests;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes.Tests;

public class IngressTests
{
    private readonly KubernetesProgram program = KubernetesLanding.Build(SamplePlans.Shop());

    [Fact]
    public void The_web_service_maps_port_80_to_the_named_container_port()
    {
        var service = program.Resource("shop-web-web-service");
        Assert.Equal(new NumberValue(80), service.At("spec", "ports", "0", "port"));
        Assert.Equal(new StringValue("http"), service.At("spec", "ports", "0", "targetPort"));
        Assert.Equal(program.Resource("shop-web-web-deployment").At("spec", "selector", "matchLabels"), service.At("spec", "selector"));
    }

    [Fact]
    public void The_ingress_joins_the_hostname_list_into_one_rule_per_host()
    {
        var ingress = program.Resource("shop-web-web-ingress");
        Assert.Equal(KubernetesTypes.ConfigGroup, ingress.Type);
        var parts = ((ListValue)((JoinValue)ingress.At("yaml")!).Items).Items;
        Assert.Contains(new ConfigValue("ingressClass"), parts);
        Assert.Contains(new ConfigValue("clusterIssuer"), parts);
        Assert.Contains(new ConfigValue("namespace"), parts);
        Assert.Contains(parts, p => p is JsonValue { Inner: ConfigValue { Key: "shopWebDomains" } });
        Assert.Contains(parts, p => p is JoinValue { Items: ConfigValue { Key: "shopWebDomains" } });
        ValueAssert.Same(Value.List("shop.example.com", "www.shop.example.com"), program.Stack.Values["shopWebDomains"]);
    }

    [Theory]
    [InlineData("shop.example.com")]
    [InlineData("shop.example.com,www.shop.example.com,shop.example.org")]
    public void Any_number_of_hostnames_gives_a_valid_ingress_with_a_rule_and_tls_for_each(string list)
    {
        var hosts = list.Split(',', StringSplitOptions.RemoveEmptyEntries);
        program.Stack.Set("shopWebDomains", Value.List(hosts.Select(h => (Value)h)));
        var files = KubernetesManifests.Render(program.Graph, program.Stack);
        var ingress = ManifestYaml.Read(files["08-ingress-shop-web-web.yaml"], "test").Single();
        var spec = (MappingValue)ingress["spec"]!;
        Assert.Equal("nginx", ((ScalarText)spec["ingressClassName"]!).Text);
        var rules = ((SequenceValue)spec["rules"]!).Items.Cast<MappingValue>().ToList();
        var tls = (MappingValue)((SequenceValue)spec["tls"]!).Items[0];
        Assert.Equal(hosts, ((SequenceValue)tls["hosts"]!).Items.Cast<ScalarText>().Select(t => t.Text));
        Assert.Equal(hosts.Length, rules.Count);
        for (var i = 0; i < hosts.Length; i++)
        {
            Assert.Equal(hosts[i], ((ScalarText)rules[i]["host"]!).Text);
            var backend = (MappingValue)((MappingValue)((SequenceValue)((MappingValue)rules[i]["http"]!)["paths"]!).Items[0])["backend"]!;
            Assert.Equal("shop-web-web", ((ScalarText)((MappingValue)backend["service"]!)["name"]!).Text);
        }
    }

    [Fact]
    public void An_empty_hostname_list_is_refused_by_name()
    {
        program.Stack.Set("shopWebDomains", Value.List());
        var error = Assert.Throws<ManifestRenderException>(() => KubernetesManifests.Render(program.Graph, program.Stack));
        Assert.Contains("add it to the stack config", error.Message);
    }

    [Fact]
    public void An_app_without_domains_answers_on_its_name_under_the_apps_domain()
    {
        ValueAssert.Same(Value.List("shop-admin.example.com"), program.Stack.Values["shopAdminDomains"]);
        Assert.Contains(program.Required, r => r.Key == "shopAdminDomains" && !r.Secret);
        Assert.Contains(program.Findings, f => f.Subject == "shop-admin/web" && f.Message.Contains("shop-admin.example.com", StringComparison.Ordinal));
        var files = KubernetesManifests.Render(program.Graph, program.Stack, program.Required);
        var ingress = ManifestYaml.Read(files["08-ingress-shop-admin-web.yaml"], "test").Single();
        var rule = (MappingValue)((SequenceValue)((MappingValue)ingress["spec"]!)["rules"]!).Items.Single();
        Assert.Equal("shop-admin.example.com", ((ScalarText)rule["host"]!).Text);
        Assert.Contains("| `shopAdminDomains` | `shop-admin.example.com` |", files[KubernetesManifests.Readme], StringComparison.Ordinal);

        var own = KubernetesLanding.Build(SamplePlans.Shop(), new KubernetesLandingOptions { AppsDomain = "apps.acme.io" });
        ValueAssert.Same(Value.List("shop-admin.apps.acme.io"), own.Stack.Values["shopAdminDomains"]);
    }

    [Fact]
    public void The_number_of_domains_does_not_change_the_program()
    {
        var one = KubernetesLanding.Build(SamplePlans.Shop(domains: ["shop.example.com"]));
        var none = KubernetesLanding.Build(SamplePlans.Shop(domains: []));
        Assert.Equal(GraphText.Program(program.Graph), GraphText.Program(one.Graph));
        Assert.Equal(GraphText.Program(program.Graph), GraphText.Program(none.Graph));
    }
}
