namespace HerokuToCloud.Aws;

/// <summary>
/// The type tokens of every resource the AWS components create, spelled exactly as the pinned
/// provider schemas (@pulumi/aws 7.48.0, @pulumi/random 4.21.2, @pulumi/command 4.5.0) spell them.
/// </summary>
public static class AwsTypes
{
    public const string Vpc = "aws:ec2/vpc:Vpc";
    public const string Subnet = "aws:ec2/subnet:Subnet";
    public const string InternetGateway = "aws:ec2/internetGateway:InternetGateway";
    public const string Eip = "aws:ec2/eip:Eip";
    public const string NatGateway = "aws:ec2/natGateway:NatGateway";
    public const string RouteTable = "aws:ec2/routeTable:RouteTable";
    public const string Route = "aws:ec2/route:Route";
    public const string RouteTableAssociation = "aws:ec2/routeTableAssociation:RouteTableAssociation";
    public const string FlowLog = "aws:ec2/flowLog:FlowLog";
    public const string DefaultSecurityGroup = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
    public const string SecurityGroup = "aws:ec2/securityGroup:SecurityGroup";
    public const string IngressRule = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    public const string EgressRule = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    public const string Cluster = "aws:ecs/cluster:Cluster";
    public const string Service = "aws:ecs/service:Service";
    public const string TaskDefinition = "aws:ecs/taskDefinition:TaskDefinition";
    public const string Repository = "aws:ecr/repository:Repository";
    public const string LifecyclePolicy = "aws:ecr/lifecyclePolicy:LifecyclePolicy";
    public const string LoadBalancer = "aws:lb/loadBalancer:LoadBalancer";
    public const string TargetGroup = "aws:lb/targetGroup:TargetGroup";
    public const string Listener = "aws:lb/listener:Listener";
    public const string CloudFormationStack = "aws:cloudformation/stack:Stack";
    public const string Secret = "aws:secretsmanager/secret:Secret";
    public const string SecretVersion = "aws:secretsmanager/secretVersion:SecretVersion";
    public const string LogGroup = "aws:cloudwatch/logGroup:LogGroup";
    public const string Role = "aws:iam/role:Role";
    public const string RolePolicy = "aws:iam/rolePolicy:RolePolicy";
    public const string Schedule = "aws:scheduler/schedule:Schedule";
    public const string DbInstance = "aws:rds/instance:Instance";
    public const string DbSubnetGroup = "aws:rds/subnetGroup:SubnetGroup";
    public const string DbParameterGroup = "aws:rds/parameterGroup:ParameterGroup";
    public const string ReplicationGroup = "aws:elasticache/replicationGroup:ReplicationGroup";
    public const string CacheSubnetGroup = "aws:elasticache/subnetGroup:SubnetGroup";
    public const string ScalingTarget = "aws:appautoscaling/target:Target";
    public const string ScalingPolicy = "aws:appautoscaling/policy:Policy";
    public const string RandomPassword = "random:index/randomPassword:RandomPassword";
    public const string RandomId = "random:index/randomId:RandomId";
    public const string RandomString = "random:index/randomString:RandomString";
    public const string LocalCommand = "command:local:Command";

    public const string GetRegion = "aws:index/getRegion:getRegion";
    public const string GetAvailabilityZones = "aws:index/getAvailabilityZones:getAvailabilityZones";

    /// <summary>Types whose args have a <c>tags</c> map (checked against the typings); the others get none.</summary>
    public static readonly IReadOnlySet<string> Taggable = new HashSet<string>(StringComparer.Ordinal)
    {
        Vpc, Subnet, InternetGateway, Eip, NatGateway, RouteTable, FlowLog, DefaultSecurityGroup, SecurityGroup,
        IngressRule, EgressRule, Cluster, Service, TaskDefinition, Repository, LoadBalancer, TargetGroup, Listener,
        Secret, LogGroup, Role, DbInstance, DbSubnetGroup, DbParameterGroup, ReplicationGroup,
        CacheSubnetGroup, ScalingTarget, CloudFormationStack,
    };

    /// <summary>Provider packages and the versions every generated program pins.</summary>
    public static readonly IReadOnlyDictionary<string, string> ProviderVersions = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["aws"] = "7.48.0",
        ["command"] = "4.5.0",
        ["random"] = "4.21.2",
    };
}
