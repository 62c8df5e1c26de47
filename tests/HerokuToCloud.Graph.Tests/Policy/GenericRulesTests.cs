using HerokuToCloud.Graph.Policy;
using HerokuToCloud.Graph.Policy.Generic;
using HerokuToCloud.Graph.Tests.Samples;

namespace HerokuToCloud.Graph.Tests.Policy;

public class GenericRulesTests
{
    private static IReadOnlyList<PolicyViolation> Check(ResourceGraph graph, params StackConfig[] stacks) =>
        new PolicyEngine([GenericPolicyPack.Create()]).Check(graph, stacks).Violations;

    private static ResourceGraph Program(MapValue properties)
    {
        var graph = new ResourceGraph("demo", "");
        graph.Pin("aws", "7.48.0");
        graph.Add(new Resource("app", "aws:ecs:TaskDefinition") { Properties = properties });
        return graph;
    }

    [Theory]
    [InlineData("password", true)]
    [InlineData("masterPassword", true)]
    [InlineData("DB_PASSWORD", true)]
    [InlineData("apiKey", true)]
    [InlineData("API_KEY", true)]
    [InlineData("secretKey", true)]
    [InlineData("authToken", true)]
    [InlineData("client-secret", true)]
    [InlineData("secretString", true)]
    [InlineData("privateKey", true)]
    [InlineData("passwordLength", false)]
    [InlineData("secretName", false)]
    [InlineData("secretKeyRef", false)]
    [InlineData("kmsKeyId", false)]
    [InlineData("key", false)]
    [InlineData("keyName", false)]
    [InlineData("tokenUrl", false)]
    [InlineData("DATABASE_URL", false)]
    [InlineData("heroku2cloud:waive:SECRETS.1", false)]
    public void Secret_looking_names(string name, bool secret)
    {
        Assert.Equal(secret, SecretLookingNames.IsSecretLooking(name));
    }

    [Fact]
    public void The_samples_pass()
    {
        Assert.Empty(Check(AwsSample.Create()));
        Assert.Empty(Check(KubernetesSample.Create()));
    }

    [Fact]
    public void Literal_secrets_are_violations_wherever_they_hide()
    {
        var violations = Check(Program(new MapValue
        {
            ["masterPassword"] = "hunter2",
            ["stringData"] = new MapValue { ["API_TOKEN"] = "abc123" },
            ["containerDefinitions"] = new JsonValue(Value.List(new MapValue
            {
                ["environment"] = Value.List(new MapValue { ["name"] = "STRIPE_SECRET_KEY", ["value"] = "sk_live_x" }, new MapValue { ["name"] = "PORT", ["value"] = "5000" }),
            })),
            ["url"] = "postgres://app:pw@db.internal:5432/app",
            ["sealed"] = new SecretValue("plaintext"),
            ["fromConfig"] = new MapValue { ["password"] = new ConfigValue("dbPassword") },
            ["emptyPassword"] = new MapValue { ["password"] = "" },
        }));

        Assert.Equal(
            [
                "property masterPassword: masterPassword is a literal",
                "property stringData.API_TOKEN: API_TOKEN is a literal",
                "property containerDefinitions[0].environment[0].value: STRIPE_SECRET_KEY is set to a literal",
                "property url: a URL with an embedded password is a literal",
                "property sealed: fn::secret wraps a literal, which is still plaintext in the file",
            ],
            violations.Select(v => v.Message[..v.Message.IndexOf("; take", StringComparison.Ordinal)]));
        Assert.All(violations, v => Assert.Equal(("SECRETS.1", "app"), (v.RuleId, v.Resource)));
        Assert.DoesNotContain(violations, v => v.Message.Contains("hunter2", StringComparison.Ordinal) || v.Message.Contains("sk_live", StringComparison.Ordinal));
    }

    [Fact]
    public void Secret_config_must_not_have_a_plaintext_default_or_stack_value()
    {
        var graph = Program([]);
        graph.Declare(new ConfigDeclaration("token", ConfigType.String, Secret: true, Default: "dev-token"));
        graph.Declare(new ConfigDeclaration("apiKey", ConfigType.String, Secret: true));
        var prod = new StackConfig("prod");
        prod.Set("apiKey", "leaked");

        var violations = Check(graph, prod);

        Assert.Equal(
            [("SECRETS.2", "token"), ("SECRETS.2", "Pulumi.prod.yaml")],
            violations.Select(v => (v.RuleId, v.Resource)));
        Assert.Contains("pulumi config set --secret apiKey", violations[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unpinned_providers_are_violations_once_per_package()
    {
        var graph = new ResourceGraph("demo", "");
        graph.Add(new Resource("a", "aws:s3:Bucket"));
        graph.Add(new Resource("b", "aws:s3:Bucket"));

        var violation = Assert.Single(Check(graph));

        Assert.Equal(("PROGRAM.1", "a"), (violation.RuleId, violation.Resource));
    }
}
