using HerokuToCloud.Aws.Policy;
using HerokuToCloud.Aws.Tests.Fixtures;
using HerokuToCloud.Graph;
using HerokuToCloud.Graph.Policy;
using HerokuToCloud.Graph.Policy.Generic;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Aws.Tests.Policy;

public class AwsPolicyPackTests
{
    private static readonly AwsLandingOptions WithZone = new() { HostedZoneId = "Z0123456789ABCDEFGHIJ" };

    private static readonly ExistingVpc Existing = new("vpc-0123abcd", ["subnet-0000000a", "subnet-0000000b"], ["subnet-0000000c", "subnet-0000000d"]);

    public static TheoryData<string> Variants => ["prod with zone", "prod without zone", "staging", "no domains", "existing vpc", "access logs", "worker only", "writable root"];

    private static AwsLandingResult Variant(string name) => name switch
    {
        "prod with zone" => AwsLanding.Build(Plans.EmigratePlan(), WithZone),
        "prod without zone" => AwsLanding.Build(Plans.EmigratePlan()),
        "staging" => AwsLanding.Build(ProgramTests.Staging(), WithZone),
        "no domains" => AwsLanding.Build(Plans.EmigratePlan(domains: [])),
        "existing vpc" => AwsLanding.Build(Plans.EmigratePlan(), new AwsLandingOptions { ExistingVpc = Existing }),
        "access logs" => AwsLanding.Build(Plans.EmigratePlan(), WithZone with { AlbAccessLogsBucket = "emigrate-logs" }),
        "worker only" => AwsLanding.Build(Plans.WorkerOnly(), new AwsLandingOptions { ExistingVpc = Existing }),
        "writable root" => AwsLanding.Build(WritableWorker()),
        _ => throw new ArgumentException(name),
    };

    private static LandingPlan WritableWorker()
    {
        var plan = Plans.EmigratePlan();
        var app = plan.Apps[0];
        return plan with { Apps = [app with { Services = [.. app.Services.Select(s => s with { WritableRootFilesystem = s.Name == "worker" })] }] };
    }

    private static PolicyReport Check(ResourceGraph program, params StackConfig[] stacks) =>
        new PolicyEngine([GenericPolicyPack.Create(), AwsPolicyPack.Create()]).Check(program, stacks);

    [Theory]
    [MemberData(nameof(Variants))]
    public void Generated_programs_pass_the_pack(string variant)
    {
        var result = Variant(variant);
        var report = Check(result.Program, result.Stack);
        Assert.True(report.Passed, string.Join("\n", report.Violations.Select(v => $"{v.RuleId} {v.Resource}: {v.Message}")));
        Assert.Empty(report.UnusedWaivers);
        Assert.Contains(report.Packs, p => p.Name == "aws");
    }

    [Fact]
    public void Exceptions_the_plan_asks_for_are_waived_with_a_reason_not_failed()
    {
        var result = AwsLanding.Build(WritableWorker() with { Apps = [WritableWorker().Apps[0] with { Domains = [] }] });
        var report = Check(result.Program, result.Stack);
        var waived = report.Waived.Select(w => $"{w.Violation.RuleId} {w.Violation.Resource}").ToList();
        Assert.Contains("ECS.5 emigrate-worker-task", waived);
        Assert.Contains("ELB.1 emigrate-alb", waived);
        Assert.Contains("ELB.18 emigrate-alb", waived);
        Assert.Contains("ELB.5 emigrate-alb", waived);
        Assert.All(report.Waived, w => Assert.False(string.IsNullOrWhiteSpace(w.Reason)));
        Assert.True(report.Passed);
    }

    [Fact]
    public void A_waiver_without_a_reason_does_not_count()
    {
        var result = AwsLanding.Build(Plans.EmigratePlan(domains: []));
        var tags = (MapValue)result.Program.Get("emigrate-alb").Properties["tags"]!;
        tags["heroku2cloud:waive:ELB.1"] = "";
        var report = Check(result.Program, result.Stack);
        Assert.Contains(report.Violations, v => v.RuleId == "ELB.1" && v.Resource == "emigrate-alb");
    }

    [Fact]
    public void Every_control_of_the_baseline_has_one_rule()
    {
        var ids = AwsPolicyPack.Rules.Select(r => r.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        string[] baseline =
        [
            "ECS.1", "ECS.2", "ECS.3", "ECS.4", "ECS.5", "ECS.8", "ECS.9", "ECS.10", "ECS.12",
            "RDS.2", "RDS.3", "RDS.5", "RDS.8", "RDS.9", "RDS.11", "RDS.13", "RDS.17", "RDS.25", "RDS.TLS",
            "ELB.1", "ELB.4", "ELB.5", "ELB.6", "ELB.12", "ELB.13", "ELB.17", "ELB.18",
            "ElastiCache.1", "ElastiCache.2", "ElastiCache.3", "ElastiCache.4", "ElastiCache.5", "ElastiCache.6", "ElastiCache.7",
            "ECR.1", "ECR.2", "ECR.3", "CloudWatch.16", "EC2.2", "EC2.6", "EC2.18",
            "Network.DatastoreIngress", "Network.TaskIngress", "IAM.LeastPrivilege", "IAM.TaskRoles", "Secrets.NeverPlain",
        ];
        Assert.Equal(baseline.Order(), ids.Order());
        Assert.All(AwsPolicyPack.Rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Title)));
    }

    public static TheoryData<string, string> Mutations => new()
    {
        { "ECS.1", "task definition uses bridge networking" },
        { "ECS.2", "service gets a public IP" },
        { "ECS.2", "service runs in public subnets" },
        { "ECS.2", "one-off run in public subnets" },
        { "ECS.3", "task shares the host PID namespace" },
        { "ECS.4", "container is privileged" },
        { "ECS.5", "root filesystem writable without opt-out" },
        { "ECS.8", "secret config in environment" },
        { "ECS.8", "credential URL literal in environment" },
        { "ECS.9", "container without log configuration" },
        { "ECS.10", "service pins an old platform version" },
        { "ECS.12", "container insights off" },
        { "RDS.2", "database public" },
        { "RDS.3", "database unencrypted" },
        { "RDS.5", "multiAz missing" },
        { "RDS.8", "deletion protection off" },
        { "RDS.8", "protect option missing" },
        { "RDS.9", "upgrade log not exported" },
        { "RDS.9", "database log group missing" },
        { "RDS.9", "database created before its log group" },
        { "RDS.9", "database auto-named" },
        { "RDS.11", "stack keeps backups 3 days" },
        { "RDS.13", "minor upgrades off" },
        { "RDS.17", "snapshot tags off" },
        { "RDS.25", "master user postgres" },
        { "RDS.TLS", "force_ssl off" },
        { "ELB.1", "http forwards although a certificate exists" },
        { "ELB.4", "invalid headers kept" },
        { "ELB.5", "no access logs and no waiver" },
        { "ELB.6", "deletion protection missing" },
        { "ELB.12", "desync mitigation monitor" },
        { "ELB.13", "one subnet" },
        { "ELB.17", "old TLS policy" },
        { "ELB.18", "no HTTPS listener" },
        { "ElastiCache.1", "stack keeps no snapshots" },
        { "ElastiCache.2", "cache minor upgrades off" },
        { "ElastiCache.3", "failover missing" },
        { "ElastiCache.4", "cache unencrypted at rest" },
        { "ElastiCache.5", "cache unencrypted in transit" },
        { "ElastiCache.6", "no auth token" },
        { "ElastiCache.7", "default subnet group" },
        { "ECR.1", "no scan on push" },
        { "ECR.2", "mutable tags" },
        { "ECR.3", "no lifecycle policy" },
        { "CloudWatch.16", "stack keeps logs 30 days" },
        { "EC2.2", "default security group left open" },
        { "EC2.6", "no flow log" },
        { "EC2.18", "tasks open to the internet" },
        { "EC2.18", "load balancer open on 22" },
        { "Network.DatastoreIngress", "database admits an address range" },
        { "Network.TaskIngress", "tasks admit the database group" },
        { "IAM.LeastPrivilege", "wildcard action" },
        { "IAM.LeastPrivilege", "secret readable on every resource" },
        { "IAM.TaskRoles", "task role gets a policy" },
        { "IAM.TaskRoles", "execution role reads another secret" },
        { "Secrets.NeverPlain", "secret in a stack output" },
        { "Secrets.NeverPlain", "generated password in a command" },
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public void Each_rule_fails_a_program_that_breaks_its_control(string rule, string mutation)
    {
        var result = AwsLanding.Build(Plans.EmigratePlan(), WithZone);
        var stack = result.Stack;
        var program = result.Program;
        var publicSubnets = Value.List(new ReferenceValue("public-subnet-a", "id"), new ReferenceValue("public-subnet-b", "id"));
        program = mutation switch
        {
            "task definition uses bridge networking" => program.Set("emigrate-web-task", "networkMode", "bridge"),
            "service gets a public IP" => program.Set("emigrate-worker", "networkConfiguration.assignPublicIp", true),
            "service runs in public subnets" => program.Set("emigrate-worker", "networkConfiguration.subnets", publicSubnets),
            "one-off run in public subnets" => program.Set("emigrate-release", "environment.SUBNETS", new JoinValue(",", publicSubnets)),
            "task shares the host PID namespace" => program.Set("emigrate-web-task", "pidMode", "host"),
            "container is privileged" => program.Set("emigrate-web-task", "containerDefinitions[0].privileged", true),
            "root filesystem writable without opt-out" => program.Set("emigrate-web-task", "containerDefinitions[0].readonlyRootFilesystem", false),
            "secret config in environment" => program.Set("emigrate-worker-task", "containerDefinitions[0].environment",
                Value.List(new MapValue { ["name"] = "SECRET_KEY_BASE", ["value"] = new ConfigValue("emigrateSecretKeyBase") })),
            "credential URL literal in environment" => program.Set("emigrate-worker-task", "containerDefinitions[0].environment",
                Value.List(new MapValue { ["name"] = "DATABASE_URL", ["value"] = "postgres://u:p@host/db" })),
            "container without log configuration" => program.WithoutContainerKey("emigrate-clock-task", "logConfiguration"),
            "service pins an old platform version" => program.Set("emigrate-web", "platformVersion", "1.3.0"),
            "container insights off" => program.Set("cluster", "settings[0].value", "disabled"),
            "database public" => program.Set("emigrate-db", "publiclyAccessible", true),
            "database unencrypted" => program.Set("emigrate-db", "storageEncrypted", false),
            "multiAz missing" => program.WithoutProperty("emigrate-db", "multiAz"),
            "deletion protection off" => program.Set("emigrate-db", "deletionProtection", false),
            "protect option missing" => program.WithOptions("emigrate-db", o => o with { Protect = false }),
            "upgrade log not exported" => program.Set("emigrate-db", "enabledCloudwatchLogsExports", Value.List("postgresql")),
            "database log group missing" => program.Without("emigrate-db-upgrade-logs")
                .WithOptions("emigrate-db", o => o with { DependsOn = [.. o.DependsOn.Where(d => d != "emigrate-db-upgrade-logs")] }),
            "database created before its log group" => program.WithOptions("emigrate-db", o => o with { DependsOn = [] }),
            "database auto-named" => program.WithoutProperty("emigrate-db", "identifier"),
            "stack keeps backups 3 days" => Stack(program, stack, "emigrateDbBackupRetentionDays", 3),
            "minor upgrades off" => program.Set("emigrate-db", "autoMinorVersionUpgrade", false),
            "snapshot tags off" => program.Set("emigrate-db", "copyTagsToSnapshot", false),
            "master user postgres" => program.Set("emigrate-db", "username", "postgres"),
            "force_ssl off" => program.Set("emigrate-db-parameters", "parameters[0].value", "0"),
            "http forwards although a certificate exists" => program.Set("emigrate-http", "defaultActions[0]",
                new MapValue { ["type"] = "forward", ["targetGroupArn"] = new ReferenceValue("emigrate-tg", "arn") }),
            "invalid headers kept" => program.Set("emigrate-alb", "dropInvalidHeaderFields", false),
            "no access logs and no waiver" => program.Set("emigrate-alb", "tags", new MapValue { ["heroku2cloud:system"] = "emigrate" }),
            "deletion protection missing" => program.WithoutProperty("emigrate-alb", "enableDeletionProtection"),
            "desync mitigation monitor" => program.Set("emigrate-alb", "desyncMitigationMode", "monitor"),
            "one subnet" => program.Set("emigrate-alb", "subnets", Value.List(new ReferenceValue("public-subnet-a", "id"))),
            "old TLS policy" => program.Set("emigrate-https", "sslPolicy", "ELBSecurityPolicy-2016-08"),
            "no HTTPS listener" => program.Without("emigrate-https"),
            "stack keeps no snapshots" => Stack(program, stack, "emigrateCacheSnapshotRetentionDays", 0),
            "cache minor upgrades off" => program.Set("emigrate-cache", "autoMinorVersionUpgrade", false),
            "failover missing" => program.WithoutProperty("emigrate-cache", "automaticFailoverEnabled"),
            "cache unencrypted at rest" => program.Set("emigrate-cache", "atRestEncryptionEnabled", false),
            "cache unencrypted in transit" => program.Set("emigrate-cache", "transitEncryptionEnabled", false),
            "no auth token" => program.WithoutProperty("emigrate-cache", "authToken"),
            "default subnet group" => program.Set("emigrate-cache", "subnetGroupName", "default"),
            "no scan on push" => program.Set("emigrate-images", "imageScanningConfiguration.scanOnPush", false),
            "mutable tags" => program.Set("emigrate-images", "imageTagMutability", "MUTABLE"),
            "no lifecycle policy" => program.Without("emigrate-images-lifecycle"),
            "stack keeps logs 30 days" => Stack(program, stack, "logRetentionDays", 30),
            "default security group left open" => program.Without("default-security-group"),
            "no flow log" => program.Without("vpc-flow-log"),
            "tasks open to the internet" => program.Set("emigrate-tasks-from-alb", "cidrIpv4", "0.0.0.0/0"),
            "load balancer open on 22" => program.Set("emigrate-alb-http-in", "fromPort", 22).Set("emigrate-alb-http-in", "toPort", 22),
            "database admits an address range" => program.Set("emigrate-db-from-emigrate", "cidrIpv4", "10.0.0.0/8"),
            "tasks admit the database group" => program.Set("emigrate-tasks-from-alb", "referencedSecurityGroupId", new ReferenceValue("emigrate-db-sg", "id")),
            "wildcard action" => program.Set("emigrate-execution-policy", "policy.Statement[1].Action", Value.List("ecr:*")),
            "secret readable on every resource" => program.Set("emigrate-execution-policy", "policy.Statement[3].Resource", Value.List("*")),
            "task role gets a policy" => AddTaskRolePolicy(program),
            "execution role reads another secret" => program.Set("emigrate-execution-policy", "policy.Statement[3].Resource",
                Value.List(new ReferenceValue("emigrate-db-migration-secret", "arn"))),
            "secret in a stack output" => WithOutput(program, new ConfigValue("emigrateStripeApiKey")),
            "generated password in a command" => program.Set("emigrate-release", "environment.TOKEN", new ReferenceValue("emigrate-session-secret-generated", "result")),
            _ => throw new ArgumentException(mutation),
        };

        var report = Check(program, stack);
        Assert.Contains(report.Violations, v => v.RuleId == rule);
        Assert.All(report.Violations.Where(v => v.RuleId == rule), v => Assert.False(string.IsNullOrWhiteSpace(v.Resource)));
    }

    [Theory]
    [InlineData("stack", "CloudWatch.16", "vpc-flow-logs", "keeps logs for 1 day in stack prod (logRetentionDays);")]
    [InlineData("program", "CloudWatch.16", "vpc-flow-logs", "keeps logs for 1 day;")]
    [InlineData("stack", "RDS.11", "emigrate-db", "keeps backups for 1 day in stack prod (emigrateDbBackupRetentionDays);")]
    [InlineData("program", "RDS.11", "emigrate-db", "keeps backups for 1 day;")]
    public void A_retention_of_one_day_is_named_in_the_singular(string where, string rule, string resource, string expected)
    {
        // CloudWatch accepts 1 as a log retention (--log-retention-days 1), and a team can set a database's backups to 1 day.
        var result = AwsLanding.Build(Plans.EmigratePlan());
        var (key, property) = rule == "RDS.11" ? ("emigrateDbBackupRetentionDays", "backupRetentionPeriod") : ("logRetentionDays", "retentionInDays");
        var program = where == "stack" ? Stack(result.Program, result.Stack, key, 1) : result.Program.Set(resource, property, 1);

        var violation = Assert.Single(Check(program, result.Stack).Violations, v => v.RuleId == rule && v.Resource == resource);

        Assert.StartsWith(expected, violation.Message, StringComparison.Ordinal);
    }

    private static ResourceGraph Stack(ResourceGraph program, StackConfig stack, string key, int value)
    {
        stack.Set(key, value);
        return program;
    }

    private static ResourceGraph AddTaskRolePolicy(ResourceGraph program)
    {
        program.Add(new Resource("emigrate-task-policy", AwsTypes.RolePolicy)
        {
            Properties = new MapValue
            {
                ["role"] = new ReferenceValue("emigrate-task-role", "id"),
                ["policy"] = new JsonValue(new MapValue
                {
                    ["Version"] = "2012-10-17",
                    ["Statement"] = Value.List(new MapValue { ["Effect"] = "Allow", ["Action"] = Value.List("s3:GetObject"), ["Resource"] = Value.List("arn:aws:s3:::uploads/*") }),
                }),
            },
        });
        return program;
    }

    private static ResourceGraph WithOutput(ResourceGraph program, Value value)
    {
        program.AddOutput("leak", value);
        return program;
    }
}
