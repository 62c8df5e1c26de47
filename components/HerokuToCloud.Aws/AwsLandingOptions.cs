using System.Net;
using System.Text.RegularExpressions;

namespace HerokuToCloud.Aws;

/// <summary>
/// Choices about the AWS landing that the Heroku inventory cannot know. Whether a value is given
/// decides the program's shape (an existing VPC instead of a new one, Route 53 records, ALB access
/// logs), so pass the same options for every stack of a system to keep one Pulumi.yaml; the values
/// themselves go to Pulumi.&lt;stack&gt;.yaml and may differ per stack.
/// </summary>
public sealed partial record AwsLandingOptions
{
    /// <summary>AWS region of the stack (provider config <c>aws:region</c>).</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>Address range of a new VPC; ignored with <see cref="ExistingVpc"/>.</summary>
    public string VpcCidr { get; init; } = "10.0.0.0/16";

    /// <summary>Land in a VPC the team already runs instead of creating one.</summary>
    public ExistingVpc? ExistingVpc { get; init; }

    /// <summary>Route 53 hosted zone for the apps' domains; without it the DNS targets become stack outputs.</summary>
    public string? HostedZoneId { get; init; }

    /// <summary>S3 bucket (with the ELB log-delivery policy) for load balancer access logs; without it ELB.5 is an opt-out.</summary>
    public string? AlbAccessLogsBucket { get; init; }

    /// <summary>CloudWatch Logs retention for every log group (CloudWatch.16 asks for at least a year).</summary>
    public int LogRetentionDays { get; init; } = 365;

    /// <summary>
    /// Tag of the heroku2cloud image (the repository's Dockerfile) that runs the data migrations, in
    /// the program's own heroku2cloud repository; the CLI passes its own version.
    /// </summary>
    public string ToolImageTag { get; init; } = "0.1.0";

    /// <summary>
    /// The tag each app's image is first deployed with: ECR tags are immutable, so every later build
    /// gets a new tag, set in stack config.
    /// </summary>
    public string InitialImageTag { get; init; } = "initial";

    /// <summary>
    /// Processes that keep a writable root filesystem (<c>APP/PROCESS</c>, or <c>PROCESS</c> in every
    /// app; <c>release</c> and scheduled job names count too), each with an ECS.5 waiver. Everything
    /// else runs with a read-only root and a writable /tmp. See <see cref="WritableRoots"/>.
    /// </summary>
    public IReadOnlyList<string> WritableRoot { get; init; } = [];

    /// <summary>The retention values CloudWatch Logs accepts.</summary>
    public static readonly IReadOnlyList<int> ValidLogRetentionDays =
        [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    /// <summary>Throws <see cref="AwsLandingException"/> naming the first option AWS would reject.</summary>
    public void Validate()
    {
        if (!RegionPattern().IsMatch(Region))
            throw new AwsLandingException($"'{Region}' is not an AWS region name; use one such as us-east-1 or eu-west-1 (--region).");
        if (!ValidLogRetentionDays.Contains(LogRetentionDays))
            throw new AwsLandingException(
                $"CloudWatch Logs cannot keep logs for {LogRetentionDays} days; use one of {string.Join(", ", ValidLogRetentionDays)} (--log-retention-days).");
        if (ExistingVpc is null)
            _ = VpcLayout.Parse(VpcCidr);
        else
            ExistingVpc.Validate();
        if (HostedZoneId is not null && !HostedZonePattern().IsMatch(HostedZoneId))
            throw new AwsLandingException($"'{HostedZoneId}' is not a Route 53 hosted zone id (they look like Z0123456789ABCDEFGHIJ) (--hosted-zone-id).");
        foreach (var (tag, option) in new[] { (ToolImageTag, "--tool-image-tag"), (InitialImageTag, "--image-tag") })
        {
            if (!TagPattern().IsMatch(tag))
                throw new AwsLandingException($"'{tag}' is not a container image tag (letters, digits, '_', '.', '-', at most 128, not starting with '.' or '-') ({option}).");
        }

        if (AlbAccessLogsBucket is not null && !BucketPattern().IsMatch(AlbAccessLogsBucket))
            throw new AwsLandingException($"'{AlbAccessLogsBucket}' is not an S3 bucket name (3-63 lower-case letters, digits, dots and dashes) (--alb-access-logs-bucket).");
    }

    [GeneratedRegex(@"^[a-z]{2}(-gov)?-[a-z]+-\d$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex(@"^Z[A-Z0-9]{4,31}$")]
    private static partial Regex HostedZonePattern();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex TagPattern();
}

/// <summary>A VPC the program lands in without managing it: its id and at least two subnets of each kind.</summary>
public sealed partial record ExistingVpc(string VpcId, IReadOnlyList<string> PublicSubnetIds, IReadOnlyList<string> PrivateSubnetIds)
{
    public void Validate()
    {
        if (!VpcPattern().IsMatch(VpcId))
            throw new AwsLandingException($"'{VpcId}' is not a VPC id (vpc-0123abcd) (--vpc-id).");
        foreach (var (kind, ids) in new[] { ("public", PublicSubnetIds), ("private", PrivateSubnetIds) })
        {
            if (ids.Count < 2)
                throw new AwsLandingException(
                    $"An existing VPC needs at least two {kind} subnets in different availability zones (the load balancer and the database subnet group require two); got {ids.Count} (--{kind}-subnet-ids).");
            foreach (var id in ids.Where(id => !SubnetPattern().IsMatch(id)))
                throw new AwsLandingException($"'{id}' is not a subnet id (subnet-0123abcd) (--{kind}-subnet-ids).");
        }
    }

    [GeneratedRegex(@"^vpc-[0-9a-f]{8,17}$")]
    private static partial Regex VpcPattern();

    [GeneratedRegex(@"^subnet-[0-9a-f]{8,17}$")]
    private static partial Regex SubnetPattern();
}

/// <summary>
/// How a new VPC's range is split: the two private subnets (tasks, databases, caches) take a quarter
/// each, the two public subnets (load balancers, NAT gateways) a sixteenth each; the rest stays free.
/// </summary>
public sealed record VpcLayout(string Cidr, IReadOnlyList<string> PublicSubnets, IReadOnlyList<string> PrivateSubnets)
{
    public static VpcLayout Parse(string cidr)
    {
        var parts = cidr.Split('/');
        if (parts.Length != 2 || !IPAddress.TryParse(parts[0], out var address) || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork
            || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var prefix))
            throw new AwsLandingException($"'{cidr}' is not an IPv4 CIDR block such as 10.0.0.0/16 (--vpc-cidr).");
        if (prefix is < 16 or > 24)
            throw new AwsLandingException($"A VPC range of /{prefix} does not fit: use a prefix from /16 to /24 so that four subnets of at least /28 fit (--vpc-cidr).");
        var bytes = address.GetAddressBytes();
        var start = ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
        var mask = uint.MaxValue << (32 - prefix);
        if ((start & ~mask) != 0)
            throw new AwsLandingException($"'{cidr}' has host bits set; the network address of that range is {Format(start & mask)}/{prefix} (--vpc-cidr).");

        string Block(int subPrefix, uint index) => $"{Format(start + (index << (32 - subPrefix)))}/{subPrefix}";
        return new VpcLayout(
            cidr,
            [Block(prefix + 4, 8), Block(prefix + 4, 9)],
            [Block(prefix + 2, 0), Block(prefix + 2, 1)]);
    }

    private static string Format(uint value) => $"{value >> 24}.{(value >> 16) & 255}.{(value >> 8) & 255}.{value & 255}";
}
