using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Aws;

/// <summary>
/// Copies a Heroku Postgres database into its new RDS instance once, right after the instance
/// exists and before any release phase or service touches it: a task running the heroku2cloud image
/// (<c>heroku2cloud data migrate --json --hide-values</c> with the source and target URLs as secrets; it copies and
/// then validates)
/// in the private subnets, started by a command that fails <c>pulumi up</c> when the copy or its
/// validation fails. The Heroku URL comes from secret config and lives only in the migration's own
/// secret, which no app can read. It runs again only when the database is replaced, or when the update
/// that ran it did not record it (failed or interrupted; the tool then resumes or revalidates): later
/// updates skip it.
/// </summary>
internal static class DataMigration
{
    public const string ContainerName = "migrate";

    /// <summary>Copying and validating a large database takes hours; a day is the outer bound.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromHours(24);

    /// <summary>The migrator streams in parallel (one COPY per core) with flat memory use.</summary>
    public static readonly FargateSize Size = new(2048, 4096);

    public static Resource Add(AwsProgram program, NetworkLanding network, Resource cluster, PostgresDatastore database, DatastoreConnection connection)
    {
        var owner = $"data migration of {database.Name}";
        var prefix = AwsNames.Logical(database.Name, "migration");
        var (toolRepository, image) = program.ToolImage;
        var sourceKey = ConfigKeys.Of(DataMigrationRun.SourceKeyParts(database));
        program.Report(FindingSeverity.Info, database.Name, DataMigrationRun.SourceNote(program.Plan, database, sourceKey));
        var source = program.SecretConfig(sourceKey,
            $"URL of the Heroku database {database.Name} is copied from (heroku config:get DATABASE_URL); read only, never written.");

        var secret = program.Add($"{prefix}-secret", AwsTypes.Secret, new MapValue
        {
            ["description"] = $"Source and target of the one-off data migration of {database.Name}",
        }, owner);
        var version = program.Add($"{prefix}-secret-version", AwsTypes.SecretVersion, new MapValue
        {
            ["secretId"] = secret.Ref("id"),
            ["secretString"] = new SecretValue(new JsonValue(new MapValue
            {
                [DataMigrationRun.SourceVariable] = source,
                [DataMigrationRun.TargetVariable] = connection.Url,
            })),
        }, owner);
        var logs = program.Add($"{prefix}-logs", AwsTypes.LogGroup, new MapValue { ["retentionInDays"] = program.LogRetentionDays }, owner);
        var roles = AppRoles.Add(program, prefix, owner, null, toolRepository.Ref("arn"), logs, secret);

        var securityGroup = SecurityGroups.Add(program, network, $"{prefix}-sg", $"Data migration of {database.Name}", owner);
        SecurityGroups.AllowAllOutbound(program, securityGroup, $"{prefix}-outbound", owner);
        var ingress = $"{AwsNames.Logical(database.Name)}-from-migration";
        SecurityGroups.AllowFrom(program, connection.SecurityGroup, securityGroup, SecurityGroups.PostgresPort, ingress,
            "PostgreSQL from the one-off data migration", owner);

        var container = new ContainerSpec(ContainerName, image)
        {
            Arguments = DataMigrationRun.Arguments,
            SecretVariables = [DataMigrationRun.SourceVariable, DataMigrationRun.TargetVariable],
            Secret = new SecretValues(secret, version),
        };
        var task = FargateTask.Add(program, $"{prefix}-task", AwsNames.Logical(program.Plan.System, database.Name, "migration"),
            ConfigKeys.Of(database.Name, "migration"), Size, container,
            roles.Execution.Ref("arn"), roles.Task.Ref("arn"), logs.Ref("name"), owner, null);

        return OneOffTaskRun.Add(program, prefix, $"the data migration of {database.Name}", cluster.Ref("arn"), task, ContainerName,
            network, securityGroup, logs.Ref("name"), Timeout, [connection.Primary.Ref("resourceId")],
            [connection.Primary.Name, version.Name, $"{prefix}-execution-policy", ingress], owner,
            update: $"echo \"heroku2cloud: {database.Name} was already migrated; run heroku2cloud data validate to compare it again\"");
    }
}
