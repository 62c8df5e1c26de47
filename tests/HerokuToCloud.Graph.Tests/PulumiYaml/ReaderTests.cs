using HerokuToCloud.Graph.PulumiYaml;

namespace HerokuToCloud.Graph.Tests.PulumiYaml;

public class ReaderTests
{
    private const string Header = "name: demo\nruntime: yaml\n";

    private static PulumiYamlException Fails(string yaml) =>
        Assert.Throws<PulumiYamlException>(() => PulumiYamlReader.Read(yaml, "landing/Pulumi.yaml"));

    [Fact]
    public void Reads_sections_values_and_options()
    {
        var graph = PulumiYamlReader.Read(Header + """
            description: A demo.
            config:
              tag:
                type: string
              replicas: 3
              hosts: [a.example.com]
              token:
                type: string
                secret: true
                description: API token
            variables:
              zones:
                Fn::Invoke:
                  function: aws:getAvailabilityZones
                  arguments: {}
                  options:
                    version: 7.48.0
                  return: names
            resources:
              db:
                type: aws:rds:Instance
                properties:
                  port: 5432
                  name: db-${tag}
                  zone:
                    fn::select: [0, "${zones}"]
                  secret:
                    fn::secret: ${token}
                options:
                  protect: true
                  dependsOn: [ "${bucket}" ]
                  customTimeouts:
                    create: 40m
                  version: 7.48.0
              bucket:
                type: aws:s3:Bucket
            outputs:
              endpoint: ${db.endpoints[0].address}
              stack: ${pulumi.stack}
            """);

        Assert.Equal("demo", graph.Project);
        Assert.Equal("A demo.", graph.Description);
        Assert.Equal(
            [
                new ConfigDeclaration("tag", ConfigType.String),
                new ConfigDeclaration("replicas", ConfigType.Integer, Default: 3),
                new ConfigDeclaration("hosts", ConfigType.StringList, Default: Value.List("a.example.com")),
                new ConfigDeclaration("token", ConfigType.String, Secret: true, Description: "API token"),
            ],
            graph.Config);
        Assert.Equal(new InvokeValue("aws:getAvailabilityZones", new MapValue(), "names"), graph.Variables[0].Value);
        var db = graph.Resources[0];
        Assert.Equal(new NumberValue(5432), db.Properties["port"]);
        Assert.Equal(InterpolationValue.Of("db-", new ConfigValue("tag")), db.Properties["name"]);
        Assert.Equal(new SelectValue(0, new ReferenceValue("zones")), db.Properties["zone"]);
        Assert.Equal(new SecretValue(new ConfigValue("token")), db.Properties["secret"]);
        Assert.True(db.Options.Protect);
        Assert.Equal(["bucket"], db.Options.DependsOn);
        Assert.Equal(new CustomTimeouts(Create: "40m"), db.Options.CustomTimeouts);
        Assert.Equal("7.48.0", graph.Packages["aws"]);
        Assert.Equal(new ReferenceValue("db", "endpoints[0].address"), graph.Outputs[0].Value);
        Assert.Equal(new ReferenceValue("pulumi", "stack"), graph.Outputs[1].Value);
    }

    [Theory]
    [InlineData("name: demo\nruntime: [yaml\n", 3, 1, "not valid YAML")]
    [InlineData("name: demo\nruntime: yaml\nname: again\n", 3, 1, "Duplicate key name")]
    [InlineData("name: demo\nruntime: nodejs\n", 2, 10, "runtime is nodejs")]
    [InlineData("name: demo\n", 1, 1, "no `runtime:`")]
    [InlineData("name: demo\nruntime: yaml\nconfiguration: {}\n", 3, 1, "`configuration:` section is not supported")]
    [InlineData("name: demo\nruntime: yaml\nmain: src/\n", 3, 1, "\"main\" is not a section")]
    [InlineData("name: demo\nruntime: yaml\nconfig:\n  n:\n    type: number\n", 5, 11, "type number is not one heroku2cloud uses")]
    [InlineData("name: demo\nruntime: yaml\nconfig:\n  n:\n    description: x\n", 5, 5, "config n has no type")]
    [InlineData("name: demo\nruntime: yaml\nconfig:\n  n:\n    type: integer\n    default: two\n", 6, 14, "the default is not a integer")]
    [InlineData("name: demo\nruntime: yaml\nconfig:\n  aws:region: us-east-1\n", 4, 15, "provider settings belong in the stack file")]
    [InlineData("name: demo\nruntime: yaml\nresources:\n  a:\n    type: aws:s3:Bucket\n    properties:\n      x: ${b.id}\n", 7, 10, "${b.id}: b is no config key, variable or resource")]
    [InlineData("name: demo\nruntime: yaml\nresources:\n  a:\n    type: aws:s3:Bucket\n    properties:\n      x: ${b\n", 7, 10, "without its closing")]
    [InlineData("name: demo\nruntime: yaml\nresources:\n  a:\n    type: aws:s3:Bucket\n    properties:\n      x:\n        fn::readFile: ./x\n", 8, 9, "fn::readFile is not a function heroku2cloud reads")]
    [InlineData("name: demo\nruntime: yaml\nresources:\n  a:\n    type: aws:s3:Bucket\n    properties:\n      x:\n        fn::join: [\",\"]\n", 8, 19, "fn::join takes a list of two items")]
    [InlineData("name: demo\nruntime: yaml\nresources:\n  a:\n    type: aws:s3:Bucket\n    options:\n      aliases: []\n", 7, 7, "\"aliases\" is not an option heroku2cloud reads")]
    [InlineData("name: demo\nruntime: yaml\nresources:\n  a:\n    type: aws:s3:Bucket\n    options:\n      dependsOn: [b]\n", 7, 19, "must name a resource as ${name}")]
    [InlineData("name: demo\nruntime: yaml\nresources:\n  a:\n    type: aws:s3:Bucket\n    options:\n      version: 7.48.0\n  b:\n    type: aws:s3:Bucket\n    options:\n      version: 7.47.0\n", 11, 16, "provider aws is pinned to 7.48.0 at line 7 and to 7.47.0 here")]
    [InlineData("name: demo\nruntime: yaml\nresources:\n  a:\n    properties: {}\n", 5, 5, "resource a has no type")]
    [InlineData("name: demo\nruntime: yaml\nresources:\n  a:\n    type: bucket\n", 5, 11, "is not a type token")]
    [InlineData("name: demo\nruntime: yaml\nvariables:\n  a: 1\nresources:\n  a:\n    type: aws:s3:Bucket\n", 6, 3, "\"a\" is declared twice")]
    [InlineData("name: demo\nruntime: yaml\nresources:\n  p:\n    type: aws:s3:Bucket\n  a:\n    type: aws:s3:Bucket\n    options:\n      provider: ${p}\n", 7, 5, "provider p is a aws:s3:Bucket, not a pulumi:providers:aws")]
    [InlineData("name: demo\nruntime: yaml\noutputs:\n  x: .inf\n", 4, 6, ".inf is not a number")]
    [InlineData("name: demo\nruntime: yaml\n---\nname: other\n", 1, 1, "several YAML documents")]
    [InlineData("", 1, 1, "the file is empty")]
    public void Reports_what_it_cannot_read_with_file_line_and_column(string yaml, int line, int column, string message)
    {
        var error = Fails(yaml);

        Assert.Equal("landing/Pulumi.yaml", error.File);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.StartsWith($"landing/Pulumi.yaml:{line}:{column}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ignores_project_settings_that_do_not_change_the_program()
    {
        var graph = PulumiYamlReader.Read(Header + "backend:\n  url: file://~\noptions:\n  refresh: always\npulumi:\n  requiredVersion: '>=3.100.0'\n");

        Assert.Empty(graph.Resources);
    }

    [Fact]
    public void Reads_a_stack_file_into_project_and_provider_keys_and_skips_encrypted_values()
    {
        var stack = PulumiYamlReader.ReadStack("""
            encryptionsalt: v1:abc
            config:
              aws:region: eu-west-1
              shop:replicas: 3
              shop:hosts:
                - a.example.com
                - b.example.com
              shop:ha: true
              shop:token:
                secure: v1:AAAABBBB
            """, "shop", "prod", "Pulumi.prod.yaml");

        Assert.Equal("prod", stack.Stack);
        Assert.Equal(new StringValue("eu-west-1"), stack.Values["aws:region"]);
        Assert.Equal(new NumberValue(3), stack.Values["replicas"]);
        Assert.Equal(Value.List("a.example.com", "b.example.com"), stack.Values["hosts"]);
        Assert.Equal(new BoolValue(true), stack.Values["ha"]);
        Assert.False(stack.Values.ContainsKey("token"));
    }

    [Fact]
    public void Refuses_structured_stack_values_with_their_position()
    {
        var error = Assert.Throws<PulumiYamlException>(() =>
            PulumiYamlReader.ReadStack("config:\n  shop:db:\n    host: x\n", "shop", "prod", "Pulumi.prod.yaml"));

        Assert.Equal((3, 5), (error.Line, error.Column));
        Assert.Contains("shop:db: structured (object) config values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_a_program_directory_with_its_stacks()
    {
        var directory = Directory.CreateTempSubdirectory("h2c-reader-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "Pulumi.yaml"), Header + "config:\n  tag:\n    type: string\n");
            File.WriteAllText(Path.Combine(directory.FullName, "Pulumi.prod.yaml"), "config:\n  demo:tag: v1\n");
            File.WriteAllText(Path.Combine(directory.FullName, "Pulumi.dev.yaml"), "config:\n  demo:tag: v2\n");

            var program = PulumiYamlReader.ReadDirectory(directory.FullName);

            Assert.Equal("demo", program.Graph.Project);
            Assert.Equal(["dev", "prod"], program.Stacks.Select(s => s.Stack));
            Assert.Equal(new StringValue("v1"), program.Stacks[1].Values["tag"]);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_directory_without_a_program_says_so()
    {
        var directory = Directory.CreateTempSubdirectory("h2c-reader-");
        try
        {
            var error = Assert.Throws<FileNotFoundException>(() => PulumiYamlReader.ReadDirectory(directory.FullName));

            Assert.Contains("has no Pulumi.yaml", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
