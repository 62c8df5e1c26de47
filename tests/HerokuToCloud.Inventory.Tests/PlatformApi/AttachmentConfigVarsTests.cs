using HerokuToCloud.Inventory.Readers.PlatformApi;
using HerokuToCloud.Inventory.Readers.PlatformApi.Resources;

namespace HerokuToCloud.Inventory.Tests.PlatformApi;

public class AttachmentConfigVarsTests
{
    private static AddonResource Addon(string owner, params string[] vars) => new()
    {
        Id = "a1",
        Name = "addon-1",
        App = new NamedReference { Name = owner },
        ConfigVars = vars,
    };

    private static AddonAttachmentResource Attachment(string name, string app, IReadOnlyList<string>? included = null) => new()
    {
        Name = name,
        App = new NamedReference { Name = app },
        ConfigVars = included,
    };

    [Fact]
    public void Suffixes_of_the_add_ons_vars_are_renamed_after_each_attachment()
    {
        var addon = Addon("web", "REDIS_URL", "REDIS_TLS_URL");

        var vars = AttachmentConfigVars.For(Attachment("CACHE", "worker"), addon, ["REDIS", "CACHE"], new HashSet<string> { "CACHE_URL", "CACHE_TLS_URL", "OTHER" });

        Assert.Equal(["CACHE_TLS_URL", "CACHE_URL"], vars);
    }

    [Fact]
    public void The_longest_attachment_name_wins_as_prefix()
    {
        var addon = Addon("web", "DATABASE_READ_URL");

        var vars = AttachmentConfigVars.For(Attachment("REPORTS", "web"), addon, ["DATABASE", "DATABASE_READ"], new HashSet<string>());

        Assert.Equal(["REPORTS_URL"], vars);
    }

    [Fact]
    public void Only_vars_the_app_really_has_are_kept_when_any_matches()
    {
        var addon = Addon("web", "REDIS_URL", "REDIS_TLS_URL");

        var vars = AttachmentConfigVars.For(Attachment("REDIS", "web"), addon, ["REDIS"], new HashSet<string> { "REDIS_URL" });

        Assert.Equal(["REDIS_URL"], vars);
    }

    [Fact]
    public void An_add_on_whose_vars_are_unknown_falls_back_to_NAME_URL()
    {
        var vars = AttachmentConfigVars.For(Attachment("SEARCH", "web"), Addon("web") with { ConfigVars = null }, ["SEARCH"], new HashSet<string>());

        Assert.Equal(["SEARCH_URL"], vars);
    }

    [Fact]
    public void An_add_on_that_sets_no_vars_injects_none()
    {
        var vars = AttachmentConfigVars.For(Attachment("SCHEDULER", "worker"), Addon("worker"), ["SCHEDULER"], new HashSet<string>());

        Assert.Empty(vars);
    }

    [Fact]
    public void A_var_matching_no_attachment_applies_to_the_owning_app_only()
    {
        var addon = Addon("web", "SENDGRID_USERNAME");

        Assert.Equal(["SENDGRID_USERNAME"], AttachmentConfigVars.For(Attachment("MAIL", "web"), addon, ["MAIL"], new HashSet<string> { "SENDGRID_USERNAME" }));
        Assert.Equal(["MAIL_URL"], AttachmentConfigVars.For(Attachment("MAIL", "worker"), addon, ["MAIL"], new HashSet<string>()));
    }

    [Fact]
    public void Vars_heroku_includes_on_the_attachment_are_used_as_they_are()
    {
        var vars = AttachmentConfigVars.For(Attachment("DATABASE", "web", ["DATABASE_URL", "DATABASE_URL"]), Addon("web", "X_URL"), ["DATABASE"], new HashSet<string>());

        Assert.Equal(["DATABASE_URL"], vars);
    }
}
