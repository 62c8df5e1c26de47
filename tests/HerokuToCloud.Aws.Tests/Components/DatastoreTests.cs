using HerokuToCloud.Aws.Tests.Fixtures;
using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Aws.Tests.Components;

public class DatastoreTests
{
    [Fact]
    public void The_final_snapshot_name_differs_per_stack_so_a_pipelines_stacks_in_one_account_do_not_collide()
    {
        // Snapshot identifiers are unique per account and region, and every stage shares Pulumi.yaml: the
        // name ends in a random suffix that lives in each stack's state, not in the program.
        var prod = AwsLanding.Build(Plans.EmigratePlan("prod"));
        var database = prod.Program.Get("emigrate-db");

        Assert.Equal(new BoolValue(false), database.At("skipFinalSnapshot"));
        GraphQuery.Same(InterpolationValue.Of("emigrate-emigrate-db-final-", new ReferenceValue("emigrate-db-final-snapshot-suffix", "hex")), database.At("finalSnapshotIdentifier"));
        var suffix = prod.Program.Get("emigrate-db-final-snapshot-suffix");
        Assert.Equal(AwsTypes.RandomId, suffix.Type);
        Assert.Equal(new NumberValue(4), suffix.At("byteLength"));
        Assert.Equal(prod.Program.Dump(), AwsLanding.Build(ProgramTests.Staging()).Program.Dump());
    }

    [Fact]
    public void Postgres_is_private_encrypted_protected_and_sized_from_the_plan()
    {
        var result = AwsLanding.Build(Plans.EmigratePlan());
        var database = result.Program.Get("emigrate-db");
        Assert.Equal("postgres", database.Text("engine"));
        Assert.Equal("gp3", database.Text("storageType"));
        Assert.Equal(new BoolValue(true), database.At("storageEncrypted"));
        Assert.Equal(new BoolValue(false), database.At("publiclyAccessible"));
        Assert.Equal(new BoolValue(true), database.At("deletionProtection"));
        Assert.Equal(new BoolValue(true), database.At("autoMinorVersionUpgrade"));
        Assert.Equal(new BoolValue(true), database.At("copyTagsToSnapshot"));
        Assert.Equal("app", database.Text("username"));
        Assert.Equal(new ReferenceValue("emigrate-db-password", "result"), database.At("password"));
        Assert.Equal(new ReferenceValue("emigrate-db-subnets", "name"), database.At("dbSubnetGroupName"));
        Assert.Equal(new ReferenceValue("emigrate-db-parameters", "name"), database.At("parameterGroupName"));
        GraphQuery.Same(Value.List("postgresql", "upgrade"), database.At("enabledCloudwatchLogsExports"));
        Assert.True(database.Options.Protect);

        var stack = result.Stack.Values;
        Assert.Equal(new StringValue("db.t4g.medium"), stack["emigrateDbInstanceClass"]);
        Assert.Equal(new NumberValue(64), stack["emigrateDbAllocatedStorage"]);
        Assert.Equal(new NumberValue(128), stack["emigrateDbMaxAllocatedStorage"]);
        Assert.Equal(new BoolValue(false), stack["emigrateDbMultiAz"]);
        Assert.Equal(new StringValue("16"), stack["emigrateDbEngineVersion"]);
        // A major upgrade is the team's explicit step: allowed only when the stack says so.
        Assert.Equal(new ConfigValue("emigrateDbAllowMajorVersionUpgrade"), database.At("allowMajorVersionUpgrade"));
        Assert.Equal(new BoolValue(false), stack["emigrateDbAllowMajorVersionUpgrade"]);
        // Heroku standard keeps 4 days; the baseline floor is 7.
        Assert.Equal(new NumberValue(7), stack["emigrateDbBackupRetentionDays"]);

        var parameters = result.Program.Get("emigrate-db-parameters");
        GraphQuery.Same(InterpolationValue.Of("postgres", new ConfigValue("emigrateDbEngineVersion")), parameters.At("family"));
        Assert.Equal("rds.force_ssl", parameters.Text("parameters[0].name"));
        Assert.Equal("1", parameters.Text("parameters[0].value"));
        var password = result.Program.Get("emigrate-db-password");
        Assert.Equal(new BoolValue(false), password.At("special"));
    }

    [Fact]
    public void The_database_log_groups_are_the_programs_own_with_retention_and_exist_before_the_instance()
    {
        // RDS would otherwise create /aws/rds/instance/<identifier>/<log> itself, keeping logs forever.
        var result = AwsLanding.Build(Plans.EmigratePlan());
        var database = result.Program.Get("emigrate-db");
        var identifier = InterpolationValue.Of("emigrate-db-", new ReferenceValue("emigrate-db-identifier-suffix", "result"));
        GraphQuery.Same(identifier, database.At("identifier"));
        var suffix = result.Program.Get("emigrate-db-identifier-suffix");
        Assert.Equal(AwsTypes.RandomString, suffix.Type);
        // The auto-name's shape: a dash and seven characters AWS accepts in an identifier.
        Assert.Equal(new NumberValue(7), suffix.At("length"));
        Assert.Equal(new BoolValue(false), suffix.At("upper"));
        Assert.Equal(new BoolValue(false), suffix.At("special"));

        foreach (var log in new[] { "postgresql", "upgrade" })
        {
            var group = result.Program.Get($"emigrate-db-{log}-logs");
            Assert.Equal(AwsTypes.LogGroup, group.Type);
            GraphQuery.Same(InterpolationValue.Of("/aws/rds/instance/emigrate-db-", new ReferenceValue("emigrate-db-identifier-suffix", "result"), $"/{log}"),
                group.At("name"));
            // The same retention as the apps' log groups: one stack key for every log group.
            Assert.Equal(new ConfigValue("logRetentionDays"), group.At("retentionInDays"));
            Assert.Equal(result.Program.Get("emigrate-logs").At("retentionInDays"), group.At("retentionInDays"));
            Assert.Contains(group.Name, database.Options.DependsOn);
        }

        GraphQuery.Same(Value.List("postgresql", "upgrade"), database.At("enabledCloudwatchLogsExports"));
        Assert.Equal(2, result.Program.OfType(AwsTypes.LogGroup).Count(g => g.Name.StartsWith("emigrate-db-", StringComparison.Ordinal) && !g.Name.Contains("migration", StringComparison.Ordinal)));
        // One program for every stack: the suffix lives in each stack's state, not in Pulumi.yaml.
        Assert.Equal(result.Program.Dump(), AwsLanding.Build(ProgramTests.Staging()).Program.Dump());
    }

    [Fact]
    public void Database_and_cache_changes_apply_on_pulumi_up_unless_the_stack_defers_them()
    {
        var result = AwsLanding.Build(Plans.EmigratePlan());
        Assert.Equal(new ConfigValue("emigrateDbApplyImmediately"), result.Program.Get("emigrate-db").At("applyImmediately"));
        Assert.Equal(new ConfigValue("emigrateCacheApplyImmediately"), result.Program.Get("emigrate-cache").At("applyImmediately"));
        Assert.Equal(new BoolValue(true), result.Stack.Values["emigrateDbApplyImmediately"]);
        Assert.Equal(new BoolValue(true), result.Stack.Values["emigrateCacheApplyImmediately"]);

        // The description is the team's guide to the trade-off: a restart now, or the maintenance window.
        var database = Assert.Single(result.Program.Config, c => c.Key == "emigrateDbApplyImmediately");
        Assert.Equal(ConfigType.Boolean, database.Type);
        Assert.Contains("outage", database.Description, StringComparison.Ordinal);
        Assert.Contains("maintenance window", database.Description, StringComparison.Ordinal);
        var cache = Assert.Single(result.Program.Config, c => c.Key == "emigrateCacheApplyImmediately");
        Assert.Equal(ConfigType.Boolean, cache.Type);
        Assert.Contains("maintenance window", cache.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void HA_plans_run_multi_AZ_and_every_attachment_var_is_rebuilt_as_a_secret_URL()
    {
        var plan = Plans.EmigratePlan() with { Datastores = [Plans.Database(plan: "premium-2") with { HighAvailability = true, Vcpu = 2, MemoryGiB = 8, Burstable = false }, Plans.Cache()] };
        var result = AwsLanding.Build(plan);
        Assert.Equal(new BoolValue(true), result.Stack.Values["emigrateDbMultiAz"]);
        Assert.Equal(new StringValue("db.m7g.large"), result.Stack.Values["emigrateDbInstanceClass"]);

        // secretString is fn::secret(fn::toJSON({...})) and each datastore URL inside is itself marked secret.
        var secretString = Assert.IsType<SecretValue>(result.Program.Get("emigrate-secrets-version").Properties["secretString"]);
        var values = Assert.IsType<MapValue>(Assert.IsType<JsonValue>(secretString.Inner).Inner);
        var expected = new SecretValue(InterpolationValue.Of("postgres://app:", new ReferenceValue("emigrate-db-password", "result"), "@",
            new ReferenceValue("emigrate-db", "address"), ":", new ReferenceValue("emigrate-db", "port"), "/emigrate_db?sslmode=require"));
        GraphQuery.Same(expected, values["DATABASE_URL"]);
        GraphQuery.Same(expected, values["HEROKU_POSTGRESQL_ONYX_URL"]);
    }

    [Fact]
    public void The_database_admits_only_the_apps_that_use_it()
    {
        var plan = Plans.EmigratePlan();
        plan = plan with
        {
            Apps = [.. plan.Apps, Plans.WorkerOnly().Apps[0]],
            Datastores = [Plans.Database(apps: ["emigrate"]), Plans.Cache(apps: ["emigrate", "mailer"])],
        };
        var program = AwsLanding.Build(plan).Program;
        var databaseIngress = program.OfType(AwsTypes.IngressRule).Where(r => r.At("securityGroupId") == new ReferenceValue("emigrate-db-sg", "id")).ToList();
        Assert.Equal(["emigrate-db-from-emigrate", "emigrate-db-from-migration"], databaseIngress.Select(r => r.Name));
        Assert.All(databaseIngress, r => Assert.Null(r.At("cidrIpv4")));
        var cacheIngress = program.OfType(AwsTypes.IngressRule).Where(r => r.At("securityGroupId") == new ReferenceValue("emigrate-cache-sg", "id"));
        Assert.Equal(["emigrate-cache-from-emigrate", "emigrate-cache-from-mailer"], cacheIngress.Select(r => r.Name));
    }

    [Fact]
    public void Redis_becomes_an_encrypted_authenticated_valkey_group_with_rediss_urls()
    {
        var result = AwsLanding.Build(Plans.EmigratePlan());
        var cache = result.Program.Get("emigrate-cache");
        Assert.Equal("valkey", cache.Text("engine"));
        Assert.Equal(new BoolValue(true), cache.At("atRestEncryptionEnabled"));
        Assert.Equal(new BoolValue(true), cache.At("transitEncryptionEnabled"));
        Assert.Equal(new ReferenceValue("emigrate-cache-auth-token", "result"), cache.At("authToken"));
        Assert.Equal(new ConfigValue("emigrateCacheSnapshotRetentionDays"), cache.At("snapshotRetentionLimit"));
        var token = result.Program.Get("emigrate-cache-auth-token");
        Assert.Equal(new NumberValue(64), token.At("length"));
        Assert.Equal(new BoolValue(false), token.At("special"));

        var stack = result.Stack.Values;
        Assert.Equal(new StringValue("cache.t4g.micro"), stack["emigrateCacheNodeType"]);
        Assert.Equal(new NumberValue(2), stack["emigrateCacheNodes"]);
        Assert.Equal(new BoolValue(true), stack["emigrateCacheAutomaticFailover"]);
        Assert.Equal(new BoolValue(false), stack["emigrateCacheMultiAz"]);
        Assert.Equal(new StringValue("7.2"), stack["emigrateCacheEngineVersion"]);

        var values = result.Program.Get("emigrate-secrets-version").At("secretString");
        var url = InterpolationValue.Of("rediss://:", new ReferenceValue("emigrate-cache-auth-token", "result"), "@",
            new ReferenceValue("emigrate-cache", "primaryEndpointAddress"), ":6379");
        GraphQuery.Same(url, GraphQuery.At(values, "REDIS_URL"));
        GraphQuery.Same(url, GraphQuery.At(values, "REDIS_TLS_URL"));
    }

    [Fact]
    public void An_old_redis_version_moves_to_the_first_valkey_and_says_so()
    {
        var plan = Plans.EmigratePlan() with { Datastores = [Plans.Database(), Plans.Cache() with { Version = "6.2", HighAvailability = true, Nodes = 1 }] };
        var result = AwsLanding.Build(plan);
        Assert.Equal(new StringValue("7.2"), result.Stack.Values["emigrateCacheEngineVersion"]);
        Assert.Equal(new NumberValue(2), result.Stack.Values["emigrateCacheNodes"]);
        Assert.Equal(new BoolValue(true), result.Stack.Values["emigrateCacheMultiAz"]);
        Assert.Contains(result.Findings, f => f.Subject == "cache emigrate-cache" && f.Message.Contains("6.2"));
    }

    [Fact]
    public void The_data_migration_runs_once_after_the_database_and_before_the_release_phase()
    {
        var result = AwsLanding.Build(Plans.EmigratePlan(), new AwsLandingOptions { ToolImageTag = "0.2.0" });
        var program = result.Program;
        var run = program.Get("emigrate-db-migration");
        Assert.Equal(AwsTypes.LocalCommand, run.Type);
        Assert.Contains("emigrate-db", run.Options.DependsOn);
        Assert.Contains("emigrate-db-migration-secret-version", run.Options.DependsOn);
        GraphQuery.Same(Value.List(new ReferenceValue("emigrate-db", "resourceId")), run.At("triggers"));
        Assert.Contains("already migrated", run.Text("update"));
        Assert.Contains("emigrate-db-migration", program.Get("emigrate-release").Options.DependsOn);

        var container = program.Get("emigrate-db-migration-task").At("containerDefinitions[0]");
        GraphQuery.Same(InterpolationValue.Of(new ReferenceValue("heroku2cloud-images", "repositoryUrl"), ":", new ConfigValue("toolImageTag")), GraphQuery.At(container, "image"));
        GraphQuery.Same(Value.List("data", "migrate", "--json", "--hide-values"), GraphQuery.At(container, "command"));
        Assert.Null(GraphQuery.At(container, "entryPoint"));
        Assert.Null(GraphQuery.At(container, "environment"));
        Assert.Equal(["HEROKU2CLOUD_SOURCE_URL", "HEROKU2CLOUD_TARGET_URL"],
            ((ListValue)GraphQuery.At(container, "secrets")!).Items.Select(s => ((StringValue)GraphQuery.At(s, "name")!).Text));
        var pull = ((ListValue)program.Get("emigrate-db-migration-execution-policy").At("policy.Statement")!).Items[1];
        GraphQuery.Same(Value.List(new ReferenceValue("heroku2cloud-images", "arn")), GraphQuery.At(pull, "Resource"));

        var migrationSecret = program.Get("emigrate-db-migration-secret-version").At("secretString");
        Assert.Equal(new ConfigValue("emigrateDbSourceUrl"), GraphQuery.At(migrationSecret, "HEROKU2CLOUD_SOURCE_URL"));
        Assert.DoesNotContain(GraphQuery.Walk(program.Get("emigrate-secrets-version").Properties), v => v == new ConfigValue("emigrateDbSourceUrl"));
        Assert.Contains("emigrateDbSourceUrl", result.SecretConfigKeys);
        Assert.Equal(new StringValue("0.2.0"), result.Stack.Values["toolImageTag"]);
    }

    [Fact]
    public void A_database_without_data_to_move_has_no_migration()
    {
        var plan = Plans.EmigratePlan() with { Datastores = [Plans.Database() with { MigrateData = false }, Plans.Cache()] };
        var result = AwsLanding.Build(plan);
        Assert.Null(result.Program.Find("emigrate-db-migration"));
        Assert.DoesNotContain(result.Program.Config, c => c.Key == "toolImageTag");
        Assert.Null(result.Program.Find("heroku2cloud-images"));
        Assert.DoesNotContain("emigrate-db-migration", result.Program.Get("emigrate-release").Options.DependsOn);
    }

    [Fact]
    public void An_attachment_to_an_unknown_app_or_a_var_from_a_missing_add_on_is_a_clear_error()
    {
        var stranger = Plans.EmigratePlan() with { Datastores = [Plans.Database(apps: ["ghost"]), Plans.Cache()] };
        Assert.Contains("'ghost'", Assert.Throws<AwsLandingException>(() => AwsLanding.Build(stranger)).Message);

        var missing = Plans.EmigratePlan() with { Datastores = [Plans.Database()] };
        var error = Assert.Throws<AwsLandingException>(() => AwsLanding.Build(missing));
        Assert.Contains("emigrate-cache", error.Message);
        Assert.Contains("REDIS_URL", error.Message);
    }
}
