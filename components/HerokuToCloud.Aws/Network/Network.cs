using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Aws;

/// <summary>
/// The network: a new VPC over two availability zones, or the team's existing VPC. Pulumi YAML has
/// no conditionals, so which of the two a program uses is fixed when it is generated (the
/// <see cref="AwsLandingOptions.ExistingVpc"/> option); everything else (address ranges, VPC and
/// subnet ids) is stack config, so staging and production can differ without a second program.
/// </summary>
internal static class Network
{
    public static NetworkLanding Add(AwsProgram program) =>
        program.Options.ExistingVpc is { } existing ? AddExisting(program, existing) : AddNew(program);

    private static NetworkLanding AddExisting(AwsProgram program, ExistingVpc existing)
    {
        const string owner = "the existing VPC";
        var vpcId = program.Config("vpcId", ConfigType.String, existing.VpcId, "Id of the existing VPC the system lands in.", owner);
        var publicIds = program.Config("publicSubnetIds", ConfigType.StringList, Value.List(existing.PublicSubnetIds.Select(i => (Value)i)),
            "Public subnets (two or more availability zones) for the load balancers.", owner);
        var privateIds = program.Config("privateSubnetIds", ConfigType.StringList, Value.List(existing.PrivateSubnetIds.Select(i => (Value)i)),
            "Private subnets (two or more availability zones, outbound through NAT) for tasks, databases and caches.", owner);
        program.Report(FindingSeverity.Info, "network",
            $"The system lands in the existing VPC {existing.VpcId}; its flow logs (EC2.6) and default security group (EC2.2) are left to the VPC's owner, " +
            "and the private subnets must reach the internet through NAT (or VPC endpoints) so tasks can pull images and read secrets.");
        return new NetworkLanding(vpcId, publicIds, privateIds, Managed: false);
    }

    private static NetworkLanding AddNew(AwsProgram program)
    {
        const string owner = "the VPC";
        var layout = VpcLayout.Parse(program.Options.VpcCidr);
        var cidr = program.Config("vpcCidr", ConfigType.String, layout.Cidr, "Address range of the VPC.", owner);
        var publicCidrs = program.Config("publicSubnetCidrs", ConfigType.StringList, Value.List(layout.PublicSubnets.Select(c => (Value)c)),
            "Address ranges of the two public subnets (load balancers, NAT gateways), inside vpcCidr.", owner);
        var privateCidrs = program.Config("privateSubnetCidrs", ConfigType.StringList, Value.List(layout.PrivateSubnets.Select(c => (Value)c)),
            "Address ranges of the two private subnets (tasks, databases, caches), inside vpcCidr.", owner);
        var zones = program.Graph.AddVariable("availabilityZones",
            new InvokeValue(AwsTypes.GetAvailabilityZones, new MapValue { ["state"] = "available" }, "names"));

        var vpc = program.Add("vpc", AwsTypes.Vpc, new MapValue
        {
            ["cidrBlock"] = cidr,
            ["enableDnsSupport"] = true,
            ["enableDnsHostnames"] = true,
        }, owner);
        var vpcId = vpc.Ref("id");

        // Adopting the default security group with no rules strips AWS's allow-all rules (EC2.2).
        program.Add("default-security-group", AwsTypes.DefaultSecurityGroup, new MapValue { ["vpcId"] = vpcId }, owner);
        AddFlowLogs(program, vpcId);

        var gateway = program.Add("internet-gateway", AwsTypes.InternetGateway, new MapValue { ["vpcId"] = vpcId }, owner);
        var publicTable = program.Add("public-route-table", AwsTypes.RouteTable, new MapValue { ["vpcId"] = vpcId }, owner);
        program.Add("public-internet-route", AwsTypes.Route, new MapValue
        {
            ["routeTableId"] = publicTable.Ref("id"),
            ["destinationCidrBlock"] = "0.0.0.0/0",
            ["gatewayId"] = gateway.Ref("id"),
        }, owner);

        var publicIds = new List<Value>();
        var privateIds = new List<Value>();
        foreach (var (zone, index) in new[] { ("a", 0), ("b", 1) })
        {
            var publicSubnet = program.Add($"public-subnet-{zone}", AwsTypes.Subnet, new MapValue
            {
                ["vpcId"] = vpcId,
                ["cidrBlock"] = new SelectValue(index, publicCidrs),
                ["availabilityZone"] = new SelectValue(index, zones),
                ["mapPublicIpOnLaunch"] = false,
            }, owner);
            var privateSubnet = program.Add($"private-subnet-{zone}", AwsTypes.Subnet, new MapValue
            {
                ["vpcId"] = vpcId,
                ["cidrBlock"] = new SelectValue(index, privateCidrs),
                ["availabilityZone"] = new SelectValue(index, zones),
                ["mapPublicIpOnLaunch"] = false,
            }, owner);
            program.Add($"public-route-table-{zone}-association", AwsTypes.RouteTableAssociation, new MapValue
            {
                ["routeTableId"] = publicTable.Ref("id"),
                ["subnetId"] = publicSubnet.Ref("id"),
            }, owner);

            // One NAT gateway per zone: a zone outage never cuts the other zone's tasks off from
            // ECR, Secrets Manager and CloudWatch Logs.
            var address = program.Add($"nat-address-{zone}", AwsTypes.Eip, new MapValue { ["domain"] = "vpc" }, owner);
            var nat = program.Add($"nat-gateway-{zone}", AwsTypes.NatGateway, new MapValue
            {
                ["allocationId"] = address.Ref("id"),
                ["subnetId"] = publicSubnet.Ref("id"),
            }, owner, new ResourceOptions { DependsOn = [gateway.Name] });
            var privateTable = program.Add($"private-route-table-{zone}", AwsTypes.RouteTable, new MapValue { ["vpcId"] = vpcId }, owner);
            program.Add($"private-nat-route-{zone}", AwsTypes.Route, new MapValue
            {
                ["routeTableId"] = privateTable.Ref("id"),
                ["destinationCidrBlock"] = "0.0.0.0/0",
                ["natGatewayId"] = nat.Ref("id"),
            }, owner);
            program.Add($"private-route-table-{zone}-association", AwsTypes.RouteTableAssociation, new MapValue
            {
                ["routeTableId"] = privateTable.Ref("id"),
                ["subnetId"] = privateSubnet.Ref("id"),
            }, owner);
            publicIds.Add(publicSubnet.Ref("id"));
            privateIds.Add(privateSubnet.Ref("id"));
        }

        return new NetworkLanding(vpcId, Value.List(publicIds), Value.List(privateIds), Managed: true);
    }

    private static void AddFlowLogs(AwsProgram program, Value vpcId)
    {
        const string owner = "the VPC flow logs";
        var logs = program.Add("vpc-flow-logs", AwsTypes.LogGroup, new MapValue { ["retentionInDays"] = program.LogRetentionDays }, owner);
        var role = program.Add("vpc-flow-logs-role", AwsTypes.Role, new MapValue
        {
            ["assumeRolePolicy"] = Iam.TrustPolicy("vpc-flow-logs.amazonaws.com"),
        }, owner);
        program.Add("vpc-flow-logs-policy", AwsTypes.RolePolicy, new MapValue
        {
            ["role"] = role.Ref("id"),
            ["policy"] = Iam.Policy(Iam.Allow(
                ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogGroups", "logs:DescribeLogStreams"],
                [logs.Ref("arn"), InterpolationValue.Of(logs.Ref("arn"), ":*")])),
        }, owner);
        program.Add("vpc-flow-log", AwsTypes.FlowLog, new MapValue
        {
            ["vpcId"] = vpcId,
            ["trafficType"] = "ALL",
            ["logDestinationType"] = "cloud-watch-logs",
            ["logDestination"] = logs.Ref("arn"),
            ["iamRoleArn"] = role.Ref("arn"),
        }, owner);
    }
}
