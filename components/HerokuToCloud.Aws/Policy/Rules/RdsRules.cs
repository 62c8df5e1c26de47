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

/// <summary>
/// RDS.9: PostgreSQL logs go to CloudWatch Logs, into log groups of this program that exist before
/// the instance. RDS creates a missing group itself, keeping logs forever and outside the program, so
/// each exported log needs the program's <c>/aws/rds/instance/&lt;identifier&gt;/&lt;log&gt;</c> group
/// (where CloudWatch.16 holds its retention) in the instance's dependsOn.
/// </summary>
public sealed class RdsLogExports() : ResourceRule("RDS.9", "Database logs are exported to CloudWatch Logs", AwsTypes.DbInstance)
{
    protected override IEnumerable<string> Check(PolicyContext context, Resource resource)
    {
        var exports = PolicyContext.Items(PolicyContext.At(resource, "enabledCloudwatchLogsExports")).Select(PolicyContext.Text).OfType<string>().ToList();
        var missing = new[] { "postgresql", "upgrade" }.Where(l => !exports.Contains(l)).ToList();
        if (missing.Count > 0)
            yield return $"does not export the {string.Join(" and ", missing)} log{(missing.Count > 1 ? "s" : "")}; add to enabledCloudwatchLogsExports.";

        var identifier = PolicyContext.At(resource, "identifier");
        if (identifier is null)
        {
            if (exports.Count > 0)
                yield return "sets no identifier, so its log groups cannot be declared and RDS creates them itself, keeping logs forever; set identifier and declare /aws/rds/instance/<identifier>/<log>.";
            yield break;
        }

        foreach (var log in exports)
        {
            var expected = Parts(InterpolationValue.Of("/aws/rds/instance/", identifier, $"/{log}"));
            var group = context.OfType(AwsTypes.LogGroup).FirstOrDefault(g => Parts(PolicyContext.At(g, "name")).SequenceEqual(expected));
            if (group is null)
                yield return $"exports the {log} log to a log group the program does not declare; add an aws:cloudwatch:LogGroup named /aws/rds/instance/<identifier>/{log}.";
            else if (!resource.Options.DependsOn.Contains(group.Name))
                yield return $"does not depend on its log group {group.Name}; RDS would create the group first and the program's create would fail.";
        }
    }

    /// <summary>A name as text and references in the canonical form <see cref="InterpolationValue.Of"/> gives, so equal names compare equal however they were built.</summary>
    private static IReadOnlyList<Value> Parts(Value? value) => PolicyContext.Unwrap(value) is { } name ? InterpolationValue.Of(name).Parts : [];
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
            yield return $"keeps backups for {days} day{(days == 1 ? "" : "s")}; set backupRetentionPeriod to {MinimumDays} or more.";
    }

    protected override IEnumerable<string> CheckStack(PolicyContext context, Resource resource)
    {
        var retention = PolicyContext.At(resource, "backupRetentionPeriod");
        if (retention is ConfigValue && context.Number(retention) is { } days && days < MinimumDays)
            yield return $"keeps backups for {days} day{(days == 1 ? "" : "s")}{context.Where(retention)}; set it to {MinimumDays} or more.";
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
