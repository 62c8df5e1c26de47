using HerokuToCloud.Graph;

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
    public void The_ingress_has_one_tls_rule_per_domain_from_stack_config()
    {
        var ingress = program.Resource("shop-web-web-ingress");
        Assert.Equal(new ConfigValue("ingressClass"), ingress.At("spec", "ingressClassName"));
        Assert.Equal(new StringValue("nginx"), program.Stack.Values["ingressClass"]);
        Assert.Equal(new ConfigValue("clusterIssuer"), ingress.At("metadata", "annotations", "cert-manager.io/cluster-issuer"));
        Assert.Equal(new ConfigValue("shopWebDomains"), ingress.At("spec", "tls", "0", "hosts"));
        Assert.Equal(new StringValue("shop-web-web-tls"), ingress.At("spec", "tls", "0", "secretName"));
        ValueAssert.Same(Value.List("shop.example.com", "www.shop.example.com"), program.Stack.Values["shopWebDomains"]);
        var rules = (ListValue)ingress.At("spec", "rules")!;
        Assert.Equal(2, rules.Items.Count);
        Assert.Equal(new SelectValue(1, new ConfigValue("shopWebDomains")), rules.Items[1].At("host"));
        Assert.Equal(new StringValue("shop-web-web"), rules.Items[0].At("http", "paths", "0", "backend", "service", "name"));
    }

    [Fact]
    public void An_app_without_domains_gets_a_hostless_rule_no_tls_and_a_warning()
    {
        var ingress = program.Resource("shop-admin-web-ingress");
        Assert.Null(ingress.At("spec", "tls"));
        Assert.Null(ingress.At("metadata", "annotations"));
        Assert.Null(ingress.At("spec", "rules", "0", "host"));
        Assert.Contains(program.Findings, f => f.Subject == "shop-admin/web" && f.Message.Contains("no custom domain", StringComparison.Ordinal));
    }
}
