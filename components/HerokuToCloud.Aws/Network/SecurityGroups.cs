using HerokuToCloud.Graph;

namespace HerokuToCloud.Aws;

/// <summary>
/// Security groups and their rules, one rule per resource (inline rules and rule resources cannot be
/// mixed, and separate rules change without replacing the group). A new group has no rules at all:
/// the provider removes AWS's default allow-all egress, so every path is one written here.
/// </summary>
internal static class SecurityGroups
{
    public const int PostgresPort = 5432;
    public const int RedisPort = 6379;

    public static Resource Add(AwsProgram program, NetworkLanding network, string name, string description, string owner, string? app = null) =>
        program.Add(name, AwsTypes.SecurityGroup, new MapValue
        {
            ["vpcId"] = network.VpcId,
            ["description"] = description,
        }, owner, app: app);

    /// <summary>Lets <paramref name="source"/> reach <paramref name="target"/> on one TCP port, and nothing else.</summary>
    public static void AllowFrom(AwsProgram program, Resource target, Resource source, int port, string name, string description, string owner, string? app = null) =>
        program.Add(name, AwsTypes.IngressRule, new MapValue
        {
            ["securityGroupId"] = target.Ref("id"),
            ["referencedSecurityGroupId"] = source.Ref("id"),
            ["ipProtocol"] = "tcp",
            ["fromPort"] = port,
            ["toPort"] = port,
            ["description"] = description,
        }, owner, app: app);

    /// <summary>Lets anyone on the internet reach <paramref name="target"/> on one TCP port (load balancers on 80 and 443 only).</summary>
    public static void AllowInternet(AwsProgram program, Resource target, int port, string name, string owner, string? app = null) =>
        program.Add(name, AwsTypes.IngressRule, new MapValue
        {
            ["securityGroupId"] = target.Ref("id"),
            ["cidrIpv4"] = "0.0.0.0/0",
            ["ipProtocol"] = "tcp",
            ["fromPort"] = port,
            ["toPort"] = port,
            ["description"] = $"HTTP{(port == 443 ? "S" : "")} from the internet",
        }, owner, app: app);

    /// <summary>Lets <paramref name="source"/> send to <paramref name="target"/> on one TCP port (a load balancer to its tasks).</summary>
    public static void AllowTo(AwsProgram program, Resource source, Resource target, int port, string name, string description, string owner, string? app = null) =>
        program.Add(name, AwsTypes.EgressRule, new MapValue
        {
            ["securityGroupId"] = source.Ref("id"),
            ["referencedSecurityGroupId"] = target.Ref("id"),
            ["ipProtocol"] = "tcp",
            ["fromPort"] = port,
            ["toPort"] = port,
            ["description"] = description,
        }, owner, app: app);

    /// <summary>
    /// Lets tasks open any outbound connection. Heroku dynos had unrestricted egress and apps call
    /// third-party APIs, mail servers and the old Heroku database on many ports; inbound stays closed.
    /// </summary>
    public static void AllowAllOutbound(AwsProgram program, Resource source, string name, string owner, string? app = null) =>
        program.Add(name, AwsTypes.EgressRule, new MapValue
        {
            ["securityGroupId"] = source.Ref("id"),
            ["cidrIpv4"] = "0.0.0.0/0",
            ["ipProtocol"] = "-1",
            ["description"] = "Outbound connections (images, secrets, logs, third-party APIs)",
        }, owner, app: app);
}
