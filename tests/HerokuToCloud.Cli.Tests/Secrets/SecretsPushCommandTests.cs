using System.Text;
using System.Text.Json;
using HerokuToCloud.Cli.Tests.Infrastructure;

namespace HerokuToCloud.Cli.Tests.Secrets;

/// <summary>
/// `heroku2cloud secrets push` end to end: the real program as a process, with a fake `pulumi` first on
/// PATH that records each call's arguments and standard input, so the tests see exactly what the
/// Pulumi CLI would receive. The fake is a POSIX shell script, and file modes are part of what is
/// tested, so these tests are for Unix (CI runs on Linux).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SecretsPushCommandTests : IDisposable
{
    /// <summary>
    /// Records argv (NUL-separated) and stdin (raw bytes) of each call as N.args / N.stdin in
    /// $FAKE_PULUMI_CALLS; fails with exit 255 on the key in $FAKE_PULUMI_FAIL_KEY, printing the value it
    /// read (to prove heroku2cloud masks whatever pulumi prints).
    /// </summary>
    private const string FakePulumi = """
        #!/bin/sh
        PATH=/usr/bin:/bin:$PATH
        calls="$FAKE_PULUMI_CALLS"
        n=$(( $(ls "$calls" | grep -c '\.args$') + 1 ))
        printf '%s\0' "$@" > "$calls/$n.args"
        cat > "$calls/$n.stdin"
        for arg in "$@"; do
          if [ -n "$FAKE_PULUMI_FAIL_KEY" ] && [ "$arg" = "$FAKE_PULUMI_FAIL_KEY" ]; then
            printf 'error: could not encrypt "%s": no passphrase\n' "$(cat "$calls/$n.stdin")" >&2
            exit 255
          fi
        done
        exit 0
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("h2c-secrets-").FullName;

    public SecretsPushCommandTests()
    {
        File.WriteAllText(InventoryPath, ShopPipeline.Inventory);
        WriteSecrets(ShopPipeline.SecretsYaml());
        ShopPipeline.WriteProgram(ProgramDir);
        Directory.CreateDirectory(CallsDir);
        Directory.CreateDirectory(EmptyDir);
        var bin = Directory.CreateDirectory(BinDir).FullName;
        File.WriteAllText(Path.Combine(bin, "pulumi"), FakePulumi.ReplaceLineEndings("\n") + "\n");
        File.SetUnixFileMode(Path.Combine(bin, "pulumi"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string InventoryPath => Path.Combine(_dir, "inventory.yaml");

    private string SecretsPath => Path.Combine(_dir, "shop-secrets.yaml");

    private string ProgramDir => Path.Combine(_dir, "landing");

    private string CallsDir => Path.Combine(_dir, "calls");

    private string BinDir => Path.Combine(_dir, "bin");

    private string EmptyDir => Path.Combine(_dir, "empty-bin");

    private void WriteSecrets(string yaml)
    {
        File.WriteAllText(SecretsPath, yaml);
        File.SetUnixFileMode(SecretsPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private Dictionary<string, string?> Environment(string? path = null, string? failKey = null, string? pulumi = null) => new()
    {
        ["PATH"] = path ?? BinDir + Path.PathSeparator + System.Environment.GetEnvironmentVariable("PATH"),
        ["PULUMI"] = pulumi,
        ["FAKE_PULUMI_CALLS"] = CallsDir,
        ["FAKE_PULUMI_FAIL_KEY"] = failKey,
    };

    private Task<Heroku2CloudProcess.Result> Push(Dictionary<string, string?> environment, params string[] extra) =>
        Heroku2CloudProcess.RunAsync(_dir, environment, ["secrets", "push", InventoryPath, "--from", SecretsPath, .. extra]);

    /// <summary>The calls the fake pulumi received, in order: its argument list and the bytes on its standard input.</summary>
    private List<(string[] Args, byte[] Stdin)> Calls() =>
        Directory.GetFiles(CallsDir, "*.args")
            .Select(f => (N: int.Parse(Path.GetFileNameWithoutExtension(f), System.Globalization.CultureInfo.InvariantCulture), File: f))
            .OrderBy(x => x.N)
            .Select(x => (File.ReadAllText(x.File).TrimEnd('\0').Split('\0'), File.ReadAllBytes(Path.ChangeExtension(x.File, ".stdin"))))
            .ToList();

    private static void AssertNoValueIn(string text)
    {
        foreach (var value in ShopPipeline.Values.Values)
            Assert.DoesNotContain(value, text);
        Assert.DoesNotContain("canary", text);
    }

    [Fact]
    public async Task Sets_each_production_value_through_pulumi_stdin_and_never_on_a_command_line()
    {
        var result = await Push(Environment(), "--stack", "prod", "-C", ProgramDir);

        Assert.True(result.ExitCode == 0, result.ToString());
        var calls = Calls();
        var expected = ShopPipeline.Expected("prod");
        Assert.Equal(expected.Select(e => e.Key), calls.Select(c => c.Args[^1]));
        foreach (var ((key, value), (args, stdin)) in expected.Zip(calls))
        {
            Assert.Equal(["config", "set", "--secret", "--non-interactive", "--stack", "prod", "--cwd", ProgramDir, key], args);
            Assert.Equal(Encoding.UTF8.GetBytes(value + "\n"), stdin);
        }

        Assert.All(calls, c => AssertNoValueIn(string.Join(" ", c.Args)));
        AssertNoValueIn(result.Stdout + result.Stderr);
        Assert.Contains("  set shop:shop-web-STRIPE_KEY <- shop-web-production STRIPE_KEY (", result.Stdout);
        Assert.Contains("Set 4 secret config values in stack prod.", result.Stdout);
        Assert.Contains("shop-web SECRET_KEY_BASE: the program generates a random value", result.Stdout);
        Assert.Contains("shop-web DATABASE_URL: the program builds it from datastore shop-web-db", result.Stdout);
        Assert.Contains("shop-web NPM_TOKEN: needed only while building the image", result.Stdout);
        Assert.Contains("shop-web-production DATABASE_URL: rebuilt from datastore shop-web-db", result.Stdout);
        Assert.Contains("shop-web-staging (4 values): shop-web-staging is the staging app", result.Stdout);
        Assert.Contains("pulumi config set --secret shop:shopWebDbSourceUrl --stack prod", result.Stdout);
        Assert.Contains("Next: pulumi preview", result.Stdout);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public async Task An_optional_var_without_a_value_is_set_empty_unless_the_stack_file_has_it()
    {
        // RAILS_ENV made optional in production (app.json required: false) and left out of the file.
        var inventory = ShopPipeline.Inventory;
        var production = inventory.IndexOf("- name: shop-web-production", StringComparison.Ordinal);
        var railsEnv = inventory.IndexOf("- name: RAILS_ENV\n", production, StringComparison.Ordinal);
        File.WriteAllText(InventoryPath, inventory.Insert(railsEnv + "- name: RAILS_ENV\n".Length, inventory[(inventory.LastIndexOf('\n', railsEnv) + 1)..railsEnv] + "  required: false\n"));
        WriteSecrets(ShopPipeline.SecretsYaml(k => k != ("shop-web-production", "RAILS_ENV")));

        var first = await Push(Environment(), "--stack", "prod", "-C", ProgramDir);
        var empty = Calls().Single(c => c.Args[^1] == "shop:shop-web-RAILS_ENV");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal("\n"u8.ToArray(), empty.Stdin);
        Assert.Contains("  set shop:shop-web-RAILS_ENV <- shop-web-production RAILS_ENV (optional, no value in ", first.Stdout);

        // Once the stack holds a value (pushed before, or set by hand), an empty one never replaces it.
        foreach (var call in Directory.GetFiles(CallsDir))
            File.Delete(call);
        File.WriteAllText(Path.Combine(ProgramDir, "Pulumi.prod.yaml"), "config:\n  shop:shop-web-RAILS_ENV:\n    secure: v1:cHJvZHVjdGlvbg==\n");
        var second = await Push(Environment(), "--stack", "prod", "-C", ProgramDir);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.DoesNotContain(Calls(), c => c.Args[^1] == "shop:shop-web-RAILS_ENV");
        Assert.Contains("  kept shop:shop-web-RAILS_ENV <- shop-web-production RAILS_ENV (optional, no value in ", second.Stdout);
    }

    [Fact]
    public async Task The_staging_stack_gets_the_staging_apps_values()
    {
        var result = await Push(Environment(), "--stack", "staging", "--cwd", ProgramDir);

        Assert.True(result.ExitCode == 0, result.ToString());
        var calls = Calls();
        Assert.Equal(ShopPipeline.Expected("staging").Select(e => (e.Key, e.Value + "\n")), calls.Select(c => (c.Args[^1], Encoding.UTF8.GetString(c.Stdin))));
        Assert.All(calls, c => Assert.Equal("staging", c.Args[5]));
        AssertNoValueIn(result.Stdout + result.Stderr);
    }

    [Fact]
    public async Task Missing_values_set_nothing_exit_1_and_show_what_to_add()
    {
        WriteSecrets(ShopPipeline.SecretsYaml(k => k.Var != "SENDGRID_API_KEY"));

        var result = await Push(Environment(), "--stack", "prod", "-C", ProgramDir);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Empty(Calls());
        Assert.Contains("Missing values: 1 key of stack prod has no value in", result.Stdout);
        Assert.Contains("shop:shop-web-SENDGRID_API_KEY: add-on shop-sendgrid (sendgrid) injects it on Heroku", result.Stdout);
        Assert.Contains("shop-web-production:\n  SENDGRID_API_KEY: \"\"\n", result.Stdout.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("  set ", result.Stdout);
        AssertNoValueIn(result.Stdout + result.Stderr);
    }

    [Fact]
    public async Task Allow_missing_sets_the_values_there_are()
    {
        WriteSecrets(ShopPipeline.SecretsYaml(k => k.Var != "SENDGRID_API_KEY"));

        var result = await Push(Environment(), "--stack", "prod", "-C", ProgramDir, "--allow-missing");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["shop:shop-web-RAILS_ENV", "shop:shop-web-SIGNING_PEM", "shop:shop-web-STRIPE_KEY"], Calls().Select(c => c.Args[^1]));
        Assert.Contains("Missing values (not set;", result.Stdout);
    }

    [Fact]
    public async Task A_dry_run_lists_the_keys_without_pulumi_on_the_path()
    {
        var result = await Push(Environment(path: EmptyDir), "--stack", "prod", "-C", ProgramDir, "--dry-run");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(Calls());
        foreach (var (key, _) in ShopPipeline.Expected("prod"))
            Assert.Contains($"  would set {key} <- ", result.Stdout);
        Assert.Contains("Would set 4 secret config values in stack prod (dry run: pulumi was not run).", result.Stdout);
        AssertNoValueIn(result.Stdout + result.Stderr);
    }

    [Fact]
    public async Task A_dry_run_works_before_the_program_is_generated()
    {
        var result = await Push(Environment(path: EmptyDir), "--stack", "prod", "-C", Path.Combine(_dir, "not-yet"), "--dry-run");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("no program checked", result.Stdout);
    }

    [Fact]
    public async Task Without_pulumi_it_says_to_install_it_or_use_dry_run_and_exits_2()
    {
        var result = await Push(Environment(path: EmptyDir), "--stack", "prod", "-C", ProgramDir);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: the Pulumi CLI was not found", result.Stderr);
        Assert.Contains("--dry-run", result.Stderr);
        Assert.Empty(Calls());
    }

    [Fact]
    public async Task The_pulumi_variable_names_the_executable()
    {
        var result = await Push(Environment(path: EmptyDir, pulumi: Path.Combine(BinDir, "pulumi")), "--stack", "prod", "-C", ProgramDir);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(4, Calls().Count);
    }

    [Fact]
    public async Task A_pulumi_failure_stops_the_push_exit_2_with_pulumis_message_masked()
    {
        var result = await Push(Environment(failKey: "shop:shop-web-SIGNING_PEM"), "--stack", "prod", "-C", ProgramDir);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["shop:shop-web-RAILS_ENV", "shop:shop-web-SENDGRID_API_KEY", "shop:shop-web-SIGNING_PEM"], Calls().Select(c => c.Args[^1]));
        Assert.Contains("error: pulumi config set failed for shop:shop-web-SIGNING_PEM (exit 255): error: could not encrypt \"[secret]\": no passphrase", result.Stderr);
        Assert.Contains("PULUMI_CONFIG_PASSPHRASE", result.Stderr);
        Assert.Contains("then pulumi failed on shop:shop-web-SIGNING_PEM; not tried: shop:shop-web-STRIPE_KEY.", result.Stdout);
        AssertNoValueIn(result.Stdout + result.Stderr);
    }

    [Fact]
    public async Task The_json_report_has_every_outcome_and_no_value()
    {
        var result = await Push(Environment(), "--stack", "prod", "-C", ProgramDir, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertNoValueIn(result.Stdout + result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(("shop", "prod", "production"), (root.GetProperty("system").GetString(), root.GetProperty("stack").GetString(), root.GetProperty("stage").GetString()));
        Assert.Equal(Path.Combine(ProgramDir, "Pulumi.yaml"), root.GetProperty("program").GetString());
        Assert.Equal(
            ShopPipeline.Expected("prod").Select(e => (e.Key, "set")),
            root.GetProperty("assignments").EnumerateArray().Select(a => (a.GetProperty("key").GetString()!, a.GetProperty("status").GetString()!)));
        Assert.Equal(["shop:shopWebDbSourceUrl"], root.GetProperty("otherSecretConfig").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("failure").ValueKind);
        Assert.Contains(root.GetProperty("unused").EnumerateArray(), u => u.GetProperty("reason").GetString() == "otherStage" && u.GetProperty("count").GetInt32() == 4);
        Assert.Equal(4, root.GetProperty("counts").GetProperty("set").GetInt32());
    }

    [Fact]
    public async Task Reads_the_secrets_from_standard_input()
    {
        var result = await Heroku2CloudProcess.RunWithInputAsync(_dir, Environment(), ShopPipeline.SecretsYaml(),
            "secrets", "push", InventoryPath, "--from", "-", "--stack", "prod", "-C", ProgramDir);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(4, Calls().Count);
        Assert.Contains("values from standard input", result.Stdout);
    }

    [Fact]
    public async Task A_broken_secrets_file_fails_with_its_location_and_no_value()
    {
        WriteSecrets("shop-web-production:\n  STRIPE_KEY: \"sk_live_canary\"\n  RAILS_ENV:\n");

        var result = await Push(Environment(), "--stack", "prod", "-C", ProgramDir);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"error: {SecretsPath}:3:13: shop-web-production.RAILS_ENV: has no value.", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        AssertNoValueIn(result.Stdout + result.Stderr);
        Assert.Empty(Calls());
    }

    [Fact]
    public async Task A_program_that_does_not_declare_a_key_stops_the_push()
    {
        ShopPipeline.WriteProgram(ProgramDir, omit: "shop-web-STRIPE_KEY");

        var result = await Push(Environment(), "--stack", "prod", "-C", ProgramDir);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not read the secret config this inventory needs (shop-web-STRIPE_KEY is not declared)", result.Stderr);
        Assert.Contains("generate it again from this inventory", result.Stderr);
        Assert.Empty(Calls());
    }

    [Fact]
    public async Task A_program_of_another_project_stops_the_push()
    {
        ShopPipeline.WriteProgram(ProgramDir, project: "billing");

        var result = await Push(Environment(), "--stack", "prod", "-C", ProgramDir);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is the program of project 'billing', but the inventory's system is 'shop'", result.Stderr);
        Assert.Empty(Calls());
    }

    [Fact]
    public async Task A_stack_that_selects_no_stage_is_refused()
    {
        var result = await Push(Environment(), "--stack", "dev", "-C", ProgramDir);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("stack 'dev' matches no stage of this system's pipelines", result.Stderr);
        Assert.Empty(Calls());
    }

    [Fact]
    public async Task A_secrets_file_others_can_read_gets_a_warning()
    {
        File.SetUnixFileMode(SecretsPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var result = await Push(Environment(), "--stack", "prod", "-C", ProgramDir, "--dry-run");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"warning: {SecretsPath} holds secret values but other users can read or write it (mode 644); restrict it with `chmod 600 {SecretsPath}`.", result.Stderr);
    }
}
