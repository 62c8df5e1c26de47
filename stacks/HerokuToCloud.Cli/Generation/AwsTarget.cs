using System.CommandLine;
using HerokuToCloud.Aws;
using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Cli.Generation;

/// <summary>
/// `--target aws`: ECS Fargate, RDS, ElastiCache, ALB and Secrets Manager (docs/aws-landing.md).
/// The options that change the program's shape (an existing VPC, a hosted zone, an access-log
/// bucket) must be the same for every stack of a system so Pulumi.yaml stays identical.
/// </summary>
internal sealed class AwsTarget : IGenerateTarget
{
    private readonly Option<string> region = new("--region")
    {
        Description = "aws only: AWS region of the stack (aws:region).",
        DefaultValueFactory = _ => new AwsLandingOptions().Region,
    };

    private readonly Option<string?> vpcCidr = new("--vpc-cidr") { Description = "aws only: address range of the new VPC (default 10.0.0.0/16)." };

    private readonly Option<string?> vpcId = new("--vpc-id") { Description = "aws only: land in this existing VPC instead of creating one (with --public-subnet-ids and --private-subnet-ids)." };

    private readonly Option<string?> publicSubnets = new("--public-subnet-ids") { Description = "aws only: comma-separated public subnets of the existing VPC (two or more zones) for the load balancers." };

    private readonly Option<string?> privateSubnets = new("--private-subnet-ids") { Description = "aws only: comma-separated private subnets of the existing VPC (two or more zones, outbound NAT) for tasks and data." };

    private readonly Option<string?> hostedZone = new("--hosted-zone-id") { Description = "aws only: Route 53 hosted zone of the apps' domains: certificates validate and DNS records are created automatically." };

    private readonly Option<string?> accessLogs = new("--alb-access-logs-bucket") { Description = "aws only: S3 bucket (with the ELB log-delivery policy) for load balancer access logs." };

    private readonly Option<int?> retention = new("--log-retention-days") { Description = "aws only: CloudWatch Logs retention for every log group (default 365)." };

    public string Name => "aws";

    public string Description => "ECS Fargate behind ALBs, RDS PostgreSQL, ElastiCache, Secrets Manager, EventBridge Scheduler";

    public IReadOnlyList<Option> Options => [region, vpcCidr, vpcId, publicSubnets, privateSubnets, hostedZone, accessLogs, retention];

    public GeneratedProgram Generate(LandingPlan plan, IReadOnlyList<LandingPlan> stages, ParseResult options)
    {
        var defaults = new AwsLandingOptions();
        var landing = AwsLanding.Build(plan, new AwsLandingOptions
        {
            Region = options.GetValue(region) ?? defaults.Region,
            VpcCidr = options.GetValue(vpcCidr) ?? defaults.VpcCidr,
            ExistingVpc = ExistingVpc(options),
            HostedZoneId = options.GetValue(hostedZone),
            AlbAccessLogsBucket = options.GetValue(accessLogs),
            LogRetentionDays = options.GetValue(retention) ?? defaults.LogRetentionDays,
            WritableRoot = GenerateTargets.Split(options.GetValue(GenerateTargets.WritableRoot)),
            InitialImageTag = options.GetValue(GenerateTargets.ImageTag) ?? defaults.InitialImageTag,
            ToolImageTag = GenerateTargets.ToolVersion,
        }, stages);
        // The tasks pull from repositories the program creates: they must exist, and hold the first
        // images, before the release phase, data migration and services start.
        var repositories = landing.Program.Resources.Where(r => r.Type == AwsTypes.Repository).Select(r => r.Name).ToList();
        return new GeneratedProgram(landing.Program, landing.Stack, landing.Findings, landing.SecretConfigKeys, repositories)
        {
            KeysFromTypedOptions = KeysFromTypedOptions(plan, landing.Stack, options),
        };
    }

    /// <summary>The stack keys each option feeds, named as HerokuToCloud.Aws declares them.</summary>
    private IReadOnlyList<string> KeysFromTypedOptions(LandingPlan plan, StackConfig stack, ParseResult options) =>
        new TypedOptionKeys(options, stack)
            .Add(region, "aws:region")
            .Add(vpcCidr, "vpcCidr", "publicSubnetCidrs", "privateSubnetCidrs")
            .Add(vpcId, "vpcId")
            .Add(publicSubnets, "publicSubnetIds")
            .Add(privateSubnets, "privateSubnetIds")
            .Add(hostedZone, "hostedZoneId")
            .Add(accessLogs, "albAccessLogsBucket")
            .Add(retention, "logRetentionDays")
            .Add(GenerateTargets.ImageTag, plan.Apps.Select(a => ConfigKeys.Of(a.Name, "imageTag")))
            .Keys;

    private ExistingVpc? ExistingVpc(ParseResult options)
    {
        var id = options.GetValue(vpcId);
        var publicIds = GenerateTargets.Split(options.GetValue(publicSubnets));
        var privateIds = GenerateTargets.Split(options.GetValue(privateSubnets));
        if (id is null)
        {
            return publicIds.Count == 0 && privateIds.Count == 0
                ? null
                : throw new UsageException("--public-subnet-ids and --private-subnet-ids belong to --vpc-id: give the existing VPC's id too, or drop them to create a new VPC.");
        }

        if (options.GetValue(vpcCidr) is not null)
            throw new UsageException("--vpc-cidr sets the range of a new VPC; with --vpc-id the existing VPC's range is used.");
        return new ExistingVpc(id, publicIds, privateIds);
    }
}
