using HerokuToCloud.Graph;
using HerokuToCloud.Graph.Policy;

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
/// RDS.5: Multi-AZ is set, as stack config: on for Heroku's HA plans (premium, private, shield), off
/// where the stage's plan had no standby, which is the baseline's per-stack choice, not a violation.
/// </summary>
public sealed class RdsMultiAz() : ProgramRule("RDS.5", "Databases run Multi-AZ where the plan is highly available")
{
    protected override IEnumerable<PolicyViolation> Check(PolicyContext context)
    {
        foreach (var database in context.OfType(AwsTypes.DbInstance))
        {
            var multiAz = PolicyContext.At(database, "multiAz");
            if (multiAz is null)
                yield return Violation(database.Name, "does not set multiAz; set it (stack config) so HA plans get a standby.");
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
    public const int MinimumDays = 7;

    protected override IEnumerable<string> Check(PolicyContext context, Resource resource)
    {
        var retention = PolicyContext.At(resource, "backupRetentionPeriod");
        if (retention is null)
            yield return $"keeps automated backups for the default 1 day; set backupRetentionPeriod to {MinimumDays} or more.";
        else if (retention is not ConfigValue && context.Number(retention) is { } days && days < MinimumDays)
            yield return $"keeps backups for {days} day(s); set backupRetentionPeriod to {MinimumDays} or more.";
    }

    protected override IEnumerable<string> CheckStack(PolicyContext context, Resource resource)
    {
        var retention = PolicyContext.At(resource, "backupRetentionPeriod");
        if (retention is ConfigValue && context.Number(retention) is { } days && days < MinimumDays)
            yield return $"keeps backups for {days} day(s){context.Where(retention)}; set it to {MinimumDays} or more.";
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
