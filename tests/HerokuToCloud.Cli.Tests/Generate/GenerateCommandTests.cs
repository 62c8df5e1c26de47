using System.Text.Json;
using System.Text.RegularExpressions;
using HerokuToCloud.Cli.Tests.Infrastructure;
using HerokuToCloud.Tests.Fakes;

namespace HerokuToCloud.Cli.Tests.Generate;

/// <summary>`heroku2cloud generate --target aws` run as the real program: files, exit codes and output as a user sees them.</summary>
public sealed class GenerateCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("h2c-generate-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static string Root => Repository.Root;

    private static string Example(string name) => Repository.Example(name);

    private Task<Heroku2CloudProcess.Result> RunAsync(params string[] args) =>
        Heroku2CloudProcess.RunAsync(dir, new Dictionary<string, string?>(), args);

    private Task<Heroku2CloudProcess.Result> Generate(string inventory, string stack, string output, params string[] extra) =>
        RunAsync(["generate", inventory, "--target", "aws", "--stack", stack, "-o", output, .. extra]);

    [Fact]
    public async Task The_root_program_and_prod_stack_are_a_fresh_generate_of_the_emigrate_example()
    {
        var output = Path.Combine(dir, "emigrate");
        var result = await Generate(Example("emigrate"), "prod", output);
        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var file in new[] { "Pulumi.yaml", "Pulumi.prod.yaml" })
        {
            Assert.True(
                File.ReadAllText(Path.Combine(Root, file)) == File.ReadAllText(Path.Combine(output, file)),
                $"{file} at the repository root differs from a fresh generate; run: heroku2cloud generate stacks/emigrate/inventory.yaml --target aws --stack prod -o .");
        }
    }

    [Fact]
    public async Task The_same_inventory_gives_byte_identical_files()
    {
        var first = await Generate(Example("shopfront"), "prod", Path.Combine(dir, "a"), "--hosted-zone-id", "Z0123456789ABCDEFGHIJ");
        var second = await Generate(Example("shopfront"), "prod", Path.Combine(dir, "b"), "--hosted-zone-id", "Z0123456789ABCDEFGHIJ");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        foreach (var file in new[] { "Pulumi.yaml", "Pulumi.prod.yaml" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "a", file)), File.ReadAllBytes(Path.Combine(dir, "b", file)));
    }

    [Fact]
    public async Task Both_stages_of_a_pipeline_share_one_byte_identical_program()
    {
        var shared = Path.Combine(dir, "shared");
        var prod = await Generate(Example("shopfront"), "prod", Path.Combine(dir, "prod"));
        var staging = await Generate(Example("shopfront"), "staging", Path.Combine(dir, "staging"));
        Assert.True(prod.ExitCode == 0, prod.ToString());
        Assert.True(staging.ExitCode == 0, staging.ToString());
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "prod", "Pulumi.yaml")), File.ReadAllBytes(Path.Combine(dir, "staging", "Pulumi.yaml")));
        Assert.NotEqual(File.ReadAllText(Path.Combine(dir, "prod", "Pulumi.prod.yaml")), File.ReadAllText(Path.Combine(dir, "staging", "Pulumi.staging.yaml")));
        Assert.Contains("shopfront:shopfrontDomains:\n    - staging.shop.example.com\n", File.ReadAllText(Path.Combine(dir, "staging", "Pulumi.staging.yaml")));

        // Generating both stacks into one directory keeps one program and both stack files.
        Assert.Equal(0, (await Generate(Example("shopfront"), "prod", shared)).ExitCode);
        Assert.Equal(0, (await Generate(Example("shopfront"), "staging", shared)).ExitCode);
        Assert.Equal(["Pulumi.prod.yaml", "Pulumi.staging.yaml", "Pulumi.yaml"], Directory.GetFiles(shared).Select(Path.GetFileName).Order());
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "prod", "Pulumi.yaml")), File.ReadAllBytes(Path.Combine(shared, "Pulumi.yaml")));

        var check = await RunAsync("check", shared);
        Assert.True(check.ExitCode == 0, check.ToString());
    }

    [Fact]
    public async Task The_summary_lists_resources_findings_policy_and_secrets_to_set()
    {
        var result = await Generate(Example("shopfront"), "prod", Path.Combine(dir, "out"), "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal("aws", root.GetProperty("target").GetString());
        Assert.Equal("production", root.GetProperty("stage").GetString());
        Assert.Equal(1, root.GetProperty("resources").GetProperty("aws:rds/instance:Instance").GetInt32());
        Assert.True(root.GetProperty("resourceCount").GetInt32() > 50);
        Assert.Empty(root.GetProperty("policy").GetProperty("violations").EnumerateArray());
        Assert.Contains(root.GetProperty("secretConfig").EnumerateArray(), k => k.GetString() == "shopfront-STRIPE_SECRET_KEY");
        Assert.Contains(root.GetProperty("findings").EnumerateArray(), f =>
            f.GetProperty("severity").GetString() == "warning" && f.GetProperty("message").GetString()!.Contains("hosted zone"));

        var text = await Generate(Example("shopfront"), "prod", Path.Combine(dir, "text"));
        Assert.Contains("aws:ecs/service:Service", text.Stdout);
        Assert.Contains("pulumi config set --secret", text.Stdout);
        Assert.Contains("pulumi up --cwd", text.Stdout);
    }

    [Theory]
    [InlineData("aws")]
    [InlineData("kubernetes")]
    public async Task Every_pulumi_command_printed_names_the_program_directory_quoted_for_the_shell(string target)
    {
        // Run from dir with a relative -o holding a space: the commands must work from here as printed.
        var result = await RunAsync("generate", Example("emigrate"), "--target", target, "--stack", "prod", "-o", "out dir/prod");
        Assert.True(result.ExitCode == 0, result.ToString());

        var commands = Regex.Matches(result.Stdout, "pulumi (?:config set |(?:up|preview|stack select) --)[^\n`]*").Select(m => m.Value).ToList();
        Assert.Contains(commands, c => c.StartsWith("pulumi config set --cwd 'out dir/prod' --secret emigrateBackendDbSourceUrl --stack prod", StringComparison.Ordinal));
        Assert.All(commands, c => Assert.Contains(" --cwd 'out dir/prod' ", c, StringComparison.Ordinal));
        Assert.Contains(" -C 'out dir/prod'", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("heroku2cloud check 'out dir/prod'", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_summary_marks_optional_secret_config_that_secrets_push_sets_empty()
    {
        // shopfront's ASSET_HOST is app.json required: false: secrets push gives it an empty value.
        var result = await Generate(Example("shopfront"), "prod", Path.Combine(dir, "out"));
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("\n  shopfront-ASSET_HOST   (optional: app.json required: false; secrets push sets it empty when SECRETS.yaml has no value)\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\n  shopfront-STRIPE_SECRET_KEY\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsupported_add_ons_are_listed_with_the_reason()
    {
        var inventory = Path.Combine(dir, "inventory.yaml");
        File.WriteAllText(inventory, File.ReadAllText(Example("emigrate")) + """
              - name: emigrate-logs
                service: papertrail
                plan: choklad
                attachments:
                  - app: emigrate-backend
                    name: PAPERTRAIL
                    configVars:
                      - PAPERTRAIL_API_TOKEN

            """);
        var result = await Generate(inventory, "prod", Path.Combine(dir, "out"));
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("papertrail", result.Stdout);
        Assert.Contains(result.Stdout.Split('\n'), l => l.Contains("warning", StringComparison.Ordinal) && l.Contains("papertrail", StringComparison.Ordinal));
    }

    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "missing add-on", "addon: emigrate-backend-database\n", "addon: emigrate-missing-database\n" },
        { "no Fargate size", "size: basic\n        quantity: 1\n    config:\n      - name: NODE_ENV", "size: performance-2xl\n        quantity: 1\n    config:\n      - name: NODE_ENV" },
        { "invalid name", "scheduler: []\n  - name: emigrate-backend", "scheduler: []\n    domains:\n      - shop_front.example.com\n  - name: emigrate-backend" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_a_clear_error_exit_2_and_no_output(string problem, string find, string replace)
    {
        var original = File.ReadAllText(Example("emigrate"));
        Assert.Contains(find, original);
        var inventory = Path.Combine(dir, "inventory.yaml");
        File.WriteAllText(inventory, original.Replace(find, replace, StringComparison.Ordinal));
        var output = Path.Combine(dir, "out");

        var result = await Generate(inventory, "prod", output);
        Assert.True(result.ExitCode == 2, $"{problem}: {result}");
        Assert.StartsWith("error: ", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.False(Directory.Exists(output), $"{problem}: {output} was created");
        Assert.DoesNotContain(Directory.GetDirectories(dir), d => Path.GetFileName(d).StartsWith(".out", StringComparison.Ordinal));
        Assert.Contains(problem switch
        {
            "missing add-on" => "emigrate-missing-database",
            "no Fargate size" => "performance-2xl",
            _ => "shop_front.example.com",
        }, result.Stderr);
    }

    [Fact]
    public async Task A_plan_the_landing_cannot_map_names_the_inventory_file_and_key()
    {
        var inventory = Path.Combine(dir, "inventory.yaml");
        File.WriteAllText(inventory, File.ReadAllText(Example("emigrate")).Replace("plan: essential-0", "plan: standard-1", StringComparison.Ordinal));
        var output = Path.Combine(dir, "out");

        var result = await Generate(inventory, "prod", output);

        // The landing only knows the key; with several inventories the file is what says where to look.
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith($"error: {inventory}: addons[emigrate-backend-database].plan: 'standard-1' is not a heroku-postgresql plan", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("--stack", "review", "matches no stage")]
    [InlineData("--set", "emigrate-backend-NODE_ENV=production", "secret")]
    [InlineData("--set", "nosuchKey=1", "no config key nosuchKey")]
    [InlineData("--set", "nosuchKey=1", "--set takes ")]
    [InlineData("--set", "shop:logRetentionDays=30", "no config key shop:logRetentionDays")]
    [InlineData("--set", "emigrate-backend-NODE_ENV=production", "--stack prod")]
    [InlineData("--vpc-cidr", "10.0.0.0/8", "/16 to /24")]
    [InlineData("--set", "emigrateBackendWebCount=-1", "--set emigrateBackendWebCount: -1 is not a task count; use a whole number, 0 or more.")]
    [InlineData("--set", "emigrateBackendWebCpu=300", "--set emigrateBackendWebCpu: 300 is not a Fargate CPU value; use 256, 512, 1024, 2048, 4096, 8192 or 16384")]
    [InlineData("--set", "emigrateBackendWebMemory=3000", "--set emigrateBackendWebMemory: 3000 MiB does not go with emigrateBackendWebCpu = 512: Fargate gives 512 CPU units 1024, 2048, 3072 or 4096 MiB")]
    [InlineData("--set", "emigrateBackendWebCpu=1024", "emigrateBackendWebMemory (generated for stack prod): 1024 MiB does not go with emigrateBackendWebCpu = 1024")]
    [InlineData("--set", "emigrateBackendDbMigrationMemory=1024", "--set emigrateBackendDbMigrationMemory: 1024 MiB does not go with emigrateBackendDbMigrationCpu = 2048: Fargate gives 2048 CPU units from 4096 to 16384 in steps of 1024 MiB")]
    public async Task Bad_options_are_clear_errors(string option, string value, string expected)
    {
        var output = Path.Combine(dir, "out");
        var args = option == "--stack"
            ? new[] { "generate", Example("shopfront"), "--target", "aws", "--stack", value, "-o", output }
            : ["generate", Example("emigrate"), "--target", "aws", "--stack", "prod", "-o", output, option, value];
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, result.Stderr);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("aws", "--format", "manifests", "kubernetes")]
    [InlineData("aws", "--postgres", "external", "kubernetes")]
    [InlineData("aws", "--image-registry", "ghcr.io/acme", "kubernetes")]
    [InlineData("kubernetes", "--vpc-id", "vpc-0123456789abcdef0", "aws")]
    [InlineData("kubernetes", "--hosted-zone-id", "Z0123456789ABCDEFGHIJ", "aws")]
    [InlineData("kubernetes", "--region", "eu-west-1", "aws")]
    public async Task An_option_of_the_other_target_is_a_usage_error_and_nothing_is_written(string target, string option, string value, string owner)
    {
        var output = Path.Combine(dir, "out");
        var result = await RunAsync("generate", Example("emigrate"), "--target", target, "--stack", "prod", "-o", output, option, value);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("error: ", result.Stderr);
        Assert.Contains($"{option} belongs to --target {owner}", result.Stderr);
        Assert.Contains($"--target {target} does not read it", result.Stderr);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task The_shared_image_tag_option_is_accepted_by_both_targets()
    {
        foreach (var target in new[] { "aws", "kubernetes" })
        {
            var result = await RunAsync("generate", Example("emigrate"), "--target", target, "--stack", "prod", "-o", Path.Combine(dir, target), "--image-tag", "v9");
            Assert.True(result.ExitCode == 0, result.ToString());
        }
    }

    [Fact]
    public async Task An_output_path_that_is_a_file_is_a_usage_error_that_leaves_the_file_alone()
    {
        var file = Path.Combine(dir, "infra");
        File.WriteAllText(file, "not a directory\n");

        var result = await Generate(Example("emigrate"), "prod", file);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"error: -o {file} is a file; give a directory for Pulumi.yaml and Pulumi.prod.yaml (it is created if missing), or move the file away. Nothing was written.\n", result.Stderr.ReplaceLineEndings("\n"));
        Assert.Equal("not a directory\n", File.ReadAllText(file));
    }

    [Fact]
    public async Task A_system_name_rewritten_for_aws_is_a_warning_naming_the_original_and_the_project()
    {
        var inventory = Path.Combine(dir, "inventory.yaml");
        var original = File.ReadAllText(Example("emigrate"));
        Assert.Contains("\nsystem: emigrate\n", original);
        File.WriteAllText(inventory, original.Replace("\nsystem: emigrate\n", "\nsystem: emi.grate_x\n", StringComparison.Ordinal));
        var output = Path.Combine(dir, "out");

        var result = await Generate(inventory, "prod", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(result.Stdout.Split('\n'), l => l.Contains("warning  system: 'emi.grate_x' is used as 'emi-grate-x'", StringComparison.Ordinal));
        Assert.Contains("name: emi-grate-x\n", File.ReadAllText(Path.Combine(output, "Pulumi.yaml")));
    }

    [Fact]
    public async Task Set_writes_a_stack_value_and_a_policy_breaking_value_is_reported()
    {
        var result = await Generate(Example("emigrate"), "prod", Path.Combine(dir, "out"), "--set", "logRetentionDays=30", "--set", "emigrateBackendImageTag=v42");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("VIOLATION CloudWatch.16", result.Stdout);
        var stack = File.ReadAllText(Path.Combine(dir, "out", "Pulumi.prod.yaml"));
        Assert.Contains("emigrate:logRetentionDays: 30\n", stack);
        Assert.Contains("emigrate:emigrateBackendImageTag: v42\n", stack);
    }

    [Fact]
    public async Task Secret_values_captured_from_Heroku_appear_in_no_generated_file()
    {
        using var api = new FakeHerokuApi();
        ShopSystem.Serve(api);
        var inventory = Path.Combine(dir, "shop", "inventory.yaml");
        var secrets = Path.Combine(dir, "shop", "secrets.yaml");
        var capture = await Heroku2CloudProcess.RunAsync(dir, new Dictionary<string, string?> { ["HEROKU_API_KEY"] = api.Token },
            "capture", "--app", ShopSystem.Web, "--app", ShopSystem.Worker, "--api-url", api.BaseUrl.ToString(), "-o", inventory, "--secrets-out", secrets);
        Assert.True(capture.ExitCode == 0, capture.ToString());
        Assert.Contains(ShopSystem.AllCanaries, c => File.ReadAllText(secrets).Contains(c, StringComparison.Ordinal));

        var output = Path.Combine(dir, "shop", "landing");
        var result = await Generate(inventory, "prod", output, "--json");
        Assert.True(result.ExitCode is 0 or 1, result.ToString());
        var written = Directory.GetFiles(output).Select(File.ReadAllText).Append(result.Stdout).Append(result.Stderr).ToList();
        foreach (var canary in ShopSystem.AllCanaries)
            Assert.DoesNotContain(written, text => text.Contains(canary, StringComparison.Ordinal));
    }
}
