using HerokuToCloud.Graph.Tests.Samples;
using HerokuToCloud.Graph.TypeScript;

namespace HerokuToCloud.Graph.Tests.TypeScript;

public class TranslatorTests
{
    private static ResourceGraph Program(Action<ResourceGraph> build)
    {
        var graph = new ResourceGraph("demo", "");
        graph.Pin("aws", "7.48.0");
        build(graph);
        return graph;
    }

    private static string Source(Action<ResourceGraph> build) => TypeScriptTranslator.Translate(Program(build)).Source;

    [Theory]
    [InlineData("aws:ecs/service:Service", "aws.ecs.Service")]
    [InlineData("aws:ecs:Service", "aws.ecs.Service")]
    [InlineData("aws:index/provider:Provider", "aws.Provider")]
    [InlineData("kubernetes:apps/v1:Deployment", "k8s.apps.v1.Deployment")]
    [InlineData("kubernetes:networking.k8s.io/v1:Ingress", "k8s.networking.v1.Ingress")]
    [InlineData("kubernetes:rbac.authorization.k8s.io/v1:Role", "k8s.rbac.v1.Role")]
    [InlineData("kubernetes:core/v1:Namespace", "k8s.core.v1.Namespace")]
    [InlineData("random:index/randomPassword:RandomPassword", "random.RandomPassword")]
    [InlineData("random:RandomPassword", "random.RandomPassword")]
    [InlineData("command:local:Command", "command.local.Command")]
    [InlineData("pulumi:providers:aws", "aws.Provider")]
    [InlineData("pulumi:providers:kubernetes", "k8s.Provider")]
    [InlineData("pulumi:pulumi:StackReference", "pulumi.StackReference")]
    public void Type_tokens_become_sdk_classes(string token, string expected)
    {
        Assert.Equal(expected, TypeTokens.ResourceClass(token));
    }

    [Theory]
    [InlineData("aws:getAvailabilityZones", "aws.getAvailabilityZonesOutput")]
    [InlineData("aws:index/getAvailabilityZones:getAvailabilityZones", "aws.getAvailabilityZonesOutput")]
    [InlineData("aws:ec2/getSubnets:getSubnets", "aws.ec2.getSubnetsOutput")]
    [InlineData("aws:ec2:getSubnets", "aws.ec2.getSubnetsOutput")]
    public void Function_tokens_become_output_functions(string token, string expected)
    {
        Assert.Equal(expected, TypeTokens.FunctionOutput(token));
    }

    [Fact]
    public void Config_is_read_with_typed_getters_honouring_defaults_and_secrecy()
    {
        var source = Source(g =>
        {
            g.Declare(new ConfigDeclaration("image", ConfigType.String));
            g.Declare(new ConfigDeclaration("replicas", ConfigType.Integer, Default: 2));
            g.Declare(new ConfigDeclaration("ha", ConfigType.Boolean));
            g.Declare(new ConfigDeclaration("hosts", ConfigType.StringList, Default: Value.List("a", "b")));
            g.Declare(new ConfigDeclaration("token", ConfigType.String, Secret: true));
            g.Declare(new ConfigDeclaration("ports", ConfigType.StringList, Secret: true));
        });

        Assert.Contains(
            "const config = new pulumi.Config();\n" +
            "const image = config.require(\"image\");\n" +
            "const replicas = config.getNumber(\"replicas\") ?? 2;\n" +
            "const ha = config.requireBoolean(\"ha\");\n" +
            "const hosts = config.getObject<string[]>(\"hosts\") ?? [\"a\", \"b\"];\n" +
            "const token = config.requireSecret(\"token\");\n" +
            "const ports = config.requireSecretObject<string[]>(\"ports\");\n",
            source,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Resources_come_after_what_they_reference_and_keep_graph_order_otherwise()
    {
        var source = Source(g =>
        {
            g.Add(new Resource("service", "aws:ecs:Service") { Properties = new MapValue { ["cluster"] = new ReferenceValue("cluster", "arn") } });
            g.Add(new Resource("bucket", "aws:s3:Bucket"));
            g.Add(new Resource("cluster", "aws:ecs:Cluster") { Options = new ResourceOptions { DependsOn = ["bucket"] } });
            g.Add(new Resource("log", "aws:cloudwatch:LogGroup"));
        });

        var order = new[] { "const bucket", "const cluster", "const service", "const log" }.Select(s => source.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public void A_cycle_is_an_error()
    {
        var graph = Program(g =>
        {
            g.AddVariable("a", new ReferenceValue("b"));
            g.AddVariable("b", InterpolationValue.Of("x", new ReferenceValue("a")));
        });

        var error = Assert.Throws<ResourceGraphException>(() => TypeScriptTranslator.Translate(graph));

        Assert.Contains("a → b → a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_become_valid_unique_identifiers()
    {
        var source = Source(g =>
        {
            g.Add(new Resource("web-service", "aws:ecs:Service"));
            g.Add(new Resource("web_service", "aws:ecs:Service"));
            g.Add(new Resource("webService", "aws:ecs:Service"));
            g.Add(new Resource("2fa", "aws:s3:Bucket"));
            g.Add(new Resource("new", "aws:s3:Bucket"));
            g.Add(new Resource("aws", "aws:s3:Bucket"));
            g.Add(new Resource("config", "aws:s3:Bucket"));
        });

        Assert.Contains("const webService = new aws.ecs.Service(\"web-service\", {});", source, StringComparison.Ordinal);
        Assert.Contains("const web_service = new aws.ecs.Service(\"web_service\", {});", source, StringComparison.Ordinal);
        Assert.Contains("const webService2 = new aws.ecs.Service(\"webService\", {});", source, StringComparison.Ordinal);
        Assert.Contains("const _2fa = new aws.s3.Bucket(\"2fa\", {});", source, StringComparison.Ordinal);
        Assert.Contains("const new_ = new aws.s3.Bucket(\"new\", {});", source, StringComparison.Ordinal);
        Assert.Contains("const aws2 = new aws.s3.Bucket(\"aws\", {});", source, StringComparison.Ordinal);
        Assert.Contains("const config_ = new aws.s3.Bucket(\"config\", {});", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Expressions_map_to_their_sdk_forms()
    {
        var source = Source(g =>
        {
            g.Declare(new ConfigDeclaration("tag", ConfigType.String));
            g.Declare(new ConfigDeclaration("names", ConfigType.StringList));
            var zones = g.AddVariable("zones", new InvokeValue("aws:getAvailabilityZones", new MapValue { ["state"] = "available" }, "names"));
            var db = g.Add(new Resource("db", "aws:rds:Instance"));
            g.AddOutput("endpoint", db.Ref("endpoint"));
            g.AddOutput("nested", new ReferenceValue("db", "listenerEndpoints[0].address"));
            g.AddOutput("url", InterpolationValue.Of("`pg` ${x} \\ ", db.Ref("address"), ":", 5432, "/", new ConfigValue("tag")));
            g.AddOutput("secret", new SecretValue(db.Ref("password")));
            g.AddOutput("json", new JsonValue(new MapValue { ["port"] = db.Ref("port") }));
            g.AddOutput("joined", new JoinValue(",", new ConfigValue("names")));
            g.AddOutput("first", new SelectValue(0, zones));
            g.AddOutput("stack", new ReferenceValue("pulumi", "stack"));
            g.AddOutput("quoted", new MapValue { ["app.kubernetes.io/name"] = "web", ["line"] = "a\"b\nc" });
        });

        Assert.Contains("const zones = aws.getAvailabilityZonesOutput({\n    state: \"available\",\n}).names;\n", source, StringComparison.Ordinal);
        Assert.Contains("export const endpoint = db.endpoint;\n", source, StringComparison.Ordinal);
        Assert.Contains(
            "export const nested = db.listenerEndpoints.apply(v => required(required(required(v, \"db.listenerEndpoints\")[0], \"db.listenerEndpoints[0]\").address, \"db.listenerEndpoints[0].address\"));\n",
            source,
            StringComparison.Ordinal);
        Assert.Contains("export const url = pulumi.interpolate`\\`pg\\` \\${x} \\\\ ${db.address}:5432/${tag}`;\n", source, StringComparison.Ordinal);
        Assert.Contains("export const secret = pulumi.secret(db.password);\n", source, StringComparison.Ordinal);
        Assert.Contains("export const json = pulumi.jsonStringify({\n    port: db.port,\n});\n", source, StringComparison.Ordinal);
        Assert.Contains("export const joined = pulumi.output(names).apply(items => items.join(\",\"));\n", source, StringComparison.Ordinal);
        Assert.Contains("export const first = pulumi.output(zones).apply(items => items[0]);\n", source, StringComparison.Ordinal);
        Assert.Contains("export const stack = pulumi.getStack();\n", source, StringComparison.Ordinal);
        Assert.Contains("    \"app.kubernetes.io/name\": \"web\",\n    line: \"a\\\"b\\nc\",\n", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_resource_option_is_mapped()
    {
        var source = Source(g =>
        {
            g.Add(new Resource("provider", "pulumi:providers:aws") { Properties = new MapValue { ["region"] = "eu-west-1" } });
            g.Add(new Resource("a", "aws:s3:Bucket"));
            g.Add(new Resource("b", "aws:rds:Instance")
            {
                Options = new ResourceOptions
                {
                    Provider = "provider",
                    DependsOn = ["a"],
                    Protect = true,
                    IgnoreChanges = ["tags"],
                    AdditionalSecretOutputs = ["password"],
                    ReplaceOnChanges = ["identifier"],
                    DeleteBeforeReplace = true,
                    RetainOnDelete = true,
                    CustomTimeouts = new CustomTimeouts(Create: "40m", Delete: "1h"),
                },
            });
        });

        Assert.Contains(
            "const b = new aws.rds.Instance(\"b\", {}, {\n" +
            "    provider: provider,\n" +
            "    dependsOn: [a],\n" +
            "    protect: true,\n" +
            "    ignoreChanges: [\"tags\"],\n" +
            "    additionalSecretOutputs: [\"password\"],\n" +
            "    replaceOnChanges: [\"identifier\"],\n" +
            "    deleteBeforeReplace: true,\n" +
            "    retainOnDelete: true,\n" +
            "    customTimeouts: { create: \"40m\", delete: \"1h\" },\n" +
            "});\n",
            source,
            StringComparison.Ordinal);
        Assert.Contains("const provider = new aws.Provider(\"provider\", {\n    region: \"eu-west-1\",\n});", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Literal_variables_are_substituted_as_fresh_literals_where_used()
    {
        var source = Source(g =>
        {
            var port = g.AddVariable("http", new MapValue { ["protocol"] = "TCP", ["port"] = 80 });
            g.Add(new Resource("svc", "aws:ecs:Service") { Properties = new MapValue { ["ports"] = Value.List(port), ["port"] = new ReferenceValue("http", "port") } });
        });

        Assert.Contains("    ports: [\n        {\n            protocol: \"TCP\",\n            port: 80,\n        },\n    ],\n    port: 80,\n", source, StringComparison.Ordinal);
    }

    [Fact]
    public void The_module_never_weakens_types()
    {
        foreach (var graph in new[] { AwsSample.Create(), KubernetesSample.Create() })
        {
            var code = TypeScriptTranslator.Translate(graph).Source.Split('\n')
                .Where(line => !line.StartsWith("import * as ", StringComparison.Ordinal) && !line.TrimStart().StartsWith("//", StringComparison.Ordinal));

            Assert.DoesNotContain(code, line => System.Text.RegularExpressions.Regex.IsMatch(line, @"\bany\b|\bas\s+[A-Za-z{\[]|<any>|@ts-|!\.|!\)"));
        }
    }

    [Fact]
    public void Lines_are_traced_back_to_element_and_property()
    {
        var module = TypeScriptTranslator.Translate(KubernetesSample.Create());
        var lines = module.Source.Split('\n');

        var image = Array.FindIndex(lines, l => l.Contains("image: image,", StringComparison.Ordinal)) + 1;
        var import = Array.FindIndex(lines, l => l.StartsWith("import", StringComparison.Ordinal)) + 1;

        Assert.Equal(new SourceOwner("resource", "web", "spec.template.spec.containers[0].image"), module.Locate(image));
        Assert.Null(module.Locate(import));
        Assert.Empty(module.Problems);
    }

    [Fact]
    public void What_TypeScript_cannot_express_is_reported_as_a_problem()
    {
        var module = TypeScriptTranslator.Translate(Program(g =>
        {
            g.AddVariable("ports", new MapValue { ["http"] = 80 });
            g.Add(new Resource("svc", "aws:ecs:Service") { Properties = new MapValue { ["port"] = new ReferenceValue("ports", "https") } });
            g.AddOutput("x", new ReferenceValue("pulumi", "nothing"));
        }));

        Assert.Contains(new TranslationProblem(new SourceOwner("resource", "svc", "port"), "variable ports has no https."), module.Problems);
        Assert.Contains(module.Problems, p => p.Owner.Name == "x" && p.Message.Contains("pulumi.nothing", StringComparison.Ordinal));
    }
}
