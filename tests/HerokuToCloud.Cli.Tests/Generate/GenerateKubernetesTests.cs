using HerokuToCloud.Cli.Tests.Infrastructure;

namespace HerokuToCloud.Cli.Tests.Generate;

/// <summary>`heroku2cloud generate --target kubernetes` run as the real program on the worked examples.</summary>
public sealed class GenerateKubernetesTests : IDisposable
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("h2c-generate-k8s-");

    public void Dispose() => work.Delete(recursive: true);

    private static string Example(string name) => Repository.Example(name);

    private Task<Heroku2CloudProcess.Result> Run(params string[] args) => Heroku2CloudProcess.RunAsync(work.FullName, NoEnvironment, args);

    private static Dictionary<string, string> Files(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f), File.ReadAllText);

    [Fact]
    public async Task The_emigrate_example_becomes_a_program_that_passes_check()
    {
        var output = Path.Combine(work.FullName, "landing");
        var generated = await Run("generate", Example("emigrate"), "--target", "kubernetes", "--stack", "prod", "-o", output);
        Assert.True(generated.ExitCode == 0, generated.ToString());
        Assert.Equal(["Pulumi.prod.yaml", "Pulumi.yaml"], Files(output).Keys.Order());
        Assert.Contains("kubernetes:apps/v1:Deployment", File.ReadAllText(Path.Combine(output, "Pulumi.yaml")), StringComparison.Ordinal);
        Assert.Contains("pulumi config set --secret", generated.Stdout, StringComparison.Ordinal);

        var checkedProgram = await Run("check", output);
        Assert.True(checkedProgram.ExitCode == 0, checkedProgram.ToString());
        Assert.Contains("kubernetes (21 rules)", checkedProgram.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Both_stages_of_the_pipeline_example_share_one_pulumi_yaml()
    {
        var output = Path.Combine(work.FullName, "landing");
        var staging = await Run("generate", Example("shopfront"), "--target", "kubernetes", "--stack", "staging", "-o", output);
        Assert.True(staging.ExitCode == 0, staging.ToString());
        var program = File.ReadAllText(Path.Combine(output, "Pulumi.yaml"));

        var prod = await Run("generate", Example("shopfront"), "--target", "kubernetes", "--stack", "prod", "-o", output);
        Assert.True(prod.ExitCode == 0, prod.ToString());
        Assert.DoesNotContain("changed", prod.Stdout, StringComparison.Ordinal);
        Assert.Equal(program, File.ReadAllText(Path.Combine(output, "Pulumi.yaml")));
        Assert.Equal(["Pulumi.prod.yaml", "Pulumi.staging.yaml", "Pulumi.yaml"], Files(output).Keys.Order());
        Assert.NotEqual(File.ReadAllText(Path.Combine(output, "Pulumi.prod.yaml")), File.ReadAllText(Path.Combine(output, "Pulumi.staging.yaml")));

        var checkedProgram = await Run("check", output);
        Assert.True(checkedProgram.ExitCode == 0, checkedProgram.ToString());
    }

    [Theory]
    [InlineData("emigrate")]
    [InlineData("shopfront")]
    public async Task Both_targets_ask_for_the_same_secret_config_keys(string example)
    {
        // One secrets file and one set of `pulumi config set --secret` commands serve either landing.
        var keys = new Dictionary<string, string[]>();
        foreach (var target in new[] { "aws", "kubernetes" })
        {
            var result = await Run("generate", Example(example), "-t", target, "-s", "prod", "-o", Path.Combine(work.FullName, target), "--json");
            Assert.True(result.ExitCode == 0, result.ToString());
            using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
            keys[target] = [.. json.RootElement.GetProperty("secretConfig").EnumerateArray().Select(k => k.GetString()!).Order(StringComparer.Ordinal)];
        }

        Assert.NotEmpty(keys["aws"]);
        Assert.Equal(keys["aws"], keys["kubernetes"]);
    }

    [Fact]
    public async Task Generating_twice_gives_byte_identical_files_in_both_formats()
    {
        foreach (var format in new[] { "pulumi", "manifests" })
        {
            var first = Path.Combine(work.FullName, $"{format}-1");
            var second = Path.Combine(work.FullName, $"{format}-2");
            Assert.Equal(0, (await Run("generate", Example("shopfront"), "-t", "kubernetes", "-s", "prod", "--format", format, "-o", first)).ExitCode);
            Assert.Equal(0, (await Run("generate", Example("shopfront"), "-t", "kubernetes", "-s", "prod", "--format", format, "-o", second)).ExitCode);
            Assert.Equal(Files(first), Files(second));
        }
    }

    [Fact]
    public async Task The_manifests_format_writes_objects_a_script_and_no_secret()
    {
        var output = Path.Combine(work.FullName, "manifests");
        var result = await Run("generate", Example("shopfront"), "--target", "kubernetes", "--stack", "prod", "--format", "manifests",
            "--image-registry", "ghcr.io/acme", "--image-tag", "v42", "-o", output);
        Assert.True(result.ExitCode == 0, result.ToString());
        var files = Files(output);
        Assert.Contains("create-secrets.sh", files.Keys);
        Assert.Contains("kustomization.yaml", files.Keys);
        Assert.Contains(files.Keys, f => f.StartsWith("00-namespace-", StringComparison.Ordinal));
        Assert.DoesNotContain(files.Values, f => f.Contains("kind: Secret", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Key.StartsWith("07-deployment-", StringComparison.Ordinal) && f.Value.Contains("image: ghcr.io/acme/shopfront:v42", StringComparison.Ordinal));
        Assert.DoesNotContain("Pulumi.yaml", files.Keys);
    }

    [Fact]
    public async Task The_manifests_summary_marks_optional_variables_as_the_script_and_readme_do()
    {
        // shopfront's ASSET_HOST is app.json required: false; create-secrets.sh runs without it.
        var output = Path.Combine(work.FullName, "manifests");
        var result = await Run("generate", Example("shopfront"), "--target", "kubernetes", "--stack", "prod", "--format", "manifests", "-o", output);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("\n  SHOPFRONT_ASSET_HOST   (optional: app.json required: false; not exported, create-secrets.sh sets it empty)\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\n  SHOPFRONT_STRIPE_SECRET_KEY\n", result.Stdout, StringComparison.Ordinal);

        var json = await Run("generate", Example("shopfront"), "--target", "kubernetes", "--stack", "prod", "--format", "manifests", "-o", output, "--json");
        Assert.True(json.ExitCode == 0, json.ToString());
        using var document = System.Text.Json.JsonDocument.Parse(json.Stdout);
        Assert.Equal(["SHOPFRONT_ASSET_HOST"], document.RootElement.GetProperty("optionalSecretConfig").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task Reset_stack_config_with_manifests_is_a_usage_error_because_there_is_no_stack_file()
    {
        var output = Path.Combine(work.FullName, "manifests");
        var result = await Run("generate", Example("emigrate"), "--target", "kubernetes", "--stack", "prod", "--format", "manifests", "--reset-stack-config", "-o", output);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--reset-stack-config applies to a Pulumi stack file; --format manifests writes none", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("emigrate-backend-NODE_ENV=production", "export EMIGRATE_BACKEND_NODE_ENV before running create-secrets.sh")]
    [InlineData("nosuchKey=1", "the program has no config key nosuchKey; --set takes ")]
    public async Task Set_errors_with_manifests_point_at_the_manifests_never_at_pulumi(string setting, string expected)
    {
        var output = Path.Combine(work.FullName, "manifests");
        var result = await Run("generate", Example("emigrate"), "--target", "kubernetes", "--stack", "prod", "--format", "manifests", "-o", output, "--set", setting);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Pulumi.yaml", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("pulumi config", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task The_manifests_format_says_what_to_export_and_which_file_to_edit_never_pulumi_config()
    {
        var output = Path.Combine(work.FullName, "manifests");
        var result = await Run("generate", Example("emigrate"), "--target", "kubernetes", "--stack", "prod", "--format", "manifests", "-o", output);
        Assert.True(result.ExitCode == 0, result.ToString());

        Assert.DoesNotContain("pulumi config", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("pulumi up", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("every stack", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(
            "emigrate-backend-db: its data is copied from Heroku once, by the data-migration Job: stop every write on Heroku (heroku maintenance:on -a emigrate-backend, -a emigrate-emailer; " +
            "maintenance mode stops only web requests, so also scale the other process types to 0 with heroku ps:scale TYPE=0 and pause the Scheduler jobs) first, and give it the source: " +
            "export EMIGRATE_BACKEND_DB_SOURCE_URL=\"$(heroku config:get DATABASE_URL -a emigrate-backend)\" before running create-secrets.sh.",
            result.Stdout, StringComparison.Ordinal);
        Assert.Contains("pick another hostname: edit it in 07-deployment-emigrate-backend-web.yaml, 08-ingress-emigrate-backend-web.yaml (or generate again with --set emigrateBackendDomains=HOST).",
            result.Stdout, StringComparison.Ordinal);
        Assert.Contains("apps[emigrate-emailer]: 3 config vars are secrets to supply in every environment: export EMIGRATE_EMAILER_MAIL_FROM, EMIGRATE_EMAILER_NODE_ENV, EMIGRATE_EMAILER_SMTP_URL before running create-secrets.sh",
            result.Stdout, StringComparison.Ordinal);
        Assert.Contains("apps[emigrate-frontend]: 1 config var is a secret to supply in every environment: export EMIGRATE_FRONTEND_NODE_ENV before running create-secrets.sh",
            result.Stdout, StringComparison.Ordinal);
        Assert.Contains("emigrateFrontendImageTag = latest   in 07-deployment-emigrate-frontend-web.yaml", result.Stdout, StringComparison.Ordinal);
        // Every variable the summary lists is one create-secrets.sh requires.
        var script = File.ReadAllText(Path.Combine(output, "create-secrets.sh"));
        var listed = result.Stdout[result.Stdout.IndexOf("secret values (9)", StringComparison.Ordinal)..].Split('\n').Skip(1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
        Assert.Equal(9, listed.Count);
        Assert.All(listed, variable => Assert.Contains($"[ -n \"${{{variable}:-}}\" ] || missing+=", script, StringComparison.Ordinal));

        var json = await Run("generate", Example("emigrate"), "--target", "kubernetes", "--stack", "prod", "--format", "manifests", "-o", output, "--json");
        Assert.Contains("\"format\": \"manifests\"", json.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("pulumi config", json.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pulumi_format_keeps_its_pulumi_config_instructions()
    {
        var output = Path.Combine(work.FullName, "landing");
        var result = await Run("generate", Example("emigrate"), "--target", "kubernetes", "--stack", "prod", "-o", output);
        Assert.True(result.ExitCode == 0, result.ToString());

        Assert.Contains($"pulumi config set --cwd {output} --path 'emigrateBackendDomains[0]' HOST", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"heroku config:get DATABASE_URL -a emigrate-backend | pulumi config set --cwd {output} --secret emigrateBackendDbSourceUrl --stack prod", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("create-secrets.sh", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generating_again_keeps_secrets_provider_settings_and_encryption_settings()
    {
        var output = Path.Combine(work.FullName, "landing");
        Assert.Equal(0, (await Run("generate", Example("emigrate"), "-t", "kubernetes", "-s", "prod", "-o", output)).ExitCode);
        var stackFile = Path.Combine(output, "Pulumi.prod.yaml");
        var first = File.ReadAllText(stackFile);
        File.WriteAllText(stackFile, "encryptionsalt: v1:abc:def\n" + first.Replace("config:\n", "config:\n  kubernetes:context: prod-cluster\n  emigrate:emigrate-backend-NODE_ENV:\n    secure: v1:AAAA:BBBB\n", StringComparison.Ordinal));

        var again = await Run("generate", Example("emigrate"), "-t", "kubernetes", "-s", "prod", "--image-tag", "v7", "-o", output);
        Assert.True(again.ExitCode == 0, again.ToString());
        var merged = File.ReadAllText(stackFile);
        Assert.Contains("encryptionsalt: v1:abc:def", merged, StringComparison.Ordinal);
        Assert.Contains("kubernetes:context: prod-cluster", merged, StringComparison.Ordinal);
        Assert.Contains("secure: v1:AAAA:BBBB", merged, StringComparison.Ordinal);
        // An option typed on this run is newer than the file: it replaces the value, with nothing to report.
        Assert.Contains("emigrate:emigrateBackendImageTag: v7", merged, StringComparison.Ordinal);
        Assert.DoesNotContain("emigrate:emigrateBackendImageTag: latest", merged, StringComparison.Ordinal);
        Assert.DoesNotContain("Pulumi.prod.yaml: kept", again.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("...", merged, StringComparison.Ordinal);

        var checkedProgram = await Run("check", output);
        Assert.True(checkedProgram.ExitCode == 0, checkedProgram.ToString());

        // Without anything to keep, the file is exactly what the writer produces.
        var fresh = Path.Combine(work.FullName, "fresh");
        Assert.Equal(0, (await Run("generate", Example("emigrate"), "-t", "kubernetes", "-s", "prod", "-o", fresh)).ExitCode);
        Assert.Equal(first, File.ReadAllText(Path.Combine(fresh, "Pulumi.prod.yaml")));
        Assert.Equal(0, (await Run("generate", Example("emigrate"), "-t", "kubernetes", "-s", "prod", "-o", fresh)).ExitCode);
        Assert.Equal(first, File.ReadAllText(Path.Combine(fresh, "Pulumi.prod.yaml")));
    }

    [Theory]
    [InlineData("--target", "gcp")]
    [InlineData("--format", "helm")]
    [InlineData("--postgres", "rds")]
    public async Task A_bad_choice_is_a_usage_error_and_writes_nothing(string option, string value)
    {
        var output = Path.Combine(work.FullName, "landing");
        var args = new List<string> { "generate", Example("emigrate"), "--target", "kubernetes", "--stack", "prod", "-o", output };
        var index = args.IndexOf(option);
        if (index >= 0)
            args[index + 1] = value;
        else
            args.AddRange([option, value]);
        var result = await Run([.. args]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(value, result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task A_missing_inventory_names_the_file_and_writes_nothing()
    {
        var output = Path.Combine(work.FullName, "landing");
        var result = await Run("generate", Path.Combine(work.FullName, "nope.yaml"), "--target", "kubernetes", "--stack", "prod", "-o", output);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nope.yaml", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task A_stack_that_matches_no_pipeline_stage_is_refused()
    {
        var output = Path.Combine(work.FullName, "landing");
        var result = await Run("generate", Example("shopfront"), "--target", "kubernetes", "--stack", "qa", "-o", output);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("qa", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }
}
