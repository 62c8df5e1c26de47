using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Aws;

/// <summary>
/// RDS for PostgreSQL replacing one Heroku Postgres add-on: encrypted gp3 storage that grows on its
/// own, private subnets only, TLS forced by its parameter group, backups kept at least a week,
/// deletion protection plus Pulumi <c>protect</c>, logs exported to log groups the program owns, minor
/// versions applied, changes applied on <c>pulumi up</c> unless the stack defers them. The sizes are
/// stack config so each stage of a pipeline keeps its own plan.
/// </summary>
internal static class PostgresDatabase
{
    /// <summary>The master user. RDS.25 asks for something other than the well-known "postgres".</summary>
    public const string MasterUsername = "app";

    /// <summary>RDS.11 and the security baseline ask for at least a week of backups.</summary>
    public const int MinimumBackupRetentionDays = 7;

    /// <summary>gp3 volumes start at 20 GiB.</summary>
    public const int MinimumStorageGiB = 20;

    public static DatastoreConnection Add(AwsProgram program, NetworkLanding network, PostgresDatastore database,
        IReadOnlyDictionary<string, Resource> appSecurityGroups)
    {
        var owner = $"database {database.Name}";
        var name = AwsNames.Logical(database.Name);
        AwsNames.EnsureAutonamable(name, AwsNames.DbInstanceMax, "RDS instance", owner);

        var instanceClass = RdsInstanceClasses.Pick(database);
        var storage = Math.Max(database.StorageGiB, MinimumStorageGiB);
        var maxStorage = Math.Max(database.MaxStorageGiB, storage + storage / 10 + 1);
        var retention = Math.Max(database.BackupRetentionDays, MinimumBackupRetentionDays);
        if (database.BackupRetentionDays < MinimumBackupRetentionDays)
            program.Report(FindingSeverity.Info, owner,
                $"Heroku kept backups of {database.HerokuPlan} for {database.BackupRetentionDays} day(s); RDS keeps {retention} (the security baseline's minimum).");

        string Key(string setting) => ConfigKeys.Of(database.Name, setting);
        var engineVersion = program.Config(Key("engineVersion"), ConfigType.String, MajorVersion(database), $"PostgreSQL major version of {database.Name}.", owner);
        var classValue = program.Config(Key("instanceClass"), ConfigType.String, instanceClass.Name,
            $"RDS instance class of {database.Name}, sized from its Heroku plan.", owner);
        var storageValue = program.Config(Key("allocatedStorage"), ConfigType.Integer, storage, $"Storage of {database.Name} in GiB (gp3).", owner);
        var maxStorageValue = program.Config(Key("maxAllocatedStorage"), ConfigType.Integer, maxStorage, $"Upper bound in GiB for storage autoscaling of {database.Name}.", owner);
        var multiAz = program.Config(Key("multiAz"), ConfigType.Boolean, database.HighAvailability, $"Standby in a second availability zone for {database.Name} (RDS.5).", owner);
        // RDS refuses a new major engineVersion unless the same update allows major upgrades, which can
        // break the app (extensions, removed features), so it is off until the team asks for it along
        // with the new version; minor upgrades stay automatic.
        var allowMajorUpgrade = program.Config(Key("allowMajorVersionUpgrade"), ConfigType.Boolean, false,
            $"Set to true, together with a new engineVersion, to upgrade {database.Name} to another PostgreSQL major version (RDS refuses a major change without it).", owner);
        var retentionValue = program.Config(Key("backupRetentionDays"), ConfigType.Integer, retention, $"Days of automated backups of {database.Name} (at least 7).", owner);
        // RDS's own default defers most changes to the weekly maintenance window, so a pulumi up that
        // resizes would report success while the old class keeps running (and every later preview shows
        // the same change again). Pulumi previews the change before it is applied, so it applies now.
        var applyImmediately = program.Config(Key("applyImmediately"), ConfigType.Boolean, true,
            $"Apply changes to {database.Name} (instance class, storage, engine version, Multi-AZ) during pulumi up; changes that restart it cause a short outage (a failover with Multi-AZ). Set to false to defer them to the instance's weekly maintenance window.", owner);

        var subnets = program.Add($"{name}-subnets", AwsTypes.DbSubnetGroup, new MapValue
        {
            ["description"] = $"Private subnets of {database.Name}",
            ["subnetIds"] = network.PrivateSubnetIds,
        }, owner);
        var parameters = program.Add($"{name}-parameters", AwsTypes.DbParameterGroup, new MapValue
        {
            ["description"] = $"{database.Name}: TLS required",
            ["family"] = InterpolationValue.Of("postgres", engineVersion),
            ["parameters"] = Value.List(new MapValue { ["name"] = "rds.force_ssl", ["value"] = "1" }),
        }, owner);
        var securityGroup = SecurityGroups.Add(program, network, $"{name}-sg", $"{database.Name}: PostgreSQL from its apps only", owner);
        foreach (var app in database.Apps)
        {
            if (!appSecurityGroups.TryGetValue(app, out var source))
                throw new AwsLandingException($"Database {database.Name} is attached to app '{app}', which the landing plan does not have; check the add-on attachments in the inventory.");
            SecurityGroups.AllowFrom(program, securityGroup, source, SecurityGroups.PostgresPort, $"{name}-from-{AwsNames.Logical(app)}",
                $"PostgreSQL from {app}", owner);
        }

        // Snapshot identifiers are unique per account and region, and a pipeline's stacks share one account
        // and one Pulumi.yaml: a fixed name would make the second stack's delete (or a replacement) fail on
        // the first one's snapshot. A random suffix, kept in each stack's state, keeps them apart.
        var snapshotSuffix = program.Add($"{name}-final-snapshot-suffix", AwsTypes.RandomId, new MapValue { ["byteLength"] = 4 }, owner);
        var password = program.Add($"{name}-password", AwsTypes.RandomPassword, new MapValue
        {
            ["length"] = 32,
            // Letters and digits only: the password sits inside a postgres:// URL, where '@', ':', '/'
            // and '%' would need escaping that many clients get wrong.
            ["special"] = false,
        }, owner);

        // The identifier is fixed here rather than auto-named so that the log groups RDS writes to can be
        // declared, with its name, before the instance exists. Its random part keeps the auto-name's shape
        // (a dash and seven characters, so the length check above holds) and lives in each stack's state,
        // so a pipeline's stacks in one account stay apart.
        var identifierSuffix = program.Add($"{name}-identifier-suffix", AwsTypes.RandomString, new MapValue
        {
            ["length"] = AwsNames.AutonameSuffix - 1,
            ["upper"] = false,
            ["special"] = false,
        }, owner);
        var identifier = InterpolationValue.Of($"{name}-", identifierSuffix.Ref("result"));
        var logGroups = RdsLogGroups.Add(program, name, identifier, owner);

        var databaseName = DatabaseName(database);
        var instance = program.Add(name, AwsTypes.DbInstance, new MapValue
        {
            ["identifier"] = identifier,
            ["engine"] = "postgres",
            ["engineVersion"] = engineVersion,
            ["allowMajorVersionUpgrade"] = allowMajorUpgrade,
            ["instanceClass"] = classValue,
            ["allocatedStorage"] = storageValue,
            ["maxAllocatedStorage"] = maxStorageValue,
            ["storageType"] = "gp3",
            ["storageEncrypted"] = true,
            ["dbName"] = databaseName,
            ["username"] = MasterUsername,
            ["password"] = password.Ref("result"),
            ["port"] = SecurityGroups.PostgresPort,
            ["dbSubnetGroupName"] = subnets.Ref("name"),
            ["vpcSecurityGroupIds"] = Value.List(securityGroup.Ref("id")),
            ["parameterGroupName"] = parameters.Ref("name"),
            ["publiclyAccessible"] = false,
            ["multiAz"] = multiAz,
            ["applyImmediately"] = applyImmediately,
            ["backupRetentionPeriod"] = retentionValue,
            ["deletionProtection"] = true,
            ["enabledCloudwatchLogsExports"] = Value.List(RdsLogGroups.Exports.Select(l => (Value)l)),
            ["autoMinorVersionUpgrade"] = true,
            ["copyTagsToSnapshot"] = true,
            ["skipFinalSnapshot"] = false,
            ["finalSnapshotIdentifier"] = InterpolationValue.Of($"{AwsNames.Logical(program.Plan.System, database.Name)}-final-", snapshotSuffix.Ref("hex")),
        }, owner, new ResourceOptions
        {
            Protect = true,
            DependsOn = logGroups,
            // A Multi-AZ create or an instance class change takes longer than the provider's defaults.
            CustomTimeouts = new CustomTimeouts(Create: "90m", Update: "120m", Delete: "60m"),
        });

        var url = new SecretValue(InterpolationValue.Of(
            $"postgres://{MasterUsername}:", password.Ref("result"), "@", instance.Ref("address"), ":", instance.Ref("port"),
            $"/{databaseName}?sslmode=require"));
        return new DatastoreConnection(database, instance, securityGroup, url, url);
    }

    /// <summary>The initial database's name: letters, digits and underscores, starting with a letter.</summary>
    public static string DatabaseName(Datastore database)
    {
        var name = new string(database.Name.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_').ToArray());
        return name.Length > 0 && char.IsAsciiLetter(name[0]) ? name[..Math.Min(name.Length, 63)] : $"db_{name}"[..Math.Min(name.Length + 3, 63)];
    }

    private static string MajorVersion(Datastore database)
    {
        var major = database.Version.Split('.')[0].Trim();
        if (!int.TryParse(major, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version) || version < 11)
            throw new AwsLandingException($"Database {database.Name} has PostgreSQL version '{database.Version}', which RDS does not offer (it runs 11 and later, 13 and later without extended support); raise the version in the inventory.");
        return major;
    }
}
