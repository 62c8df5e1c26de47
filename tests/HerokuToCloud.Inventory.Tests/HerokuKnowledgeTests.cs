namespace HerokuToCloud.Inventory.Tests;

public class HerokuKnowledgeTests
{
    [Theory]
    [InlineData("shop", true)]
    [InlineData("shop-web-2", true)]
    [InlineData("ab", false)]
    [InlineData("Shop", false)]
    [InlineData("2shop", false)]
    [InlineData("shop-", false)]
    [InlineData("a23456789012345678901234567890", true)]
    [InlineData("a234567890123456789012345678901", false)]
    public void App_names_follow_the_platform_api_pattern(string name, bool valid) =>
        Assert.Equal(valid, HerokuNames.IsAppName(name));

    [Theory]
    [InlineData("Mozilla Foundation site", "mozilla-foundation-site")]
    [InlineData("Start on Heroku: PHP", "start-on-heroku-php")]
    [InlineData("Émigré café", "emigre-cafe")]
    [InlineData("x", "x-app")]
    [InlineData("!!!", null)]
    [InlineData("42", "app-42")]
    public void Free_text_becomes_a_valid_app_name(string text, string? expected)
    {
        var name = HerokuNames.ToAppName(text);
        Assert.Equal(expected, name);
        if (name is not null)
            Assert.True(HerokuNames.IsAppName(name));
    }

    [Theory]
    [InlineData("DATABASE", true)]
    [InlineData("REDIS_CACHE", true)]
    [InlineData("HEROKU_POSTGRESQL_ONYX", true)]
    [InlineData("database", false)]
    [InlineData("_DB", false)]
    public void Attachment_names_are_upper_case(string name, bool valid) =>
        Assert.Equal(valid, HerokuNames.IsAttachmentName(name));

    [Theory]
    [InlineData("www.example.com", true)]
    [InlineData("*.example.com", true)]
    [InlineData("Shop.Example.COM", true)]
    [InlineData("localhost", false)]
    [InlineData("https://example.com", false)]
    [InlineData("exa mple.com", false)]
    public void Hostnames(string name, bool valid) => Assert.Equal(valid, HerokuNames.IsHostname(name));

    [Theory]
    [InlineData("node job.ts", "job")]
    [InlineData("node dist/jobs/expire-carts.js", "expire-carts")]
    [InlineData("bundle exec rake cleanup:old_sessions", "cleanup-old-sessions")]
    [InlineData("RAILS_ENV=production bin/rails runner 'Digest.send_all'", "digest-send-all")]
    [InlineData("python manage.py send_digest --daily", "send-digest-daily")]
    [InlineData("npm run", "job")]
    public void Job_names_come_from_what_the_command_does(string command, string expected)
    {
        var name = ScheduledJobNames.FromCommand(command, new HashSet<string>());
        Assert.Equal(expected, name);
        Assert.True(ScheduledJobNames.IsValid(name));
    }

    [Fact]
    public void Job_names_stay_unique_and_short()
    {
        var taken = new HashSet<string> { "job", "job-2" };
        Assert.Equal("job-3", ScheduledJobNames.FromCommand("node job.ts", taken));

        var longName = ScheduledJobNames.FromCommand("bundle exec rake reports:generate_every_single_quarterly_summary_for_all_regions", new HashSet<string>());
        Assert.True(longName.Length <= ScheduledJobNames.MaxLength);
        Assert.True(ScheduledJobNames.IsValid(longName));
        var second = ScheduledJobNames.FromCommand("bundle exec rake reports:generate_every_single_quarterly_summary_for_all_regions", new HashSet<string> { longName });
        Assert.True(second.Length <= ScheduledJobNames.MaxLength);
        Assert.NotEqual(longName, second);
        Assert.EndsWith("-2", second, StringComparison.Ordinal);
    }

    [Fact]
    public void The_catalog_knows_defaults_for_heroku_data_services_and_guesses_for_others()
    {
        Assert.Equal("essential-0", AddonCatalog.Describe("heroku-postgresql").DefaultPlan);
        Assert.Equal("mini", AddonCatalog.Describe("heroku-redis").DefaultPlan);
        Assert.Equal("standard", AddonCatalog.Describe("scheduler").DefaultPlan);
        Assert.Null(AddonCatalog.Describe("memcachier").DefaultPlan);

        var guessed = AddonCatalog.Describe("foo-bar");
        Assert.False(AddonCatalog.TryFind("foo-bar", out _));
        Assert.Equal("FOO_BAR", guessed.DefaultAttachment);
        Assert.Equal(["FOO_BAR_URL"], guessed.ConfigVarsFor(guessed.DefaultAttachment));
        Assert.Equal(["ANALYTICS_URL", "ANALYTICS_TLS_URL"], AddonCatalog.Describe("heroku-redis").ConfigVarsFor("ANALYTICS"));
        Assert.All(AddonCatalog.All, a => Assert.True(HerokuNames.IsAttachmentName(a.DefaultAttachment)));
    }

    [Fact]
    public void Runtime_vars_are_heroku_set_names_and_web_concurrency_is_not_one()
    {
        Assert.True(RuntimeConfigVars.IsRuntime("PORT"));
        Assert.True(RuntimeConfigVars.IsRuntime("HEROKU_SLUG_COMMIT"));
        Assert.True(RuntimeConfigVars.IsRuntime("JDBC_DATABASE_URL"));
        Assert.False(RuntimeConfigVars.IsRuntime("WEB_CONCURRENCY"));
        Assert.False(RuntimeConfigVars.IsRuntime("DATABASE_URL"));
        Assert.Contains("dyno manager", RuntimeConfigVars.OriginOf("DYNO"), StringComparison.Ordinal);
    }
}
