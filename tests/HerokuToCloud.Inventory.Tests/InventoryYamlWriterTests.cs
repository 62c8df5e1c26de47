using HerokuToCloud.Inventory.Readers.InventoryYaml;
using HerokuToCloud.Inventory.Tests.Support;

namespace HerokuToCloud.Inventory.Tests;

public class InventoryYamlWriterTests
{
    [Fact]
    public void Read_write_read_gives_an_equal_system()
    {
        var first = InventoryYamlReader.Read(Fixture.Text("inventory/full.yaml"), "full.yaml");

        var second = InventoryYamlReader.Read(InventoryYamlWriter.Write(first), "written.yaml");

        ModelSnapshot.Equal(first, second);
    }

    [Fact]
    public void Writing_what_was_read_from_written_output_is_byte_identical()
    {
        var written = InventoryYamlWriter.Write(InventoryYamlReader.Read(Fixture.Text("inventory/full.yaml"), "full.yaml"));

        var rewritten = InventoryYamlWriter.Write(InventoryYamlReader.Read(written, "written.yaml"));

        Assert.Equal(written, rewritten);
    }

    [Fact]
    public void A_system_built_in_code_round_trips_through_yaml()
    {
        var system = Sample();

        var read = InventoryYamlReader.Read(InventoryYamlWriter.Write(system), "sample.yaml");

        ModelSnapshot.Equal(system, read);
    }

    [Fact]
    public void Output_is_canonical_block_yaml_with_explicit_defaults()
    {
        var system = new HerokuSystem
        {
            Name = "mini",
            Apps = [new HerokuApp { Name = "mini-web", Processes = [new Process { Type = "web", Command = "node server.js" }], Config = [new ConfigVar { Name = "API_KEY" }] }],
        };

        Assert.Equal(
            InventoryYamlWriter.Header + """
            version: 1
            system: mini
            apps:
              - name: mini-web
                processes:
                  - type: web
                    command: node server.js
                    size: standard-1x
                    quantity: 1
                config:
                  - name: API_KEY
                    kind: team
                    source: secret-config
                    buildTime: false
                    required: true
                scheduler: []
            addons: []

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            InventoryYamlWriter.Write(system));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("No")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("15")]
    [InlineData("-3.5e2")]
    [InlineData("0x1F")]
    [InlineData(".inf")]
    [InlineData("12:30")]
    [InlineData("2024-05-01")]
    [InlineData("")]
    [InlineData(" leading space")]
    [InlineData("trailing space ")]
    [InlineData("key: value")]
    [InlineData("ends with colon:")]
    [InlineData("a # comment")]
    [InlineData("#hash")]
    [InlineData("- dash")]
    [InlineData("*star")]
    [InlineData("&anchor")]
    [InlineData("!tag")]
    [InlineData("{flow}")]
    [InlineData("[list]")]
    [InlineData("'single'")]
    [InlineData("\"double\"")]
    [InlineData("line one\nline two")]
    [InlineData("tab\there")]
    [InlineData("control\u0001char")]
    [InlineData("nbsp\u00a0and \u2028 separator")]
    [InlineData("émigré ☕ 🍵")]
    public void Tricky_strings_are_quoted_where_a_yaml_reader_could_misread_them_and_read_back_unchanged(string text)
    {
        var system = new HerokuSystem
        {
            Name = "quoting",
            Apps = [new HerokuApp { Name = "quoting-app", Notes = [text], Processes = [new Process { Type = "web", Command = text }] }],
        };

        var yaml = InventoryYamlWriter.Write(system);
        var read = InventoryYamlReader.Read(yaml, "quoting.yaml");

        Assert.Equal(text, read.Apps[0].Notes[0]);
        Assert.Equal(text, read.Apps[0].Processes[0].Command);
        var line = yaml.Split('\n').Single(l => l.StartsWith("        command: ", StringComparison.Ordinal));
        Assert.StartsWith("        command: \"", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bundle exec puma -C config/puma.rb")]
    [InlineData("node dist/server.js --port=$PORT")]
    [InlineData("https://github.com/heroku/heroku-buildpack-ruby#v250")]
    [InlineData("standard-1x")]
    [InlineData("1x")]
    [InlineData("a:b")]
    [InlineData("back\\slash \"quoted\" mid-string")]
    public void Ordinary_strings_stay_plain(string text)
    {
        var system = new HerokuSystem
        {
            Name = "plain",
            Apps = [new HerokuApp { Name = "plain-app", Processes = [new Process { Type = "web", Command = text }] }],
        };

        Assert.Contains($"        command: {text}\n", InventoryYamlWriter.Write(system), StringComparison.Ordinal);
    }

    [Fact]
    public void The_writer_never_writes_carriage_returns_and_ends_with_a_newline()
    {
        var yaml = InventoryYamlWriter.Write(Sample());

        Assert.DoesNotContain('\r', yaml);
        Assert.EndsWith("\n", yaml, StringComparison.Ordinal);
        Assert.StartsWith("# Heroku system inventory", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Maps_are_written_sorted_whatever_order_they_were_built_in()
    {
        var forward = Sample();
        var reversed = forward with
        {
            Addons = [forward.Addons[0] with { Options = new Dictionary<string, string> { ["z"] = "1", ["a"] = "2" } }],
        };
        var sorted = forward with
        {
            Addons = [forward.Addons[0] with { Options = new Dictionary<string, string> { ["a"] = "2", ["z"] = "1" } }],
        };

        Assert.Equal(InventoryYamlWriter.Write(sorted), InventoryYamlWriter.Write(reversed));
    }

    internal static HerokuSystem Sample() => new()
    {
        Name = "sample",
        Sources = ["sample/app.json", "hand-edited"],
        Notes = ["system note"],
        Apps =
        [
            new HerokuApp
            {
                Name = "sample-web",
                Region = "eu",
                Stack = "container",
                Pipeline = new PipelineCoupling("sample", PipelineStage.Production),
                Build = new AppBuild { Buildpacks = ["heroku/nodejs"], Dockerfiles = new Dictionary<string, string> { ["web"] = "Dockerfile", ["worker"] = "worker.Dockerfile" } },
                Features = ["preboot", "runtime-dyno-metadata"],
                Processes =
                [
                    new Process { Type = "web", Command = null, Size = "performance-m", Quantity = 2, Port = 3000, Autoscaling = new Autoscaling(2, 5, 300) },
                    new Process { Type = "worker", Command = "bin/worker", Size = "standard-2x", Quantity = 0 },
                ],
                Release = new ReleasePhase("bin/release", "standard-2x"),
                PostDeploy = "bin/seed",
                Config =
                [
                    new ConfigVar { Name = "DATABASE_URL", Kind = ConfigVarKind.Addon, Addon = "sample-db", Value = ConfigValueSource.Addon },
                    new ConfigVar { Name = "VITE_API", BuildTime = true, Required = false, Description = "API root: public" },
                    new ConfigVar { Name = "SECRET", Value = ConfigValueSource.Generated },
                    new ConfigVar { Name = "PORT", Kind = ConfigVarKind.Runtime, Value = ConfigValueSource.Platform },
                ],
                Scheduler =
                [
                    new ScheduledJob { Name = "cleanup", Command = "bin/cleanup", Frequency = SchedulerFrequency.Daily(23, 30), Size = "standard-2x" },
                    new ScheduledJob { Name = "ping", Command = "bin/ping", Frequency = SchedulerFrequency.EveryTenMinutes },
                ],
                Domains = [new Domain("www.sample.example.org")],
                LogDrains = ["https://logs.example.org/ingest"],
                Notes = ["app note"],
            },
        ],
        Addons =
        [
            new Addon
            {
                Name = "sample-db",
                Service = "heroku-postgresql",
                Plan = "standard-0",
                Options = new Dictionary<string, string> { ["version"] = "16" },
                Attachments = [new AddonAttachment { App = "sample-web", Name = "DATABASE", ConfigVars = ["DATABASE_URL"] }],
            },
        ],
    };
}
