using HerokuToCloud.Graph;
using HerokuToCloud.Kubernetes.Policy;

namespace HerokuToCloud.Kubernetes.Tests;

public class NetworkPolicyTests
{
    private readonly KubernetesProgram program = KubernetesLanding.Build(SamplePlans.Shop());

    [Fact]
    public void The_namespace_denies_everything_but_dns_by_default()
    {
        var deny = program.Resource("shop-default-deny");
        Assert.True(DefaultDenyRule.IsDefaultDeny(deny));
        Assert.Equal(new StringValue("UDP"), deny.At("spec", "egress", "0", "ports", "0", "protocol"));
        Assert.Equal(new NumberValue(53), deny.At("spec", "egress", "0", "ports", "1", "port"));
    }

    [Fact]
    public void Only_the_ingress_controller_reaches_web_pods_on_their_port()
    {
        var policy = program.Resource("shop-web-web-from-ingress-policy");
        Assert.Equal(new ConfigValue("ingressControllerNamespace"), policy.At("spec", "ingress", "0", "from", "0", "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"));
        Assert.Equal(new NumberValue(5000), policy.At("spec", "ingress", "0", "ports", "0", "port"));
        ValueAssert.Same(Value.List("Ingress"), policy.At("spec", "policyTypes"));
    }

    [Fact]
    public void Apps_reach_the_internet_but_not_private_ranges_and_reach_their_datastores()
    {
        var egress = (ListValue)program.Resource("shop-web-egress-policy").At("spec", "egress")!;
        var internet = egress.Items[0].At("to", "0", "ipBlock");
        Assert.Equal(new StringValue("0.0.0.0/0"), internet.At("cidr"));
        var except = ((ListValue)internet.At("except")!).Items.Cast<StringValue>().Select(s => s.Text).ToList();
        Assert.Contains("10.0.0.0/8", except);
        Assert.Contains("169.254.0.0/16", except);
        Assert.Equal(new StringValue("shop-cache"), egress.Items[1].At("to", "0", "podSelector", "matchLabels", "app.kubernetes.io/name"));
        Assert.Equal(new NumberValue(6379), egress.Items[1].At("ports", "0", "port"));
        Assert.Equal(new StringValue("shop-db"), egress.Items[2].At("to", "0", "podSelector", "matchLabels", "cnpg.io/cluster"));
        Assert.Equal(new NumberValue(5432), egress.Items[2].At("ports", "0", "port"));
        // shop-admin uses only the database.
        Assert.Equal(2, ((ListValue)program.Resource("shop-admin-egress-policy").At("spec", "egress")!).Items.Count);
    }

    [Fact]
    public void The_database_admits_its_apps_the_migration_and_the_operator()
    {
        var ingress = (ListValue)program.Resource("shop-db-access-policy").At("spec", "ingress")!;
        ValueAssert.Same(Value.List("shop-admin", "shop-web"), ingress.Items[0].At("from", "0", "podSelector", "matchExpressions", "0", "values"));
        Assert.Equal(new StringValue("data-migration"), ingress.Items[0].At("from", "1", "podSelector", "matchLabels", "app.kubernetes.io/component"));
        Assert.Equal(new ConfigValue("cloudNativePgNamespace"), ingress.Items[1].At("from", "0", "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"));
        Assert.Equal(new NumberValue(8000), ingress.Items[1].At("ports", "0", "port"));
        var egress = (ListValue)program.Resource("shop-db-access-policy").At("spec", "egress")!;
        Assert.Equal(new NumberValue(443), egress.Items[1].At("ports", "0", "port"));
    }

    [Fact]
    public void External_datastores_are_reached_on_their_port_at_any_address()
    {
        var program = KubernetesLanding.Build(SamplePlans.Shop(), new KubernetesLandingOptions { Postgres = PostgresMode.External, Redis = RedisMode.External });
        Assert.Null(program.Graph.Find("shop-db-access-policy"));
        var egress = (ListValue)program.Resource("shop-web-egress-policy").At("spec", "egress")!;
        Assert.Equal(new StringValue("0.0.0.0/0"), egress.Items[2].At("to", "0", "ipBlock", "cidr"));
        Assert.Null(egress.Items[2].At("to", "0", "ipBlock", "except"));
        Assert.Equal(new NumberValue(5432), egress.Items[2].At("ports", "0", "port"));
    }
}
