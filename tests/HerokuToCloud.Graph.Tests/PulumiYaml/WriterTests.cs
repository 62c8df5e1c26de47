using HerokuToCloud.Graph.PulumiYaml;
using HerokuToCloud.Graph.Tests.Samples;

namespace HerokuToCloud.Graph.Tests.PulumiYaml;

public class WriterTests
{
    private static ResourceGraph Program(Action<ResourceGraph> build)
    {
        var graph = new ResourceGraph("demo", "");
        graph.Pin("aws", "7.48.0");
        build(graph);
        return graph;
    }

    /// <summary>The value of property "p" of a resource "r", as the writer spells it (the lines after "      p:").</summary>
    private static string PropertyYaml(Value value)
    {
        var text = PulumiYamlWriter.Write(Program(g => g.Add(new Resource("r", "aws:s3:Bucket") { Properties = new MapValue { ["p"] = value } })));
        var start = text.IndexOf("      p:", StringComparison.Ordinal);
        var end = text.IndexOf("    options:", StringComparison.Ordinal);
        return text[start..end];
    }

    [Fact]
    public void Writes_the_whole_program_in_graph_order_with_sections_apart()
    {
        var text = PulumiYamlWriter.Write(SampleGraphs.KitchenSink());

        Assert.Equal(KitchenSinkYaml, text);
    }

    [Fact]
    public void Output_is_deterministic_and_tidy()
    {
        var first = PulumiYamlWriter.Write(AwsSample.Create());
        var second = PulumiYamlWriter.Write(AwsSample.Create());

        Assert.Equal(first, second);
        Assert.EndsWith("\n", first, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", first, StringComparison.Ordinal);
        Assert.DoesNotContain(first.Split('\n'), line => line.EndsWith(' ') || line.Contains('\t', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("plain text", "      p: plain text\n")]
    [InlineData("8080", "      p: '8080'\n")]
    [InlineData("it's", "      p: it's\n")]
    [InlineData("'quoted'", "      p: '''quoted'''\n")]
    [InlineData("", "      p: ''\n")]
    [InlineData("$PORT", "      p: $PORT\n")]
    [InlineData("${not.a.reference}", "      p: $${not.a.reference}\n")]
    [InlineData("cost: $$5", "      p: 'cost: $$$5'\n")]
    public void Literal_strings_are_quoted_and_escaped_only_when_needed(string text, string expected)
    {
        Assert.Equal(expected, PropertyYaml(text));
    }

    [Fact]
    public void Numbers_booleans_and_null_are_plain()
    {
        Assert.Equal("      p: 2\n", PropertyYaml(2));
        Assert.Equal("      p: 0.25\n", PropertyYaml(0.250m));
        Assert.Equal("      p: -3\n", PropertyYaml(-3));
        Assert.Equal("      p: true\n", PropertyYaml(true));
        Assert.Equal("      p: null\n", PropertyYaml(NullValue.Instance));
    }

    [Fact]
    public void Multi_line_strings_are_literal_blocks()
    {
        Assert.Equal("      p: |\n        line one\n\n          indented\n", PropertyYaml("line one\n\n  indented\n"));
        Assert.Equal("      p: |-\n        no final newline\n        here\n", PropertyYaml("no final newline\nhere"));
        Assert.Equal("      p: |2-\n          starts indented\n        then not\n", PropertyYaml("  starts indented\nthen not"));
    }

    [Fact]
    public void Multi_line_strings_a_block_cannot_hold_exactly_are_double_quoted()
    {
        Assert.Equal("      p: \"trailing \\nspace\"\n", PropertyYaml("trailing \nspace"));
        Assert.Equal("      p: \"two newlines\\n\\n\"\n", PropertyYaml("two newlines\n\n"));
        Assert.Equal("      p: \"bell\\u0007\"\n", PropertyYaml("bell\a"));
    }

    [Fact]
    public void Collections_nest_with_two_spaces_and_empty_ones_are_flow()
    {
        var value = new MapValue
        {
            ["list"] = Value.List("a", new MapValue { ["k"] = 1, ["l"] = 2 }, Value.List("x", "z")),
            ["emptyList"] = Value.List(),
            ["emptyMap"] = new MapValue(),
        };

        Assert.Equal(
            "      p:\n" +
            "        list:\n" +
            "          - a\n" +
            "          - k: 1\n" +
            "            l: 2\n" +
            "          - - x\n" +
            "            - z\n" +
            "        emptyList: []\n" +
            "        emptyMap: {}\n",
            PropertyYaml(value));
    }

    [Fact]
    public void Map_keys_that_are_not_plain_are_quoted()
    {
        var value = new MapValue { ["app.kubernetes.io/name"] = "web", ["true"] = "x", ["a: b"] = "v", ["heroku2cloud:waive:ECS.2"] = "reason" };

        Assert.Equal(
            "      p:\n        app.kubernetes.io/name: web\n        'true': x\n        'a: b': v\n        heroku2cloud:waive:ECS.2: reason\n",
            PropertyYaml(value));
    }

    [Fact]
    public void Every_expression_form_has_its_pulumi_yaml_spelling()
    {
        var program = Program(g =>
        {
            g.Declare(new ConfigDeclaration("tag", ConfigType.String));
            g.Declare(new ConfigDeclaration("names", ConfigType.StringList));
            var zones = g.AddVariable("zones", new InvokeValue("aws:getAvailabilityZones", new MapValue(), "names"));
            var db = g.Add(new Resource("db", "aws:rds:Instance"));
            g.Add(new Resource("odd.name", "aws:s3:Bucket"));
            g.AddOutput("reference", db.Ref());
            g.AddOutput("path", new ReferenceValue("db", "endpoints[0].address"));
            g.AddOutput("bracketRoot", new ReferenceValue("odd.name", "arn"));
            g.AddOutput("keyPath", new ReferenceValue("db", "tags[\"a.b\"]"));
            g.AddOutput("config", new ConfigValue("tag"));
            g.AddOutput("interpolation", InterpolationValue.Of("https://", db.Ref("address"), ":", 5432, "/", new ConfigValue("tag"), "$"));
            g.AddOutput("dollarBefore", InterpolationValue.Of("$", db.Ref("port")));
            g.AddOutput("secret", new SecretValue(db.Ref("password")));
            g.AddOutput("json", new JsonValue(new MapValue { ["a"] = db.Ref("port") }));
            g.AddOutput("join", new JoinValue(", ", new ConfigValue("names")));
            g.AddOutput("select", new SelectValue(1, zones));
            g.AddOutput("invoke", new InvokeValue("aws:getCallerIdentity", new MapValue()));
            g.AddOutput("builtIn", new ReferenceValue("pulumi", "stack"));
        });

        var text = PulumiYamlWriter.Write(program);
        var outputs = text[text.IndexOf("outputs:\n", StringComparison.Ordinal)..];

        Assert.Equal(
            "outputs:\n" +
            "  reference: ${db}\n" +
            "  path: ${db.endpoints[0].address}\n" +
            "  bracketRoot: ${[\"odd.name\"].arn}\n" +
            "  keyPath: ${db.tags[\"a.b\"]}\n" +
            "  config: ${tag}\n" +
            "  interpolation: https://${db.address}:5432/${tag}$\n" +
            "  dollarBefore: $$${db.port}\n" +
            "  secret:\n    fn::secret: ${db.password}\n" +
            "  json:\n    fn::toJSON:\n      a: ${db.port}\n" +
            "  join:\n    fn::join:\n      - ', '\n      - ${names}\n" +
            "  select:\n    fn::select:\n      - 1\n      - ${zones}\n" +
            "  invoke:\n    fn::invoke:\n      function: aws:getCallerIdentity\n      arguments: {}\n      options:\n        version: 7.48.0\n" +
            "  builtIn: ${pulumi.stack}\n",
            outputs);
    }

    [Fact]
    public void Config_declarations_carry_type_items_description_secret_and_default()
    {
        var text = PulumiYamlWriter.Write(Program(g =>
        {
            g.Declare(new ConfigDeclaration("image", ConfigType.String, Description: "Image: tag"));
            g.Declare(new ConfigDeclaration("count", ConfigType.Integer, Default: 2));
            g.Declare(new ConfigDeclaration("ha", ConfigType.Boolean, Default: true));
            g.Declare(new ConfigDeclaration("hosts", ConfigType.StringList, Default: Value.List("a.example.com")));
            g.Declare(new ConfigDeclaration("token", ConfigType.String, Secret: true));
            g.Declare(new ConfigDeclaration("version", ConfigType.String, Default: "16"));
        }));

        Assert.Contains(
            "config:\n" +
            "  image:\n    type: string\n    description: 'Image: tag'\n" +
            "  count:\n    type: integer\n    default: 2\n" +
            "  ha:\n    type: boolean\n    default: true\n" +
            "  hosts:\n    type: array\n    items:\n      type: string\n    default:\n      - a.example.com\n" +
            "  token:\n    type: string\n    secret: true\n" +
            "  version:\n    type: string\n    default: '16'\n",
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Every_resource_option_is_written()
    {
        var text = PulumiYamlWriter.Write(Program(g =>
        {
            g.Add(new Resource("a", "aws:s3:Bucket"));
            g.Add(new Resource("b", "aws:rds:Instance")
            {
                Options = new ResourceOptions
                {
                    DependsOn = ["a"],
                    Protect = true,
                    IgnoreChanges = ["tags", "engineVersion"],
                    AdditionalSecretOutputs = ["password"],
                    ReplaceOnChanges = ["identifier"],
                    DeleteBeforeReplace = true,
                    RetainOnDelete = true,
                    CustomTimeouts = new CustomTimeouts("40m", "20m", "1h"),
                },
            });
        }));

        Assert.Contains(
            "    options:\n" +
            "      dependsOn:\n        - ${a}\n" +
            "      protect: true\n" +
            "      ignoreChanges:\n        - tags\n        - engineVersion\n" +
            "      additionalSecretOutputs:\n        - password\n" +
            "      replaceOnChanges:\n        - identifier\n" +
            "      deleteBeforeReplace: true\n" +
            "      retainOnDelete: true\n" +
            "      customTimeouts:\n        create: 40m\n        update: 20m\n        delete: 1h\n" +
            "      version: 7.48.0\n",
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Pins_every_resource_of_a_pinned_package_and_lets_explicit_providers_carry_the_version()
    {
        var text = PulumiYamlWriter.Write(Program(g =>
        {
            g.Pin("kubernetes", "4.34.2");
            g.Add(new Resource("cluster", "pulumi:providers:kubernetes") { Properties = new MapValue { ["namespace"] = "shop" } });
            g.Add(new Resource("ns", "kubernetes:core/v1:Namespace") { Options = new ResourceOptions { Provider = "cluster" } });
            g.Add(new Resource("bucket", "aws:s3:Bucket"));
        }));

        Assert.Contains("  cluster:\n    type: pulumi:providers:kubernetes\n    properties:\n      namespace: shop\n    options:\n      version: 4.34.2\n", text, StringComparison.Ordinal);
        Assert.Contains("  ns:\n    type: kubernetes:core/v1:Namespace\n    options:\n      provider: ${cluster}\n\n", text, StringComparison.Ordinal);
        Assert.Contains("  bucket:\n    type: aws:s3:Bucket\n    options:\n      version: 7.48.0\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_secret_written_as_a_literal()
    {
        var graph = Program(g => g.Add(new Resource("db", "aws:rds:Instance")
        {
            Properties = new MapValue
            {
                ["password"] = new SecretValue("hunter2"),
                ["masterUser"] = new SecretValue(new MapValue { ["password"] = "also-plaintext" }),
            },
        }));

        var error = Assert.Throws<ResourceGraphException>(() => PulumiYamlWriter.Write(graph));

        Assert.Contains("resource db, property password: fn::secret wraps a literal", error.Message, StringComparison.Ordinal);
        Assert.Contains("resource db, property masterUser: fn::secret wraps a literal", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_programs_that_could_not_run()
    {
        var graph = new ResourceGraph("demo", "");
        graph.Declare(new ConfigDeclaration("db", ConfigType.String));
        graph.Declare(new ConfigDeclaration("aws:region", ConfigType.String));
        graph.Declare(new ConfigDeclaration("token", ConfigType.String, Secret: true, Default: "x"));
        graph.Declare(new ConfigDeclaration("count", ConfigType.Integer, Default: "two"));
        graph.Add(new Resource("db", "aws:rds:Instance")
        {
            Properties = new MapValue
            {
                ["subnet"] = new ReferenceValue("missing", "id"),
                ["tag"] = new ConfigValue("undeclared"),
                ["fn::join"] = "x",
                ["name"] = new InterpolationValue([new StringValue("a-"), new JoinValue(",", Value.List("b"))]),
            },
            Options = new ResourceOptions { DependsOn = ["nothing"], Provider = "db" },
        });

        var error = Assert.Throws<ResourceGraphException>(() => PulumiYamlWriter.Write(graph));

        Assert.Contains("config db: config keys, variables and resources share one namespace", error.Message, StringComparison.Ordinal);
        Assert.Contains("config aws:region: a program declares only its own keys", error.Message, StringComparison.Ordinal);
        Assert.Contains("config token: a secret cannot have a default", error.Message, StringComparison.Ordinal);
        Assert.Contains("config count: the default \"two\" is not a integer", error.Message, StringComparison.Ordinal);
        Assert.Contains("resource db: the program does not pin the version of provider package aws", error.Message, StringComparison.Ordinal);
        Assert.Contains("resource db, property subnet: ${missing} names no resource, variable or config key", error.Message, StringComparison.Ordinal);
        Assert.Contains("resource db, property tag: config key undeclared is not declared", error.Message, StringComparison.Ordinal);
        Assert.Contains("the key \"fn::join\" would be read as a Pulumi YAML function call", error.Message, StringComparison.Ordinal);
        Assert.Contains("an interpolation can only hold text, references and config values, not JoinValue", error.Message, StringComparison.Ordinal);
        Assert.Contains("resource db: dependsOn names nothing", error.Message, StringComparison.Ordinal);
        Assert.Contains("resource db: provider db is a aws:rds:Instance, not a pulumi:providers:aws", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_dependency_cycle_and_names_it()
    {
        var graph = Program(g =>
        {
            g.Add(new Resource("a", "aws:s3:Bucket") { Properties = new MapValue { ["x"] = new ReferenceValue("b", "id") } });
            g.Add(new Resource("b", "aws:s3:Bucket") { Options = new ResourceOptions { DependsOn = ["a"] } });
        });

        var error = Assert.Throws<ResourceGraphException>(() => PulumiYamlWriter.Write(graph));

        Assert.Contains("dependency cycle: a → b → a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stack_file_namespaces_project_keys_keeps_provider_keys_and_sorts()
    {
        var text = PulumiYamlWriter.WriteStack(SampleGraphs.KitchenSink(), SampleGraphs.KitchenSinkStack());

        Assert.Equal(
            "config:\n" +
            "  aws:region: eu-west-1\n" +
            "  kitchen:desiredCount: 3\n" +
            "  kitchen:domains:\n    - shop.example.com\n    - www.shop.example.com\n" +
            "  kitchen:imageTag: 2024.05.01\n",
            text);
    }

    [Fact]
    public void Stack_file_refuses_undeclared_secret_mistyped_and_missing_values()
    {
        var stack = new StackConfig("prod");
        stack.Set("nope", "x");
        stack.Set("apiKey", "plaintext");
        stack.Set("desiredCount", "three");

        var error = Assert.Throws<ResourceGraphException>(() => PulumiYamlWriter.WriteStack(SampleGraphs.KitchenSink(), stack));

        Assert.Contains("stack config nope: the program declares no config key nope", error.Message, StringComparison.Ordinal);
        Assert.Contains("stack config apiKey: the key is secret", error.Message, StringComparison.Ordinal);
        Assert.Contains("stack config desiredCount: the value is not a integer", error.Message, StringComparison.Ordinal);
        Assert.Contains("config imageTag has no default and no value in stack prod", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("plaintext", error.Message, StringComparison.Ordinal);
    }

    private const string KitchenSinkYaml = """
        name: kitchen
        runtime: yaml
        description: Every form the writer knows.

        config:
          imageTag:
            type: string
            description: Image tag to deploy.
          desiredCount:
            type: integer
            default: 2
          multiAz:
            type: boolean
            default: false
          domains:
            type: array
            items:
              type: string
            default:
              - shop.example.com
          apiKey:
            type: string
            secret: true

        variables:
          zones:
            fn::invoke:
              function: aws:getAvailabilityZones
              arguments:
                state: available
              options:
                version: 7.48.0
              return: names

        resources:
          db-password:
            type: random:RandomPassword
            properties:
              length: 32
              special: false
            options:
              version: 4.21.2

          assets:
            type: aws:s3/bucketV2:BucketV2
            properties:
              bucketPrefix: shop-assets-
              tags:
                Name: assets
                heroku2cloud:waive:S3.1: public website
                version: '1.0'
            options:
              protect: true
              ignoreChanges:
                - tags
              retainOnDelete: true
              version: 7.48.0

          web:
            type: aws:ecs/service:Service
            properties:
              desiredCount: ${desiredCount}
              availabilityZone:
                fn::select:
                  - 0
                  - ${zones}
              name: shop-${imageTag}-$HOME and $$$${literal}
              launchType: FARGATE
              enableExecuteCommand: ${multiAz}
              tags:
                domains:
                  fn::join:
                    - ','
                    - ${domains}
                bucket: ${assets.bucket}
                first: ${zones[0]}
                empty: ''
                'yes': 'yes'
                port: '8080'
                nothing: null
              script: |
                #!/bin/sh
                exec bundle exec puma
              containerDefinitions:
                fn::toJSON:
                  - name: web
                    secrets:
                      - name: API_KEY
                        valueFrom: ${apiKey}
                    cpu: 256.5
              password:
                fn::secret: ${db-password.result}
              capacity: []
              settings: {}
            options:
              dependsOn:
                - ${assets}
                - ${db-password}
              additionalSecretOutputs:
                - password
              replaceOnChanges:
                - name
              deleteBeforeReplace: true
              customTimeouts:
                create: 40m
                delete: 1h
              version: 7.48.0

        outputs:
          bucketName: ${assets.bucket}
          stack: ${pulumi.stack}

        """;
}
