using HerokuToCloud.Cli.Secrets;
using HerokuToCloud.Landing;
using Moq;

namespace HerokuToCloud.Cli.Tests.Secrets;

/// <summary>The push itself, with the Pulumi CLI replaced: which calls it makes, in which order, and when it makes none.</summary>
public class SecretPushTests
{
    private static readonly SecretAssignment Stripe = new("shop-web-STRIPE_KEY", "shop-web", "STRIPE_KEY", "shop-web-production", "s.yaml:3", "sk_live_canary");
    private static readonly SecretAssignment Session = new("shop-web-SESSION_SECRET", "shop-web", "SESSION_SECRET", "shop-web-production", "s.yaml:2", "session-canary");
    private static readonly SecretAssignment Worker = new("shop-worker-TOKEN", "shop-worker", "TOKEN", "shop-worker-production", "s.yaml:5", "worker-canary");

    private static readonly MissingSecretValue Banner = new(
        "shop-web-BANNER", "shop-web", "BANNER", "shop-web-production", MissingSecretReason.NotInFile, "s.yaml has no BANNER under shop-web-production:.");

    private static StackSecretConfig Config(IReadOnlyList<MissingSecretValue>? missing = null) => new()
    {
        System = "shop",
        Stack = "prod",
        Stage = "production",
        Assignments = [Session, Stripe, Worker],
        Missing = missing ?? [],
    };

    private static SecretPushOptions Options(bool dryRun = false, bool allowMissing = false) =>
        new("/work/landing", "prod", "shop", dryRun, allowMissing);

    private static Mock<IPulumiCli> Pulumi(Func<string, PulumiCallResult>? answer = null)
    {
        var pulumi = new Mock<IPulumiCli>(MockBehavior.Strict);
        pulumi.Setup(p => p.SetSecretConfigAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, string _, string key, string _, CancellationToken _) => answer?.Invoke(key) ?? new PulumiCallResult(0, ""));
        return pulumi;
    }

    private static Task<SecretPushResult> Push(Mock<IPulumiCli>? pulumi, StackSecretConfig config, SecretPushOptions options, List<SecretPushOutcome>? progress = null) =>
        new SecretPush(pulumi?.Object).RunAsync(config, "s.yaml", null, options, progress is null ? null : progress.Add, CancellationToken.None);

    [Fact]
    public async Task Sets_every_key_in_key_order_with_the_project_namespace_and_the_value()
    {
        var pulumi = Pulumi();
        var calls = new List<string>();
        pulumi.Setup(p => p.SetSecretConfigAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback((string dir, string stack, string key, string value, CancellationToken _) => calls.Add($"{dir}|{stack}|{key}|{value}"))
            .ReturnsAsync(new PulumiCallResult(0, ""));
        var progress = new List<SecretPushOutcome>();

        var result = await Push(pulumi, Config(), Options(), progress);

        Assert.Equal(
            [
                "/work/landing|prod|shop:shop-web-SESSION_SECRET|session-canary",
                "/work/landing|prod|shop:shop-web-STRIPE_KEY|sk_live_canary",
                "/work/landing|prod|shop:shop-worker-TOKEN|worker-canary",
            ],
            calls);
        Assert.All(result.Outcomes, o => Assert.Equal(SecretPushStatus.Set, o.Status));
        Assert.Equal(["shop:shop-web-SESSION_SECRET", "shop:shop-web-STRIPE_KEY", "shop:shop-worker-TOKEN"], progress.Select(o => o.Key));
        Assert.Equal(0, result.ExitCode);
        Assert.Null(result.Failure);
    }

    [Fact]
    public async Task Missing_keys_hold_the_whole_push_and_exit_1()
    {
        var pulumi = Pulumi();

        var result = await Push(pulumi, Config([Banner]), Options());

        pulumi.VerifyNoOtherCalls();
        Assert.All(result.Outcomes, o => Assert.Equal(SecretPushStatus.Held, o.Status));
        Assert.True(result.Held);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task Allow_missing_sets_the_others_and_exits_0()
    {
        var pulumi = Pulumi();

        var result = await Push(pulumi, Config([Banner]), Options(allowMissing: true));

        pulumi.Verify(p => p.SetSecretConfigAsync("/work/landing", "prod", It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Exactly(3));
        pulumi.Verify(p => p.SetSecretConfigAsync(It.IsAny<string>(), It.IsAny<string>(), "shop:shop-web-BANNER", It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Equal(3, result.Count(SecretPushStatus.Set));
        Assert.False(result.Held);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task A_dry_run_calls_nothing_and_needs_no_pulumi()
    {
        var result = await Push(null, Config(), Options(dryRun: true));

        Assert.All(result.Outcomes, o => Assert.Equal(SecretPushStatus.WouldSet, o.Status));
        Assert.True(result.DryRun);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(1, (await Push(null, Config([Banner]), Options(dryRun: true))).ExitCode);
    }

    [Fact]
    public async Task The_first_failure_stops_the_push_masks_the_value_and_exits_2()
    {
        var pulumi = Pulumi(key => key == "shop:shop-web-STRIPE_KEY"
            ? new PulumiCallResult(255, "error: bad value sk_live_canary for stack prod")
            : new PulumiCallResult(0, ""));

        var result = await Push(pulumi, Config(), Options());

        Assert.Equal(
            [SecretPushStatus.Set, SecretPushStatus.Failed, SecretPushStatus.NotAttempted],
            result.Outcomes.Select(o => o.Status));
        pulumi.Verify(p => p.SetSecretConfigAsync(It.IsAny<string>(), It.IsAny<string>(), "shop:shop-worker-TOKEN", It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Equal(new SecretPushFailure("shop:shop-web-STRIPE_KEY", 255, "error: bad value [secret] for stack prod"), result.Failure);
        Assert.Equal(2, result.ExitCode);
    }

    [Theory]
    [InlineData("bad: -----BEGIN-----\nline-secret\n-----END-----", "-----BEGIN-----\nline-secret\n-----END-----\n", "bad: [secret]")]
    [InlineData("near line-secret here", "-----BEGIN-----\nline-secret\n-----END-----\n", "near [secret] here")]
    [InlineData("value ' padded ' seen", " padded ", "value '[secret]' seen")]
    [InlineData("value 'padded' seen", " padded ", "value '[secret]' seen")]
    [InlineData("exit 1 on stack prod", "1", "exit 1 on stack prod")]
    public void Whatever_pulumi_prints_is_masked(string output, string value, string expected) =>
        Assert.Equal(expected, SecretPush.Mask(output, value));

    [Fact]
    public void The_text_report_names_keys_and_never_values()
    {
        var config = Config([Banner]) with
        {
            Skipped = [new SkippedSecret("shop-web", "DATABASE_URL", SkippedSecretReason.Datastore, "the program builds it from datastore shop-web-db (URL).")],
            Unused = [new UnusedSecretValue("shop-web-staging", null, 4, "s.yaml:9", UnusedSecretReason.OtherStage, "is the staging app.")],
        };
        var program = new ProgramSecretKeys("/work/landing/Pulumi.yaml", "shop", ["shopWebDbSourceUrl"]);
        var result = new SecretPushResult(config, "s.yaml", program, false, config.Assignments.Select(a => new SecretPushOutcome(a, "shop:" + a.ConfigKey, SecretPushStatus.Held)).ToList(), null);
        var text = new StringWriter();

        SecretPushText.WriteHeader(text, config, "s.yaml", program, "my landing");
        SecretPushText.WriteSummary(text, result, Options() with { Directory = "my landing" });

        var output = text.ToString();
        Assert.DoesNotContain("canary", output);
        Assert.Contains("secrets push: shop stack prod (production values), values from s.yaml, program /work/landing/Pulumi.yaml", output);
        Assert.Contains("Missing values: 1 key of stack prod has no value in s.yaml, so nothing was set:\n  shop:shop-web-BANNER: s.yaml has no BANNER", output.ReplaceLineEndings("\n"));
        Assert.Contains("shop-web-production:\n  BANNER: \"\"\n", output.ReplaceLineEndings("\n"));
        Assert.Contains("add --allow-missing to set the other 3 values now", output);
        Assert.Contains("  shop-web DATABASE_URL: the program builds it from datastore shop-web-db (URL).", output);
        Assert.Contains("  s.yaml:9 shop-web-staging (4 values): is the staging app.", output);
        Assert.Contains("  pulumi config set --secret shop:shopWebDbSourceUrl --stack prod -C 'my landing'", output);
        Assert.DoesNotContain("Next:", output);
    }

    [Fact]
    public async Task An_optional_var_without_a_value_is_set_empty_unless_the_stack_has_a_value_and_never_holds_the_push()
    {
        var banner = new SecretAssignment("shop-web-BANNER", "shop-web", "BANNER", "shop-web-production", "optional, no value in s.yaml", "") { Optional = true };
        var tagline = new SecretAssignment("shop-web-TAGLINE", "shop-web", "TAGLINE", "shop-web-production", "optional, no value in s.yaml", "") { Optional = true };
        var config = Config() with { Assignments = [banner, Session, Stripe, tagline] };
        var calls = new List<string>();
        var pulumi = Pulumi();
        pulumi.Setup(p => p.SetSecretConfigAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback((string _, string _, string key, string value, CancellationToken _) => calls.Add($"{key}|{value}"))
            .ReturnsAsync(new PulumiCallResult(0, ""));

        // TAGLINE was pushed before (or set by hand): an empty value must not replace it.
        var result = await Push(pulumi, config, Options() with { StackKeys = new HashSet<string>(["shop:shop-web-TAGLINE"]) });

        Assert.Equal(["shop:shop-web-BANNER|", "shop:shop-web-SESSION_SECRET|session-canary", "shop:shop-web-STRIPE_KEY|sk_live_canary"], calls);
        Assert.Equal(SecretPushStatus.Kept, result.Outcomes.Single(o => o.Assignment == tagline).Status);
        Assert.Equal(0, result.ExitCode);
    }
}
