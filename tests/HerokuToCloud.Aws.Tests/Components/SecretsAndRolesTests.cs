using HerokuToCloud.Aws.Tests.Fixtures;
using HerokuToCloud.Aws.Policy;
using HerokuToCloud.Graph;
using HerokuToCloud.Graph.Policy;
using HerokuToCloud.Graph.Policy.Generic;
using HerokuToCloud.Graph.PulumiYaml;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Aws.Tests.Components;

public class SecretsAndRolesTests
{
    [Fact]
    public void Each_app_has_one_secret_filled_from_secret_config_random_values_and_datastores()
    {
        var result = AwsLanding.Build(Plans.EmigratePlan());
        var secretString = Assert.IsType<SecretValue>(result.Program.Get("emigrate-secrets-version").Properties["secretString"]);
        var values = Assert.IsType<MapValue>(Assert.IsType<JsonValue>(secretString.Inner).Inner);
        Assert.Equal(["SECRET_KEY_BASE", "STRIPE_API_KEY", "SESSION_SECRET", "DATABASE_URL", "HEROKU_POSTGRESQL_ONYX_URL", "REDIS_URL", "REDIS_TLS_URL"],
            values.Entries.Select(e => e.Key));
        Assert.Equal(new ConfigValue("emigrateSecretKeyBase"), values["SECRET_KEY_BASE"]);
        Assert.Equal(new ReferenceValue("emigrate-session-secret-generated", "result"), values["SESSION_SECRET"]);

        var declaration = result.Program.Config.Single(c => c.Key == "emigrateSecretKeyBase");
        Assert.True(declaration.Secret);
        Assert.Null(declaration.Default);
        Assert.False(result.Stack.Values.ContainsKey("emigrateSecretKeyBase"));
        Assert.Equal(["emigrateDbSourceUrl", "emigrateSecretKeyBase", "emigrateStripeApiKey"], result.SecretConfigKeys.Order());
        Assert.Single(result.Program.OfType(AwsTypes.Secret), s => s.Name == "emigrate-secrets");
    }

    [Fact]
    public void Tasks_read_secrets_of_the_current_version_through_valueFrom_and_get_only_PORT_as_plain_environment()
    {
        var program = AwsLanding.Build(Plans.EmigratePlan()).Program;
        foreach (var task in program.OfType(AwsTypes.TaskDefinition).Where(t => t.Name.StartsWith("emigrate-", StringComparison.Ordinal) && !t.Name.StartsWith("emigrate-db", StringComparison.Ordinal)))
        {
            var container = task.At("containerDefinitions[0]");
            var secrets = Assert.IsType<ListValue>(GraphQuery.At(container, "secrets"));
            Assert.Equal(7, secrets.Items.Count);
            // Pinned to the version: a changed value makes a new task definition revision, and ECS rolls the service onto it.
            GraphQuery.Same(InterpolationValue.Of(new ReferenceValue("emigrate-secrets", "arn"), ":REDIS_TLS_URL::", new ReferenceValue("emigrate-secrets-version", "versionId")),
                GraphQuery.At(container, "secrets[6].valueFrom"));
            var environment = GraphQuery.At(container, "environment") as ListValue;
            Assert.True(environment is null || environment.Items.All(e => GraphQuery.At(e, "name") == new StringValue("PORT")), task.Name);
        }
    }

    [Fact]
    public void The_execution_role_reads_only_its_secret_pulls_only_its_repository_and_the_task_role_starts_empty()
    {
        var program = AwsLanding.Build(Plans.EmigratePlan()).Program;
        var policy = program.Get("emigrate-execution-policy");
        Assert.Equal(new ReferenceValue("emigrate-execution-role", "id"), policy.At("role"));
        var statements = Assert.IsType<ListValue>(policy.At("policy.Statement")).Items;
        GraphQuery.Same(Value.List("*"), GraphQuery.At(statements[0], "Resource"));
        GraphQuery.Same(Value.List("ecr:GetAuthorizationToken"), GraphQuery.At(statements[0], "Action"));
        GraphQuery.Same(Value.List(new ReferenceValue("emigrate-images", "arn")), GraphQuery.At(statements[1], "Resource"));
        GraphQuery.Same(Value.List(InterpolationValue.Of(new ReferenceValue("emigrate-logs", "arn"), ":*")), GraphQuery.At(statements[2], "Resource"));
        GraphQuery.Same(Value.List(new ReferenceValue("emigrate-secrets", "arn")), GraphQuery.At(statements[3], "Resource"));
        Assert.Equal(4, statements.Count);

        Assert.DoesNotContain(program.OfType(AwsTypes.RolePolicy), p => p.At("role") == new ReferenceValue("emigrate-task-role", "id"));
        Assert.Equal("ecs-tasks.amazonaws.com", program.Get("emigrate-task-role").Text("assumeRolePolicy.Statement[0].Principal.Service"));
    }

    [Fact]
    public void Log_groups_keep_logs_for_the_configured_retention()
    {
        var result = AwsLanding.Build(Plans.EmigratePlan(), new AwsLandingOptions { LogRetentionDays = 731 });
        Assert.All(result.Program.OfType(AwsTypes.LogGroup), g => Assert.Equal(new ConfigValue("logRetentionDays"), g.At("retentionInDays")));
        Assert.Equal(new NumberValue(731), result.Stack.Values["logRetentionDays"]);
        Assert.Equal(new ReferenceValue("emigrate-logs", "name"), result.Program.Get("emigrate-web-task").At("containerDefinitions[0].logConfiguration.options.awslogs-group"));
    }

    [Fact]
    public void A_PORT_config_var_is_left_to_the_platform_and_a_bad_var_name_is_an_error()
    {
        var plan = Plans.EmigratePlan();
        var app = plan.Apps[0];
        var withPort = plan with { Apps = [app with { Secrets = [.. app.Secrets, new SecretEntry("PORT", new FromSecretConfig("emigratePort"))] }] };
        var result = AwsLanding.Build(withPort);
        Assert.DoesNotContain(result.Program.Config, c => c.Key == "emigratePort");
        Assert.Contains(result.Findings, f => f.Message.Contains("PORT is set by the platform"));

        var bad = plan with { Apps = [app with { Secrets = [new SecretEntry("MY-VAR", new FromSecretConfig("x"))] }] };
        Assert.Contains("MY-VAR", Assert.Throws<AwsLandingException>(() => AwsLanding.Build(bad)).Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_app_without_run_time_variables_gets_no_secret_and_its_roles_read_none(bool onlyPort)
    {
        // heroku/go-getting-started and friends: no add-ons, no config vars (or only PORT), so there is
        // nothing to store, and an empty secret would be a literal in the program and an unused grant.
        var plan = Plans.EmigratePlan(domains: []) with { Datastores = [] };
        var app = plan.Apps[0] with { Secrets = onlyPort ? [new SecretEntry("PORT", new FromSecretConfig("emigratePort"))] : [] };
        var result = AwsLanding.Build(plan with { Apps = [app] });

        Assert.DoesNotContain(result.Program.Resources, r => r.Type is AwsTypes.Secret or AwsTypes.SecretVersion);
        var statements = Assert.IsType<ListValue>(result.Program.Get("emigrate-execution-policy").At("policy.Statement")).Items;
        Assert.Equal(3, statements.Count);
        Assert.DoesNotContain(statements, s => GraphQuery.At(s, "Action") == Value.List("secretsmanager:GetSecretValue"));
        Assert.DoesNotContain("reads its secret", result.Program.Get("emigrate-execution-role").Text("description"), StringComparison.Ordinal);
        foreach (var task in result.Program.OfType(AwsTypes.TaskDefinition))
            Assert.Null(task.At("containerDefinitions[0].secrets"));
        Assert.All(result.Program.OfType(AwsTypes.Service), s => Assert.DoesNotContain("emigrate-secrets-version", s.Options.DependsOn));
        Assert.Equal(onlyPort, result.Findings.Any(f => f.Message.Contains("PORT is set by the platform", StringComparison.Ordinal)));

        var report = new PolicyEngine([GenericPolicyPack.Create(), AwsPolicyPack.Create()])
            .Check(result.Program, [result.Stack]);
        Assert.True(report.Passed, string.Join("\n", report.Violations));
        Assert.DoesNotContain("secretString", PulumiYamlWriter.Write(result.Program), StringComparison.Ordinal);
    }
}
