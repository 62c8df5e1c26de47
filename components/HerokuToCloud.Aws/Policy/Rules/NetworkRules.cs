using HerokuToCloud.Graph;
using HerokuToCloud.Graph.Policy;

namespace HerokuToCloud.Aws.Policy;

/// <summary>Security group relations the network rules share.</summary>
internal static class SecurityGroupUse
{
    /// <summary>Names of security groups attached to resources of <paramref name="type"/> through <paramref name="path"/>.</summary>
    public static HashSet<string> AttachedTo(PolicyContext context, string type, string path) =>
        context.OfType(type).SelectMany(r => PolicyContext.Items(PolicyContext.At(r, path)))
            .Select(v => context.Target(v)?.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>Security groups ECS tasks run in: services, schedules and one-off runs.</summary>
    public static HashSet<string> TaskGroups(PolicyContext context)
    {
        var groups = AttachedTo(context, AwsTypes.Service, "networkConfiguration.securityGroups");
        groups.UnionWith(AttachedTo(context, AwsTypes.Schedule, "target.ecsParameters.networkConfiguration.securityGroups"));
        groups.UnionWith(context.OfType(AwsTypes.LocalCommand).Select(c => context.Target(PolicyContext.At(c, "environment.SECURITY_GROUPS"))?.Name).OfType<string>());
        return groups;
    }

    /// <summary>Every ingress rule of the program: rule resources and inline rules, with the group they open.</summary>
    public static IEnumerable<(string Group, string Resource, Value Rule)> Ingress(PolicyContext context)
    {
        foreach (var rule in context.OfType(AwsTypes.IngressRule))
        {
            if (context.Target(PolicyContext.At(rule, "securityGroupId")) is { } group)
                yield return (group.Name, rule.Name, rule.Properties);
        }

        foreach (var group in context.OfType(AwsTypes.SecurityGroup))
        {
            foreach (var inline in PolicyContext.Items(PolicyContext.At(group, "ingress")))
                yield return (group.Name, group.Name, inline);
        }
    }

    public static bool FromAnywhere(Value rule) =>
        PolicyContext.Text(PolicyContext.At(rule, "cidrIpv4")) == "0.0.0.0/0"
        || PolicyContext.Text(PolicyContext.At(rule, "cidrIpv6")) == "::/0"
        || PolicyContext.Items(PolicyContext.At(rule, "cidrBlocks")).Any(c => PolicyContext.Text(c) == "0.0.0.0/0")
        || PolicyContext.Items(PolicyContext.At(rule, "ipv6CidrBlocks")).Any(c => PolicyContext.Text(c) == "::/0");

    public static bool FromGroupOnly(Value rule) =>
        (PolicyContext.At(rule, "referencedSecurityGroupId") is not null || PolicyContext.Items(PolicyContext.At(rule, "securityGroups")).Count > 0)
        && PolicyContext.At(rule, "cidrIpv4") is null && PolicyContext.At(rule, "cidrIpv6") is null && PolicyContext.At(rule, "prefixListId") is null
        && PolicyContext.Items(PolicyContext.At(rule, "cidrBlocks")).Count == 0;

    public static (decimal? From, decimal? To) Ports(Value rule) =>
        ((PolicyContext.Unwrap(PolicyContext.At(rule, "fromPort")) as NumberValue)?.Number, (PolicyContext.Unwrap(PolicyContext.At(rule, "toPort")) as NumberValue)?.Number);
}

/// <summary>EC2.2: the VPC's default security group allows nothing (only for a VPC the program manages).</summary>
public sealed class DefaultSecurityGroupClosed() : ProgramRule("EC2.2", "The VPC's default security group allows no traffic")
{
    protected override IEnumerable<PolicyViolation> Check(PolicyContext context)
    {
        // A program landing in an existing VPC has no VPC resource: its default group is the owner's to close.
        foreach (var vpc in context.OfType(AwsTypes.Vpc))
        {
            var adopted = context.OfType(AwsTypes.DefaultSecurityGroup).FirstOrDefault(g => context.Target(PolicyContext.At(g, "vpcId"))?.Name == vpc.Name);
            if (adopted is null)
                yield return Violation(vpc.Name, "leaves AWS's allow-all default security group in place; adopt it with an aws:ec2/defaultSecurityGroup that has no rules.");
            else if (PolicyContext.Items(PolicyContext.At(adopted, "ingress")).Count > 0 || PolicyContext.Items(PolicyContext.At(adopted, "egress")).Count > 0)
                yield return Violation(adopted.Name, "gives the default security group rules; remove them all.");
        }
    }
}

/// <summary>EC2.6: VPC flow logs are on (only for a VPC the program manages).</summary>
public sealed class VpcFlowLogs() : ProgramRule("EC2.6", "VPC flow logging is enabled")
{
    protected override IEnumerable<PolicyViolation> Check(PolicyContext context)
    {
        // A program landing in an existing VPC has no VPC resource: its flow logs are the owner's.
        foreach (var vpc in context.OfType(AwsTypes.Vpc).Where(v => !context.OfType(AwsTypes.FlowLog).Any(f => context.Target(PolicyContext.At(f, "vpcId"))?.Name == v.Name)))
            yield return Violation(vpc.Name, "has no flow log; add an aws:ec2/flowLog to a CloudWatch log group.");
    }
}

/// <summary>EC2.18: only load balancers accept traffic from anywhere, and only on 80 and 443.</summary>
public sealed class RestrictedIngress() : ProgramRule("EC2.18", "Only load balancers are open to the internet, on ports 80 and 443")
{
    protected override IEnumerable<PolicyViolation> Check(PolicyContext context)
    {
        var balancerGroups = SecurityGroupUse.AttachedTo(context, AwsTypes.LoadBalancer, "securityGroups");
        foreach (var (group, resource, rule) in SecurityGroupUse.Ingress(context).Where(r => SecurityGroupUse.FromAnywhere(r.Rule)))
        {
            var (from, to) = SecurityGroupUse.Ports(rule);
            var webPort = from == to && from is 80 or 443 && PolicyContext.Text(PolicyContext.At(rule, "ipProtocol")) is "tcp" or "6";
            if (!balancerGroups.Contains(group))
                yield return Violation(resource, $"opens security group {group}, which is not a load balancer's, to the internet.");
            else if (!webPort)
                yield return Violation(resource, $"opens ports {from}-{to} of a load balancer to the internet; only 80 and 443 may be open.");
        }
    }
}

/// <summary>
/// Network.DatastoreIngress: databases and caches accept connections only from the security groups
/// of the tasks that use them, on their own port, never from address ranges.
/// </summary>
public sealed class DatastoreIngress() : ProgramRule("Network.DatastoreIngress", "Datastores accept only their apps' task security groups")
{
    protected override IEnumerable<PolicyViolation> Check(PolicyContext context)
    {
        var datastoreGroups = SecurityGroupUse.AttachedTo(context, AwsTypes.DbInstance, "vpcSecurityGroupIds");
        datastoreGroups.UnionWith(SecurityGroupUse.AttachedTo(context, AwsTypes.ReplicationGroup, "securityGroupIds"));
        var taskGroups = SecurityGroupUse.TaskGroups(context);
        foreach (var (group, resource, rule) in SecurityGroupUse.Ingress(context).Where(r => datastoreGroups.Contains(r.Group)))
        {
            if (!SecurityGroupUse.FromGroupOnly(rule))
                yield return Violation(resource, $"admits an address range to datastore security group {group}; admit the apps' task security groups instead.");
            else if (context.Target(PolicyContext.At(rule, "referencedSecurityGroupId")) is { } source && !taskGroups.Contains(source.Name))
                yield return Violation(resource, $"admits {source.Name} to datastore security group {group}, but no task of the program runs in it.");
        }
    }
}

/// <summary>Network.TaskIngress: tasks accept connections only from their load balancer's security group.</summary>
public sealed class TaskIngress() : ProgramRule("Network.TaskIngress", "Tasks accept traffic only from their load balancer")
{
    protected override IEnumerable<PolicyViolation> Check(PolicyContext context)
    {
        var taskGroups = SecurityGroupUse.TaskGroups(context);
        var balancerGroups = SecurityGroupUse.AttachedTo(context, AwsTypes.LoadBalancer, "securityGroups");
        foreach (var (group, resource, rule) in SecurityGroupUse.Ingress(context).Where(r => taskGroups.Contains(r.Group)))
        {
            var source = context.Target(PolicyContext.At(rule, "referencedSecurityGroupId"));
            if (!SecurityGroupUse.FromGroupOnly(rule) || source is null || !balancerGroups.Contains(source.Name))
                yield return Violation(resource, $"lets something other than a load balancer reach the tasks in {group}.");
        }
    }
}
