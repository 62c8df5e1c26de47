using System.Text.Json;
using HerokuToCloud.Cli.Tests.Infrastructure;

namespace HerokuToCloud.Cli.Tests.Generate;

/// <summary>
/// `generate` into a directory that already has the stack file: the file is the team's, so a value they
/// changed (the image tag they deploy, a scaled-up count) survives and every difference is reported,
/// except where this run asks for a value (--set, an option typed now).
/// </summary>
public sealed class RegenerateTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("h2c-regenerate-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Output => Path.Combine(dir, "regen");

    private string StackFile => Path.Combine(Output, "Pulumi.prod.yaml");

    private Task<Heroku2CloudProcess.Result> Generate(params string[] extra) =>
        Heroku2CloudProcess.RunAsync(dir, ["generate", Repository.Example("emigrate"), "-t", "aws", "-s", "prod", "-o", Output, .. extra]);

    /// <summary>Generates once, then edits the stack file as a team would after deploying a while.</summary>
    private async Task<string> GenerateAndEdit(Func<string, string> edit)
    {
        var first = await Generate();
        Assert.True(first.ExitCode == 0, first.ToString());
        var generated = File.ReadAllText(StackFile);
        var edited = edit(generated);
        Assert.NotEqual(generated, edited);
        File.WriteAllText(StackFile, edited);
        return generated;
    }

    private static string Replace(string text, string find, string replace)
    {
        Assert.Contains(find, text, StringComparison.Ordinal);
        return text.Replace(find, replace, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renaming_the_system_warns_that_the_old_projects_values_are_not_read()
    {
        await GenerateAndEdit(text => Replace(text, "emigrate:emigrateBackendImageTag: initial\n", "emigrate:emigrateBackendImageTag: v42\n"));
        var renamed = Path.Combine(dir, "renamed.yaml");
        File.WriteAllText(renamed, Replace(File.ReadAllText(Repository.Example("emigrate")), "system: emigrate\n", "system: emigrate-two\n"));

        var again = await Heroku2CloudProcess.RunAsync(dir, ["generate", renamed, "-t", "aws", "-s", "prod", "-o", Output]);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("the project is now emigrate-two (was emigrate)", again.Stdout, StringComparison.Ordinal);
        Assert.Contains("emigrate:emigrateBackendImageTag: v42\n", File.ReadAllText(StackFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_policy_result_judges_the_kept_values_as_check_would()
    {
        await GenerateAndEdit(text => Replace(text, "emigrate:logRetentionDays: 365\n", "emigrate:logRetentionDays: 7\n"));

        var again = await Generate();
        var check = await Heroku2CloudProcess.RunAsync(dir, "check", Output);

        Assert.True(again.ExitCode == 1, again.ToString());
        Assert.Contains("emigrate:logRetentionDays: 7\n", File.ReadAllText(StackFile), StringComparison.Ordinal);
        Assert.Contains("CloudWatch.16", again.Stdout, StringComparison.Ordinal);
        Assert.True(check.ExitCode == 1, check.ToString());
    }

    [Fact]
    public async Task Regenerating_edits_the_teams_file_in_place_so_its_comments_and_order_survive()
    {
        await GenerateAndEdit(text =>
            "# Production stack: owned by the platform team.\n" +
            Replace(Replace(Replace(text,
                "  emigrate:emigrateBackendImageTag: initial\n", "  # bumped by CI on every release\n  emigrate:emigrateBackendImageTag: v42  # deployed 2026-12-01\n"),
                "  emigrate:emigrateFrontendWebCpu: '512'\n", "  # a quarter vCPU serves the static pages\n  emigrate:emigrateFrontendWebCpu: '256'\n"),
                "  emigrate:logRetentionDays: 365\n", "") +
            "# end of the team's file\n");
        var before = File.ReadAllText(StackFile);

        var again = await Generate("--set", "emigrateFrontendWebCpu=512");

        Assert.True(again.ExitCode == 0, again.ToString());
        var merged = File.ReadAllText(StackFile);
        // Every line of the team's file is still there but the one --set replaced, in its place; the key the
        // team's file lacked is added after its last entry.
        var expected = Replace(before, "  emigrate:emigrateFrontendWebCpu: '256'\n", "  emigrate:emigrateFrontendWebCpu: '512'\n")
            .Replace("# end of the team's file\n", "  emigrate:logRetentionDays: 365\n# end of the team's file\n", StringComparison.Ordinal);
        Assert.Equal(expected, merged);
    }

    [Fact]
    public async Task A_CPU_given_with_set_that_the_kept_memory_does_not_fit_is_refused_naming_both_keys()
    {
        await GenerateAndEdit(text => Replace(text, "  emigrate:emigrateFrontendWebMemory: '1024'\n", "  emigrate:emigrateFrontendWebMemory: '2048'\n"));
        var before = File.ReadAllText(StackFile);

        var again = await Generate("--set", "emigrateFrontendWebCpu=4096");

        Assert.True(again.ExitCode == 2, again.ToString());
        Assert.Contains("emigrateFrontendWebMemory (kept in Pulumi.prod.yaml): 2048 MiB does not go with emigrateFrontendWebCpu = 4096", again.Stderr, StringComparison.Ordinal);
        Assert.Contains("Nothing was written.", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(StackFile));
    }

    [Fact]
    public async Task A_kept_value_of_the_wrong_type_is_refused_naming_the_file_and_key()
    {
        await GenerateAndEdit(text => Replace(text, "  emigrate:emigrateBackendDbMultiAz: false\n", "  emigrate:emigrateBackendDbMultiAz: maybe\n"));
        var before = File.ReadAllText(StackFile);

        var again = await Generate();

        Assert.True(again.ExitCode == 2, again.ToString());
        Assert.Contains("emigrateBackendDbMultiAz (kept in Pulumi.prod.yaml): \"maybe\" is not a boolean; use true or false. Nothing was written.", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(StackFile));
    }

    [Fact]
    public async Task A_stack_file_with_windows_line_endings_keeps_them_in_the_lines_it_gains()
    {
        await GenerateAndEdit(text => Replace(text, "  emigrate:logRetentionDays: 365\n", "").Replace("\n", "\r\n", StringComparison.Ordinal));

        var again = await Generate("--image-tag", "v9");

        Assert.True(again.ExitCode == 0, again.ToString());
        var merged = File.ReadAllText(StackFile);
        Assert.Contains("  emigrate:emigrateBackendImageTag: v9\r\n", merged, StringComparison.Ordinal);
        Assert.Contains("  emigrate:logRetentionDays: 365\r\n", merged, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", merged.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stack_file_in_a_layout_it_cannot_edit_in_place_is_written_anew_with_the_same_values()
    {
        await GenerateAndEdit(_ => "config: {emigrate:emigrateBackendWebCount: 4}\n");

        var again = await Generate();

        Assert.True(again.ExitCode == 0, again.ToString());
        var merged = File.ReadAllText(StackFile);
        Assert.Contains("  emigrate:emigrateBackendWebCount: 4\n", merged, StringComparison.Ordinal);
        Assert.Contains("  emigrate:logRetentionDays: 365\n", merged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regenerating_keeps_an_edited_image_tag_and_count_and_reports_both()
    {
        await GenerateAndEdit(text => Replace(Replace(text,
            "emigrate:emigrateBackendImageTag: initial\n", "emigrate:emigrateBackendImageTag: v42\n"),
            "emigrate:emigrateBackendWebCount: 1\n", "emigrate:emigrateBackendWebCount: 4\n"));

        var again = await Generate();

        Assert.True(again.ExitCode == 0, again.ToString());
        var merged = File.ReadAllText(StackFile);
        Assert.Contains("emigrate:emigrateBackendImageTag: v42\n", merged, StringComparison.Ordinal);
        Assert.Contains("emigrate:emigrateBackendWebCount: 4\n", merged, StringComparison.Ordinal);
        // Values nobody changed still carry the generated ones.
        Assert.Contains("emigrate:emigrateFrontendImageTag: initial\n", merged, StringComparison.Ordinal);
        Assert.Contains(again.Stdout.Split('\n'), l => l.Contains("warning", StringComparison.Ordinal)
            && l.Contains("Pulumi.prod.yaml: kept emigrateBackendWebCount: 4 (the inventory and options give 1)", StringComparison.Ordinal));
        Assert.Contains("Pulumi.prod.yaml: kept emigrateBackendImageTag: v42 (the inventory and options give initial)", again.Stdout, StringComparison.Ordinal);
        Assert.Contains("--set emigrateBackendWebCount=VALUE", again.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("kept emigrateFrontendImageTag", again.Stdout, StringComparison.Ordinal);

        var checkedProgram = await Heroku2CloudProcess.RunAsync(dir, "check", Output);
        Assert.True(checkedProgram.ExitCode == 0, checkedProgram.ToString());
    }

    [Fact]
    public async Task Kept_values_are_findings_in_the_json_summary()
    {
        await GenerateAndEdit(text => Replace(text, "emigrate:emigrateEmailerWorkerCount: 1\n", "emigrate:emigrateEmailerWorkerCount: 3\n"));

        var again = await Generate("--json");

        Assert.True(again.ExitCode == 0, again.ToString());
        using var summary = JsonDocument.Parse(again.Stdout);
        var finding = Assert.Single(summary.RootElement.GetProperty("findings").EnumerateArray(),
            f => f.GetProperty("subject").GetString() == "Pulumi.prod.yaml");
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
        Assert.StartsWith("kept emigrateEmailerWorkerCount: 3 (the inventory and options give 1)", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_new_to_the_program_gets_its_generated_value_next_to_the_kept_ones()
    {
        // The stack file as an older program wrote it: without logRetentionDays, with a changed count.
        await GenerateAndEdit(text => Replace(Replace(text,
            "  emigrate:logRetentionDays: 365\n", ""),
            "emigrate:emigrateFrontendWebCount: 1\n", "emigrate:emigrateFrontendWebCount: 2\n"));

        var again = await Generate();

        Assert.True(again.ExitCode == 0, again.ToString());
        var merged = File.ReadAllText(StackFile);
        Assert.Contains("emigrate:logRetentionDays: 365\n", merged, StringComparison.Ordinal);
        Assert.Contains("emigrate:emigrateFrontendWebCount: 2\n", merged, StringComparison.Ordinal);
        Assert.DoesNotContain("kept logRetentionDays", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secure_values_encryption_settings_and_keys_the_program_dropped_stay_untouched()
    {
        const string secure = "  emigrate:emigrateBackendDbSourceUrl:\n    secure: v1:AAAA:BBBB\n";
        await GenerateAndEdit(text => "encryptionsalt: v1:abc:def\n" + Replace(text, "config:\n",
            "config:\n  aws:profile: prod-admin\n  emigrate:retiredAppWebCount: 2\n" + secure));

        var again = await Generate();

        Assert.True(again.ExitCode == 0, again.ToString());
        var merged = File.ReadAllText(StackFile);
        Assert.Contains("encryptionsalt: v1:abc:def\n", merged, StringComparison.Ordinal);
        Assert.Contains("emigrate:emigrateBackendDbSourceUrl:", merged, StringComparison.Ordinal);
        Assert.Contains("secure: v1:AAAA:BBBB\n", merged, StringComparison.Ordinal);
        Assert.Contains("aws:profile: prod-admin\n", merged, StringComparison.Ordinal);
        Assert.Contains("emigrate:retiredAppWebCount: 2\n", merged, StringComparison.Ordinal);
        Assert.DoesNotContain("v1:AAAA", again.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Pulumi.prod.yaml: kept", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_takes_the_value_given_without_a_kept_report()
    {
        await GenerateAndEdit(text => Replace(text, "emigrate:emigrateBackendImageTag: initial\n", "emigrate:emigrateBackendImageTag: v42\n"));

        var again = await Generate("--set", "emigrateBackendImageTag=v43");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("emigrate:emigrateBackendImageTag: v43\n", File.ReadAllText(StackFile), StringComparison.Ordinal);
        Assert.DoesNotContain("kept emigrateBackendImageTag", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_takes_the_key_as_the_stack_file_spells_it_with_the_project()
    {
        await GenerateAndEdit(text => Replace(text, "emigrate:logRetentionDays: 365\n", "emigrate:logRetentionDays: 400\n"));

        var again = await Generate("--set", "emigrate:logRetentionDays=731");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("emigrate:logRetentionDays: 731\n", File.ReadAllText(StackFile), StringComparison.Ordinal);
        Assert.DoesNotContain("kept logRetentionDays", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_typed_image_tag_replaces_every_apps_tag_while_an_edited_count_is_kept()
    {
        await GenerateAndEdit(text => Replace(Replace(text,
            "emigrate:emigrateBackendImageTag: initial\n", "emigrate:emigrateBackendImageTag: v42\n"),
            "emigrate:emigrateBackendWebCount: 1\n", "emigrate:emigrateBackendWebCount: 4\n"));

        var again = await Generate("--image-tag", "v43");

        Assert.True(again.ExitCode == 0, again.ToString());
        var merged = File.ReadAllText(StackFile);
        Assert.Contains("emigrate:emigrateBackendImageTag: v43\n", merged, StringComparison.Ordinal);
        Assert.Contains("emigrate:emigrateFrontendImageTag: v43\n", merged, StringComparison.Ordinal);
        Assert.DoesNotContain("kept emigrateBackendImageTag", again.Stdout, StringComparison.Ordinal);
        // The option says nothing about counts: the team's scaled-up value stays, and is reported.
        Assert.Contains("emigrate:emigrateBackendWebCount: 4\n", merged, StringComparison.Ordinal);
        Assert.Contains("Pulumi.prod.yaml: kept emigrateBackendWebCount: 4 (the inventory and options give 1)", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_typed_log_retention_replaces_the_edited_one_while_an_edited_image_tag_is_kept()
    {
        await GenerateAndEdit(text => Replace(Replace(text,
            "emigrate:logRetentionDays: 365\n", "emigrate:logRetentionDays: 400\n"),
            "emigrate:emigrateBackendImageTag: initial\n", "emigrate:emigrateBackendImageTag: v42\n"));

        var again = await Generate("--log-retention-days", "731");

        Assert.True(again.ExitCode == 0, again.ToString());
        var merged = File.ReadAllText(StackFile);
        Assert.Contains("emigrate:logRetentionDays: 731\n", merged, StringComparison.Ordinal);
        Assert.DoesNotContain("kept logRetentionDays", again.Stdout, StringComparison.Ordinal);
        Assert.Contains("emigrate:emigrateBackendImageTag: v42\n", merged, StringComparison.Ordinal);
        Assert.Contains("Pulumi.prod.yaml: kept emigrateBackendImageTag: v42 (the inventory and options give initial)", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_option_left_out_keeps_the_value_even_where_it_has_a_default_and_typed_it_wins()
    {
        // --region has a default (us-east-1), so it has a value on every run; only typing it counts.
        await GenerateAndEdit(text => Replace(text, "aws:region: us-east-1\n", "aws:region: eu-west-1\n"));

        var untyped = await Generate();

        Assert.True(untyped.ExitCode == 0, untyped.ToString());
        Assert.Contains("aws:region: eu-west-1\n", File.ReadAllText(StackFile), StringComparison.Ordinal);
        Assert.Contains("Pulumi.prod.yaml: kept aws:region: eu-west-1 (the inventory and options give us-east-1)", untyped.Stdout, StringComparison.Ordinal);

        var typed = await Generate("--region", "us-east-1");

        Assert.True(typed.ExitCode == 0, typed.ToString());
        Assert.Contains("aws:region: us-east-1\n", File.ReadAllText(StackFile), StringComparison.Ordinal);
        Assert.DoesNotContain("Pulumi.prod.yaml: kept", typed.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_stack_config_takes_every_generated_value_but_keeps_secrets()
    {
        const string secure = "  emigrate:emigrateBackendDbSourceUrl:\n    secure: v1:AAAA:BBBB\n";
        await GenerateAndEdit(text => Replace(text, "emigrate:emigrateBackendWebCount: 1\n", "emigrate:emigrateBackendWebCount: 4\n"));
        File.WriteAllText(StackFile, File.ReadAllText(StackFile) + secure);

        var again = await Generate("--reset-stack-config");

        Assert.True(again.ExitCode == 0, again.ToString());
        var merged = File.ReadAllText(StackFile);
        Assert.Contains("emigrate:emigrateBackendWebCount: 1\n", merged, StringComparison.Ordinal);
        Assert.Contains("emigrate:emigrateBackendDbSourceUrl:", merged, StringComparison.Ordinal);
        Assert.Contains("secure: v1:AAAA:BBBB\n", merged, StringComparison.Ordinal);
        Assert.DoesNotContain("Pulumi.prod.yaml: kept", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_nothing_changed_regenerating_writes_the_same_bytes()
    {
        var first = await Generate();
        Assert.True(first.ExitCode == 0, first.ToString());
        var generated = File.ReadAllBytes(StackFile);

        var again = await Generate();

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(generated, File.ReadAllBytes(StackFile));
        Assert.DoesNotContain("Pulumi.prod.yaml: kept", again.Stdout, StringComparison.Ordinal);
    }
}
