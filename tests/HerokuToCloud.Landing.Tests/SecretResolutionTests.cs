using HerokuToCloud.Inventory;
using static HerokuToCloud.Landing.Tests.Support.Inventories;

namespace HerokuToCloud.Landing.Tests;

public class SecretResolutionTests
{
    [Fact]
    public void Team_vars_come_from_secret_config_keyed_by_app_and_var()
    {
        var app = App("billing-api", Proc("web")) with { Config = [Team("STRIPE_KEY"), Team("API_TOKEN")] };

        var landing = LandingPlanner.Plan(Single(app), "prod").Apps[0];

        Assert.Equal(
            [new SecretEntry("API_TOKEN", new FromSecretConfig("billing-api-API_TOKEN")), new SecretEntry("STRIPE_KEY", new FromSecretConfig("billing-api-STRIPE_KEY"))],
            landing.Secrets);
        Assert.Equal("billing-api-STRIPE_KEY", SecretResolution.ConfigKey("billing-api", "STRIPE_KEY"));
    }

    [Theory]
    [InlineData(1, "set 1 secret config value in every stack", "1 config var is a secret to supply in every environment")]
    [InlineData(2, "set 2 secret config values in every stack", "2 config vars are secrets to supply in every environment")]
    public void The_finding_on_secret_config_to_set_counts_one_in_the_singular(int vars, string message, string lead)
    {
        var app = App("app", Proc("web")) with { Config = [.. Enumerable.Range(1, vars).Select(i => Team($"KEY_{i}"))] };

        var finding = Assert.Single(LandingPlanner.Plan(Single(app), "prod").Findings, f => f.Subject == "apps[app]" && f.Config is not null);

        Assert.StartsWith(message, finding.Message, StringComparison.Ordinal);
        Assert.Equal(lead, finding.Config!.Lead);
    }

    [Fact]
    public void Generated_vars_are_generated()
    {
        var app = App("app", Proc("web")) with { Config = [Generated("SECRET_KEY_BASE")] };

        var secret = Assert.Single(LandingPlanner.Plan(Single(app), "prod").Apps[0].Secrets);

        Assert.Equal(new SecretEntry("SECRET_KEY_BASE", new GeneratedSecret()), secret);
    }

    [Theory]
    [InlineData("PORT", FindingSeverity.Info, "Service.Port")]                                   // the new platform sets its own
    [InlineData("DYNO", FindingSeverity.Warning, "the dyno manager sets it to the dyno's name")]  // nothing sets these:
    [InlineData("HEROKU_SLUG_COMMIT", FindingSeverity.Warning, "dyno metadata (labs: runtime-dyno-metadata)")] // the app
    [InlineData("JDBC_DATABASE_URL", FindingSeverity.Warning, "DATABASE_URL")]                   // that reads one breaks
    public void Runtime_vars_are_dropped_with_one_finding_saying_who_sets_them(string var, FindingSeverity severity, string reason)
    {
        var app = App("app", Proc("web")) with { Config = [Runtime(var), Team("KEEP")] };

        var plan = LandingPlanner.Plan(Single(app), "prod");

        Assert.DoesNotContain(plan.Apps[0].Secrets, s => s.Name == var);
        Assert.DoesNotContain(var, plan.Apps[0].BuildSecrets);
        var finding = Assert.Single(plan.Findings, f => f.Message.Contains(var, StringComparison.Ordinal) || f.Subject.Contains(var, StringComparison.Ordinal));
        Assert.Equal($"apps[app].config[{var}]", finding.Subject);
        Assert.Equal(severity, finding.Severity);
        Assert.Contains(reason, finding.Message);
    }

    [Fact]
    public void Build_time_vars_are_build_secrets_only()
    {
        var app = App("app", Proc("web")) with { Config = [Team("NPM_TOKEN", buildTime: true), Team("NEXT_PUBLIC_URL", buildTime: true), Team("RUNTIME")] };

        var plan = LandingPlanner.Plan(Single(app), "prod");

        Assert.Equal(["NEXT_PUBLIC_URL", "NPM_TOKEN"], plan.Apps[0].BuildSecrets);
        Assert.Equal(["RUNTIME"], plan.Apps[0].Secrets.Select(s => s.Name));
        Assert.Contains(plan.Findings, f => f.Subject == "apps[app].config[NPM_TOKEN]" && f.Severity == FindingSeverity.Info && f.Message.Contains("build"));
    }

    [Fact]
    public void Every_var_an_attachment_names_is_rebuilt_even_when_config_omits_it()
    {
        var app = App("app", Proc("web")) with { Config = [Injected("DATABASE_URL", "db")] };
        var db = Addon("db", "heroku-postgresql", "standard-0",
            Attach("app", "DATABASE", "DATABASE_URL"),
            Attach("app", "HEROKU_POSTGRESQL_ONYX", "HEROKU_POSTGRESQL_ONYX_URL"));

        var plan = LandingPlanner.Plan(Single(app, db), "prod");

        Assert.Equal(
            [
                new SecretEntry("DATABASE_URL", new FromDatastore("app-db", DatastoreUrl.Url)),
                new SecretEntry("HEROKU_POSTGRESQL_ONYX_URL", new FromDatastore("app-db", DatastoreUrl.Url)),
            ],
            plan.Apps[0].Secrets);
    }

    [Theory]
    [InlineData("A_DB=B_DB C_DB=DATABASE_URL B_DB=C_DB")]
    [InlineData("C_DB=DATABASE_URL B_DB=C_DB A_DB=B_DB")]
    [InlineData("A_DB=B_DB B_DB=C_DB C_DB=DATABASE_URL")]
    public void A_chain_of_references_to_a_datastore_url_gets_the_new_url_whatever_the_order(string references)
    {
        var config = references.Split(' ').Select(r => r.Split('=')).Select(p => Team(p[0]) with { RefersTo = p[1] }).Append(Injected("DATABASE_URL", "db"));
        var app = App("app", Proc("web")) with { Config = [.. config] };
        var db = Addon("db", "heroku-postgresql", "standard-0", Attach("app", "DATABASE", "DATABASE_URL"));

        var plan = LandingPlanner.Plan(Single(app, db), "prod");

        var store = new FromDatastore("app-db", DatastoreUrl.Url);
        Assert.Equal(
            [new SecretEntry("A_DB", store), new SecretEntry("B_DB", store), new SecretEntry("C_DB", store), new SecretEntry("DATABASE_URL", store)],
            plan.Apps[0].Secrets);
        Assert.DoesNotContain(plan.Findings, f => f.Message.Contains("A_DB", StringComparison.Ordinal));
    }

    [Fact]
    public void A_var_naming_another_apps_datastore_url_gets_the_new_url_and_its_app_reaches_the_datastore()
    {
        // shop-admin's DATABASE_URL was set by hand to shop-web's Heroku Postgres URL; capture records refersToApp.
        var web = App("shop-web", Proc("web")) with { Config = [Injected("DATABASE_URL", "db"), Injected("REDIS_TLS_URL", "cache")] };
        var admin = App("shop-admin", Proc("web")) with
        {
            Config =
            [
                Team("DATABASE_URL") with { RefersTo = "DATABASE_URL", RefersToApp = "shop-web" },
                Team("CACHE") with { RefersTo = "REDIS_TLS_URL", RefersToApp = "shop-web" },
                Team("LOGS") with { RefersTo = "PAPERTRAIL_API_TOKEN", RefersToApp = "shop-web" },
            ],
        };
        var db = Addon("db", "heroku-postgresql", "standard-0", Attach("shop-web", "DATABASE", "DATABASE_URL"));
        var cache = Addon("cache", "heroku-redis", "premium-0", Attach("shop-web", "REDIS", "REDIS_TLS_URL"));
        var logs = Addon("logs", "papertrail", "choklad", Attach("shop-web", "PAPERTRAIL", "PAPERTRAIL_API_TOKEN"));

        var plan = LandingPlanner.Plan(Sys("shop", [web, admin], db, cache, logs), "prod");

        var landing = plan.Apps.Single(a => a.Name == "shop-admin");
        Assert.Equal(
            [
                new SecretEntry("CACHE", new FromDatastore("shop-web-redis", DatastoreUrl.TlsUrl)),
                new SecretEntry("DATABASE_URL", new FromDatastore("shop-web-db", DatastoreUrl.Url)),
                // Papertrail is not rebuilt: the value stays the team's to give, under the admin app's own key.
                new SecretEntry("LOGS", new FromSecretConfig("shop-admin-LOGS")),
            ],
            landing.Secrets);
        // Named after shop-web's attachment as before, and reachable from shop-admin, which was not attached.
        Assert.Equal(["shop-admin", "shop-web"], plan.Datastores.Single(d => d.Name == "shop-web-db").Apps);
        Assert.Equal(["shop-admin", "shop-web"], plan.Datastores.Single(d => d.Name == "shop-web-redis").Apps);
    }

    [Fact]
    public void A_loop_of_references_is_an_error_naming_the_key_and_the_loop()
    {
        // The readers refuse it; an inventory built another way must not loop, nor pass as secret config.
        var app = App("app", Proc("web")) with { Config = [Team("KEEP"), Team("X_DB") with { RefersTo = "Y_DB" }, Team("Y_DB") with { RefersTo = "X_DB" }] };

        var error = Assert.Throws<LandingException>(() => LandingPlanner.Plan(Single(app), "prod"));

        Assert.StartsWith("apps[app].config[X_DB]: the config vars X_DB, Y_DB refer to each other in a loop (X_DB → Y_DB → X_DB)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Attachment_without_vars_injects_name_url()
    {
        var plan = LandingPlanner.Plan(Single(App("app", Proc("web")), Addon("cache", "heroku-redis", "mini", Attach("app", "REDIS_CACHE"))), "prod");

        Assert.Equal([new SecretEntry("REDIS_CACHE_URL", new FromDatastore("app-redis-cache", DatastoreUrl.Url))], plan.Apps[0].Secrets);
    }

    [Fact]
    public void Redis_tls_vars_get_the_tls_url()
    {
        var plan = LandingPlanner.Plan(
            Single(App("app", Proc("web")), Addon("cache", "heroku-redis", "premium-0", Attach("app", "REDIS", "REDIS_URL", "REDIS_TLS_URL", "REDISS_URL"))),
            "prod");

        Assert.Equal(
            [
                new SecretEntry("REDISS_URL", new FromDatastore("app-redis", DatastoreUrl.TlsUrl)),
                new SecretEntry("REDIS_TLS_URL", new FromDatastore("app-redis", DatastoreUrl.TlsUrl)),
                new SecretEntry("REDIS_URL", new FromDatastore("app-redis", DatastoreUrl.Url)),
            ],
            plan.Apps[0].Secrets);
    }

    [Fact]
    public void Shared_database_attached_under_different_names_is_rebuilt_for_both_apps()
    {
        var system = Sys(
            "shared",
            [
                App("api", Proc("web")) with { Config = [Injected("DATABASE_URL", "main-db")] },
                App("reports", Proc("worker")) with { Config = [Injected("HEROKU_POSTGRESQL_PINK_URL", "main-db")] },
            ],
            Addon("main-db", "heroku-postgresql", "standard-2",
                Attach("api", "DATABASE", "DATABASE_URL"),
                Attach("reports", "HEROKU_POSTGRESQL_PINK", "HEROKU_POSTGRESQL_PINK_URL")));

        var plan = LandingPlanner.Plan(system, "prod");

        var datastore = Assert.Single(plan.Datastores);
        Assert.Equal("api-db", datastore.Name);
        Assert.Equal(["api", "reports"], datastore.Apps);
        Assert.Equal([new SecretEntry("DATABASE_URL", new FromDatastore("api-db", DatastoreUrl.Url))], plan.Apps.Single(a => a.Name == "api").Secrets);
        Assert.Equal(
            [new SecretEntry("HEROKU_POSTGRESQL_PINK_URL", new FromDatastore("api-db", DatastoreUrl.Url))],
            plan.Apps.Single(a => a.Name == "reports").Secrets);
        Assert.DoesNotContain(plan.Apps.SelectMany(a => a.Secrets), s => s.Source is FromSecretConfig);
    }

    [Fact]
    public void Attachment_wins_over_a_team_entry_of_the_same_name()
    {
        var app = App("app", Proc("web")) with { Config = [Team("DATABASE_URL")] };

        var plan = LandingPlanner.Plan(Single(app, Addon("db", "heroku-postgresql", "mini", Attach("app", "DATABASE", "DATABASE_URL"))), "prod");

        Assert.Equal(new FromDatastore("app-db", DatastoreUrl.Url), Assert.Single(plan.Apps[0].Secrets).Source);
    }

    [Fact]
    public void Config_var_naming_a_missing_addon_is_an_error_naming_the_key()
    {
        var app = App("app", Proc("web")) with { Config = [Injected("DATABASE_URL", "postgresql-gone-123")] };

        var error = Assert.Throws<LandingException>(() => LandingPlanner.Plan(Single(app), "prod"));

        Assert.Contains("apps[app].config[DATABASE_URL].addon", error.Message);
        Assert.Contains("postgresql-gone-123", error.Message);
    }

    [Fact]
    public void Addon_var_without_an_addon_is_an_error_naming_the_key()
    {
        var app = App("app", Proc("web")) with
        {
            Config = [new ConfigVar { Name = "REDIS_URL", Kind = ConfigVarKind.Addon, Value = ConfigValueSource.Addon }],
        };

        var error = Assert.Throws<LandingException>(() => LandingPlanner.Plan(Single(app, Addon("cache", "heroku-redis", "mini")), "prod"));

        Assert.Contains("apps[app].config[REDIS_URL].addon", error.Message);
        Assert.Contains("cache", error.Message);
    }

    [Fact]
    public void Config_var_naming_its_addon_without_an_attachment_is_still_rebuilt()
    {
        var app = App("app", Proc("web")) with { Config = [Injected("DATABASE_URL", "db")] };

        var plan = LandingPlanner.Plan(Single(app, Addon("db", "heroku-postgresql", "mini")), "prod");

        Assert.Equal(new FromDatastore("app-db", DatastoreUrl.Url), Assert.Single(plan.Apps[0].Secrets).Source);
        Assert.Equal(["app"], plan.Datastores[0].Apps);
    }

    [Fact]
    public void Unsupported_addon_vars_are_kept_as_team_secret_config()
    {
        var app = App("app", Proc("web")) with { Config = [Injected("SENDGRID_API_KEY", "mail")] };
        var mail = Addon("mail", "sendgrid", "starter", Attach("app", "SENDGRID", "SENDGRID_API_KEY", "SENDGRID_USERNAME"));

        var plan = LandingPlanner.Plan(Single(app, mail), "prod");

        Assert.Equal(
            [
                new SecretEntry("SENDGRID_API_KEY", new FromSecretConfig("app-SENDGRID_API_KEY")),
                new SecretEntry("SENDGRID_USERNAME", new FromSecretConfig("app-SENDGRID_USERNAME")),
            ],
            plan.Apps[0].Secrets);
        Assert.Empty(plan.Datastores);
    }

    [Fact]
    public void Var_claimed_by_two_addons_is_an_error()
    {
        var system = Single(
            App("app", Proc("web")),
            Addon("a", "heroku-redis", "mini", Attach("app", "REDIS", "REDIS_URL")),
            Addon("b", "rediscloud", "30", Attach("app", "REDISCLOUD", "REDIS_URL")));

        var error = Assert.Throws<LandingException>(() => LandingPlanner.Plan(system, "prod"));

        Assert.Contains("apps[app].config[REDIS_URL]", error.Message);
    }

    [Theory]
    [InlineData("MY-VAR")]
    [InlineData("1VAR")]
    [InlineData("A B")]
    public void Unusable_var_names_are_an_error(string name)
    {
        var app = App("app", Proc("web")) with { Config = [Team(name)] };

        var error = Assert.Throws<LandingException>(() => LandingPlanner.Plan(Single(app), "prod"));

        Assert.Contains($"apps[app].config[{name}]", error.Message);
    }

    [Fact]
    public void Secrets_are_ordered_by_name_whatever_the_inventory_order()
    {
        var app = App("app", Proc("web")) with { Config = [Team("ZED"), Team("ALPHA"), Generated("MIDDLE"), Team("BETA")] };

        var names = LandingPlanner.Plan(Single(app), "prod").Apps[0].Secrets.Select(s => s.Name);

        Assert.Equal(["ALPHA", "BETA", "MIDDLE", "ZED"], names);
    }

    [Fact]
    public void A_finding_lists_the_secret_config_keys_to_set()
    {
        var app = App("app", Proc("web")) with { Config = [Team("B_KEY"), Team("A_KEY")] };

        var plan = LandingPlanner.Plan(Single(app), "prod");

        var finding = Assert.Single(plan.Findings, f => f.Subject == "apps[app]" && f.Message.Contains("pulumi config set --secret"));
        Assert.Contains("app-A_KEY, app-B_KEY", finding.Message);
    }
}
