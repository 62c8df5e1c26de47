using HerokuToCloud.Aws.Tests.Fixtures;
using HerokuToCloud.Graph;

namespace HerokuToCloud.Aws.Tests.Components;

public class NetworkTests
{
    [Fact]
    public void A_new_VPC_spans_two_zones_with_NAT_flow_logs_and_a_closed_default_group()
    {
        var result = AwsLanding.Build(Plans.EmigratePlan());
        var program = result.Program;
        Assert.Equal(4, program.OfType(AwsTypes.Subnet).Count());
        Assert.Equal(2, program.OfType(AwsTypes.NatGateway).Count());
        Assert.All(program.OfType(AwsTypes.Subnet), s => Assert.Equal(new BoolValue(false), s.At("mapPublicIpOnLaunch")));
        Assert.Equal(new SelectValue(1, new ReferenceValue("availabilityZones")), program.Get("private-subnet-b").At("availabilityZone"));
        Assert.Equal(new ReferenceValue("nat-gateway-b", "id"), program.Get("private-nat-route-b").At("natGatewayId"));
        Assert.Equal(new ReferenceValue("internet-gateway", "id"), program.Get("public-internet-route").At("gatewayId"));

        var closed = program.Get("default-security-group");
        Assert.Null(closed.At("ingress"));
        Assert.Null(closed.At("egress"));
        Assert.Equal("ALL", program.Get("vpc-flow-log").Text("trafficType"));
        Assert.Equal(new ReferenceValue("vpc-flow-logs", "arn"), program.Get("vpc-flow-log").At("logDestination"));

        Assert.Equal(new StringValue("10.0.0.0/16"), result.Stack.Values["vpcCidr"]);
        GraphQuery.Same(Value.List("10.0.0.0/18", "10.0.64.0/18"), result.Stack.Values["privateSubnetCidrs"]);
        Assert.Equal(new StringValue("us-east-1"), result.Stack.Values["aws:region"]);
    }

    [Fact]
    public void An_existing_VPC_comes_from_stack_config_and_creates_no_network()
    {
        var result = AwsLanding.Build(Plans.EmigratePlan(), new AwsLandingOptions
        {
            ExistingVpc = new ExistingVpc("vpc-0123abcd", ["subnet-0000000a", "subnet-0000000b"], ["subnet-0000000c", "subnet-0000000d"]),
        });
        var program = result.Program;
        Assert.Empty(program.OfType(AwsTypes.Vpc));
        Assert.Empty(program.OfType(AwsTypes.Subnet));
        Assert.Empty(program.OfType(AwsTypes.DefaultSecurityGroup));
        Assert.Equal(new ConfigValue("privateSubnetIds"), program.Get("emigrate-web").At("networkConfiguration.subnets"));
        Assert.Equal(new ConfigValue("publicSubnetIds"), program.Get("emigrate-alb").At("subnets"));
        Assert.Equal(new ConfigValue("vpcId"), program.Get("emigrate-tasks-sg").At("vpcId"));
        GraphQuery.Same(Value.List("subnet-0000000c", "subnet-0000000d"), result.Stack.Values["privateSubnetIds"]);
        Assert.Contains(result.Findings, f => f.Subject == "network" && f.Message.Contains("vpc-0123abcd"));
    }

    [Fact]
    public void Tasks_are_reached_only_from_their_load_balancer_on_the_container_port()
    {
        var program = AwsLanding.Build(Plans.EmigratePlan()).Program;
        var ingress = program.OfType(AwsTypes.IngressRule).Where(r => r.At("securityGroupId") == new ReferenceValue("emigrate-tasks-sg", "id")).ToList();
        var only = Assert.Single(ingress);
        Assert.Equal(new ReferenceValue("emigrate-alb-sg", "id"), only.At("referencedSecurityGroupId"));
        Assert.Equal(new NumberValue(5000), only.At("fromPort"));
        Assert.Equal(new NumberValue(5000), only.At("toPort"));

        var open = program.OfType(AwsTypes.IngressRule).Where(r => r.Text("cidrIpv4") == "0.0.0.0/0").ToList();
        Assert.Equal(["emigrate-alb-http-in", "emigrate-alb-https-in"], open.Select(r => r.Name));
        var egress = program.Get("emigrate-alb-to-tasks");
        Assert.Equal(new ReferenceValue("emigrate-tasks-sg", "id"), egress.At("referencedSecurityGroupId"));
        Assert.Equal(new NumberValue(5000), egress.At("fromPort"));
    }
}
