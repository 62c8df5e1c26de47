using HerokuToCloud.Graph;

namespace HerokuToCloud.Aws.Policy;

/// <summary>RDS.2: databases are not publicly accessible and live in a (private) subnet group.</summary>
public sealed class RdsNotPublic() : ResourceRule("RDS.2", "Databases are not publicly accessible", AwsTypes.DbInstance)
{
    protected override IEnumerable<string> Check(PolicyContext context, Resource resource)
    {
        if (!context.AlwaysIs(PolicyContext.At(resource, "publiclyAccessible"), false))
            yield return "must set publiclyAccessible to false.";
        if (PolicyContext.At(resource, "dbSubnetGroupName") is null)
            yield return "has no dbSubnetGroupName; place it in the private subnets' subnet group.";
    }
}

/// <summary>RDS.3: storage is encrypted.</summary>
public sealed class RdsEncrypted() : ResourceRule("RDS.3", "Database storage is encrypted", AwsTypes.DbInstance)
{
    protected override IEnumerable<string> Check(PolicyContext context, Resource resource)
    {
        if (!context.AlwaysIs(PolicyContext.At(resource, "storageEncrypted"), true))
            yield return "must set storageEncrypted to true.";
    }
}

/// <summary>
/// RDS.5: Multi-AZ is decided per stack (on for Heroku HA plans). Missing is a violation; a stack
/// that runs single-AZ is listed as an opt-out, since non-HA plans land that way on purpose.
/// </summary>
public sealed class RdsMultiAz() : ProgramRule("RDS.5", "Databases run Multi-AZ where the plan is highly available")
{
    protected override IEnumerable<PolicyFinding> Check(PolicyContext context)
    {
        foreach (var database in context.OfType(AwsTypes.DbInstance))
        {
            var multiAz = PolicyContext.At(database, "multiAz");
            if (multiAz is null)
                yield return Violation(database.Name, "does not set multiAz; set it (stack config) so HA plans get a standby.");
            else if (context.WhereFalse(multiAz) is { Count: > 0 } stacks)
                yield return OptOut(database.Name, $"runs in one availability zone in {string.Join(", ", stacks)} (a non-HA plan).");
        }
    }
}

/// <summary>RDS.8: deletion protection on, and Pulumi refuses to delete the database (protect).</summary>
public sealed class RdsDeletionProtection() : ResourceRule("RDS.8", "Databases have deletion protection", AwsTypes.DbInstance)
{
    protected override IEnumerable<string> Check(PolicyContext context, Resource resource)
    {
        if (!context.AlwaysIs(PolicyContext.At(resource, "deletionProtection"), true))
            yield return "must set deletionProtection to true.";
        if (!resource.Options.Protect)
            yield return "must have the Pulumi resource option protect.";
    }
}

/// <summary>RDS.9: PostgreSQL logs go to CloudWatch Logs.</summary>
public sealed class RdsLogExports() : ResourceRule("RDS.9", "Database logs are exported to CloudWatch Logs", AwsTypes.DbInstance)
{
    protected override IEnumerable<string> Check(PolicyContext context, Resource resource)
    {
        var exports = PolicyContext.Items(PolicyContext.At(resource, "enabledCloudwatchLogsExports")).Select(PolicyContext.Text).ToHashSet();
        var missing = new[] { "postgresql", "upgrade" }.Where(l => !exports.Contains(l)).ToList();
        if (missing.Count > 0)
            yield return $"does not export the {string.Join(" and ", missing)} log{(missing.Count > 1 ? "s" : "")}; add to enabledCloudwatchLogsExports.";
    }
}

/// <summary>RDS.11: automated backups kept at least seven days in every stack.</summary>
public sealed class RdsBackups() : ResourceRule("RDS.11", "Databases keep automated backups for at least 7 days", AwsTypes.DbInstance)
{
    protected override IEnumerable<string> Check(PolicyContext context, Resource resource)
    {
        var retention = PolicyContext.At(resource, "backupRetentionPeriod");
        var days = context.Numbers(retention);
        if (retention is null || days.Any(d => d < 7))
            yield return $"keeps backups for {(days.Count == 0 ? "the default 1 day" : string.Join("/", days) + " day(s)")}; set backupRetentionPeriod to 7 or more.";
    }
}

/// <summary>RDS.13: minor engine upgrades are applied automatically.</summary>
public sealed class RdsMinorUpgrades() : ResourceRule("RDS.13", "Minor version upgrades are automatic", AwsTypes.DbInstance)
{
    protected override IEnumerable<string> Check(PolicyContext context, Resource resource)
    {
        if (!context.AlwaysIs(PolicyContext.At(resource, "autoMinorVersionUpgrade"), true))
            yield return "must set autoMinorVersionUpgrade to true.";
    }
}

/// <summary>RDS.17: snapshots carry the instance's tags.</summary>
public sealed class RdsCopyTags() : ResourceRule("RDS.17", "Snapshots copy the instance's tags", AwsTypes.DbInstance)
{
    protected override IEnumerable<string> Check(PolicyContext context, Resource resource)
    {
        if (!context.AlwaysIs(PolicyContext.At(resource, "copyTagsToSnapshot"), true))
            yield return "must set copyTagsToSnapshot to true.";
    }
}

/// <summary>RDS.25: the master user is not a well-known name.</summary>
public sealed class RdsCustomAdmin() : ResourceRule("RDS.25", "The master username is not a default name", AwsTypes.DbInstance)
{
    private static readonly HashSet<string> WellKnown = new(StringComparer.OrdinalIgnoreCase) { "postgres", "admin", "administrator", "root", "rdsadmin", "master" };

    protected override IEnumerable<string> Check(PolicyContext context, Resource resource)
    {
        var username = PolicyContext.Text(PolicyContext.At(resource, "username"));
        if (username is null || WellKnown.Contains(username))
            yield return $"uses the master username {username ?? "(default)"}; choose one attackers do not guess.";
    }
}

/// <summary>RDS.TLS: the parameter group forces TLS (rds.force_ssl = 1), so no client connects in plain text.</summary>
public sealed class RdsForceTls() : ResourceRule("RDS.TLS", "Databases accept TLS connections only", AwsTypes.DbInstance)
{
    protected override IEnumerable<string> Check(PolicyContext context, Resource resource)
    {
        var group = context.Target(PolicyContext.At(resource, "parameterGroupName"));
        var forced = group is not null && group.Type == AwsTypes.DbParameterGroup
            && PolicyContext.Items(PolicyContext.At(group, "parameters")).Any(p =>
                PolicyContext.Text(PolicyContext.At(p, "name")) == "rds.force_ssl" && PolicyContext.Text(PolicyContext.At(p, "value")) == "1");
        if (!forced)
            yield return "must use a parameter group of this program that sets rds.force_ssl to 1.";
    }
}
