using HerokuToCloud.Inventory;
using HerokuToCloud.Inventory.Readers.Secrets;
using static HerokuToCloud.Landing.Tests.Support.Inventories;

namespace HerokuToCloud.Landing.Tests;

public class SecretAssignmentsTests
{
    /// <summary>Both stages of the Shop pipeline with the team's vars only, as a manifest capture is filled in by hand.</summary>
    private const string Captured = """
        shop-web-production:
          SECRET_KEY_BASE: "prod-skb-canary"
          STRIPE_KEY: "sk_live_canary"
        shop-web-staging:
          SECRET_KEY_BASE: "staging-skb-canary"
          STAGING_BANNER: "staging!"
          STRIPE_KEY: "sk_test_canary"
        """;

    private static StackSecretConfig Match(HerokuSystem system, string stack, string yaml) =>
        SecretAssignments.Match(system, LandingPlanner.Plan(system, stack), SecretsFileReader.Read(yaml, "secrets.yaml"));

    [Fact]
    public void The_prod_stack_takes_the_production_apps_values_under_app_dash_var_keys()
    {
        var config = Match(Shop(), "prod", Captured);

        Assert.Equal(("shop", "prod", "production"), (config.System, config.Stack, config.Stage));
        Assert.Equal(
            [
                new SecretAssignment("shop-web-SECRET_KEY_BASE", "shop-web", "SECRET_KEY_BASE", "shop-web-production", "secrets.yaml:2", "prod-skb-canary"),
                new SecretAssignment("shop-web-STRIPE_KEY", "shop-web", "STRIPE_KEY", "shop-web-production", "secrets.yaml:3", "sk_live_canary"),
            ],
            config.Assignments);
    }

    [Fact]
    public void The_staging_stack_takes_the_staging_apps_values()
    {
        var config = Match(Shop(), "staging", Captured);

        Assert.Equal(
            [("shop-web-SECRET_KEY_BASE", "staging-skb-canary"), ("shop-web-STAGING_BANNER", "staging!"), ("shop-web-STRIPE_KEY", "sk_test_canary")],
            config.Assignments.Select(a => (a.ConfigKey, a.Value)));
        Assert.All(config.Assignments, a => Assert.Equal("shop-web-staging", a.HerokuApp));
    }

    [Fact]
    public void Every_key_the_plan_reads_from_secret_config_is_assigned_or_missing()
    {
        foreach (var stack in new[] { "prod", "staging" })
        {
            var plan = LandingPlanner.Plan(Shop(), stack);
            var config = SecretAssignments.Match(Shop(), plan, SecretsFileReader.Read(Captured, "secrets.yaml"));

            var keys = plan.Apps.SelectMany(a => a.Secrets).Select(s => s.Source).OfType<FromSecretConfig>().Select(c => c.ConfigKey).Order(StringComparer.Ordinal);
            Assert.Equal(keys, config.Assignments.Select(a => a.ConfigKey).Concat(config.Missing.Select(m => m.ConfigKey)).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void An_add_on_var_kept_as_secret_config_without_a_value_says_how_to_fill_it()
    {
        var missing = Match(Shop(), "prod", Captured).Missing.Single(m => m.Var == "PAPERTRAIL_API_TOKEN");

        Assert.Equal(("shop-web-PAPERTRAIL_API_TOKEN", "shop-web-production", MissingSecretReason.AddonValue), (missing.ConfigKey, missing.HerokuApp, missing.Reason));
        Assert.Contains("add-on shop-papertrail (papertrail)", missing.Message);
        Assert.Contains("capture --app shop-web-production --secrets-out", missing.Message);
        Assert.Contains("heroku config:get PAPERTRAIL_API_TOKEN -a shop-web-production", missing.Message);
        Assert.Contains("under shop-web-production:", missing.Message);
    }

    [Fact]
    public void An_add_on_value_in_the_file_as_capture_keeps_it_is_assigned_to_its_key()
    {
        var withToken = Captured.Replace("  STRIPE_KEY: \"sk_live_canary\"", "  STRIPE_KEY: \"sk_live_canary\"\n  PAPERTRAIL_API_TOKEN: \"pt-canary\"", StringComparison.Ordinal);

        var config = Match(Shop(), "prod", withToken);

        Assert.DoesNotContain(config.Missing, m => m.Var == "PAPERTRAIL_API_TOKEN");
        Assert.Contains(new SecretAssignment("shop-web-PAPERTRAIL_API_TOKEN", "shop-web", "PAPERTRAIL_API_TOKEN", "shop-web-production", "secrets.yaml:4", "pt-canary"), config.Assignments);
    }

    [Fact]
    public void A_var_only_other_stages_set_is_missing_until_the_file_gives_this_stage_a_value()
    {
        var missing = Match(Shop(), "prod", Captured).Missing.Single(m => m.Var == "STAGING_BANNER");
        Assert.Equal(MissingSecretReason.OnlyOtherStages, missing.Reason);
        Assert.Contains("only shop-web-staging does", missing.Message);

        var filled = Match(Shop(), "prod", Captured.Replace("  STRIPE_KEY: \"sk_live_canary\"", "  STRIPE_KEY: \"sk_live_canary\"\n  STAGING_BANNER: \"\"", StringComparison.Ordinal));
        Assert.Contains(filled.Assignments, a => a.ConfigKey == "shop-web-STAGING_BANNER" && a.Value == "");
    }

    [Fact]
    public void A_value_absent_from_the_apps_section_is_missing_with_the_heroku_command_that_shows_it()
    {
        var missing = Match(Shop(), "prod", "shop-web-production:\n  STRIPE_KEY: \"x\"\n").Missing.Single(m => m.Var == "SECRET_KEY_BASE");

        Assert.Equal(MissingSecretReason.NotInFile, missing.Reason);
        Assert.Equal("secrets.yaml has no SECRET_KEY_BASE under shop-web-production: (its value on Heroku: `heroku config:get SECRET_KEY_BASE -a shop-web-production`).", missing.Message);
    }

    [Fact]
    public void A_file_without_the_stacks_app_misses_every_key_and_names_the_section_to_add()
    {
        var config = Match(Shop(), "prod", "shop-web-staging:\n  STRIPE_KEY: \"x\"\n");

        Assert.Empty(config.Assignments);
        Assert.All(config.Missing, m => Assert.Equal(MissingSecretReason.AppNotInFile, m.Reason));
        Assert.Contains("secrets.yaml has no section for shop-web-production", config.Missing[0].Message);
    }

    [Fact]
    public void A_role_without_an_app_in_the_stage_cannot_be_filled_from_the_file()
    {
        var admin = App("shop-admin-production", Proc("web")) with
        {
            Pipeline = new PipelineCoupling("shop", PipelineStage.Production),
            Config = [Team("ADMIN_TOKEN")],
        };
        var system = Shop() with { Apps = [.. Shop().Apps, admin] };

        var missing = Match(system, "staging", Captured + "\nshop-admin-production:\n  ADMIN_TOKEN: \"t\"\n").Missing.Single(m => m.App == "shop-admin");

        Assert.Equal(("shop-admin-ADMIN_TOKEN", null, MissingSecretReason.NoAppInStage), (missing.ConfigKey, missing.HerokuApp, missing.Reason));
        Assert.Contains("no Heroku app of the staging stage plays the role of shop-admin", missing.Message);
        Assert.Contains("pulumi config set --secret shop-admin-ADMIN_TOKEN --stack staging", missing.Message);
    }

    [Fact]
    public void Generated_datastore_and_build_time_secrets_are_skipped_with_the_reason()
    {
        var skipped = Match(Shop(), "prod", Captured).Skipped;

        Assert.Equal(
            [
                ("DATABASE_URL", SkippedSecretReason.Datastore),
                ("HEROKU_POSTGRESQL_ONYX_URL", SkippedSecretReason.Datastore),
                ("NPM_TOKEN", SkippedSecretReason.BuildTime),
                ("REDIS_TLS_URL", SkippedSecretReason.Datastore),
                ("REDIS_URL", SkippedSecretReason.Datastore),
            ],
            skipped.Select(s => (s.Var, s.Reason)));
        Assert.Contains("datastore shop-web-redis (TLS URL)", skipped.Single(s => s.Var == "REDIS_TLS_URL").Message);

        var app = App("rails", Proc("web")) with { Config = [Generated("SECRET_KEY_BASE")] };
        var generated = Assert.Single(Match(Single(app), "prod", "").Skipped);
        Assert.Equal(SkippedSecretReason.Generated, generated.Reason);
        Assert.Contains("random value (64 characters)", generated.Message);
    }

    [Fact]
    public void Values_the_stack_does_not_use_are_reported_with_why()
    {
        const string yaml = """
            shop-web-production:
              DATABASE_URL: "postgres://canary"
              NPM_TOKEN: "npm-canary"
              PORT: "5000"
              SECRET_KEY_BASE: "prod-skb-canary"
              TYPO_VAR: "x"
            shop-web-staging:
              STRIPE_KEY: "sk_test_canary"
            shop-web:
              STRIPE_KEY: "x"
            shop-wbe-production:
              STRIPE_KEY: "x"
            """;

        var unused = Match(Shop(), "prod", yaml).Unused;

        Assert.Equal(
            [
                ("shop-wbe-production", null, UnusedSecretReason.UnknownApp, "secrets.yaml:11"),
                ("shop-web", null, UnusedSecretReason.UnknownApp, "secrets.yaml:9"),
                ("shop-web-production", "DATABASE_URL", UnusedSecretReason.Datastore, "secrets.yaml:2"),
                ("shop-web-production", "NPM_TOKEN", UnusedSecretReason.BuildTime, "secrets.yaml:3"),
                ("shop-web-production", "PORT", UnusedSecretReason.Dropped, "secrets.yaml:4"),
                ("shop-web-production", "TYPO_VAR", UnusedSecretReason.UnknownVar, "secrets.yaml:6"),
                ("shop-web-staging", null, UnusedSecretReason.OtherStage, "secrets.yaml:7"),
            ],
            unused.Select(u => (u.HerokuApp, u.Var, u.Reason, u.Origin)));
        Assert.Contains("name of the landing app; the file names Heroku apps (shop-web-production, shop-web-staging)", unused.Single(u => u.HerokuApp == "shop-web").Message);
        Assert.Contains("the inventory's apps are shop-web-production, shop-web-staging", unused.Single(u => u.HerokuApp == "shop-wbe-production").Message);
        Assert.Contains("is the staging app: its values are for stack staging (--stack staging), not prod", unused.Single(u => u.HerokuApp == "shop-web-staging").Message);
        Assert.Contains("rebuilt from datastore shop-web-db", unused.Single(u => u.Var == "DATABASE_URL").Message);
    }

    [Fact]
    public void A_value_for_a_generated_secret_is_unused_and_says_how_to_keep_it()
    {
        var app = App("rails", Proc("web")) with { Config = [Generated("SECRET_KEY_BASE")] };

        var unused = Assert.Single(Match(Single(app), "prod", "rails:\n  SECRET_KEY_BASE: \"keep-me\"\n").Unused);

        Assert.Equal(UnusedSecretReason.Generated, unused.Reason);
        Assert.Contains("set `source: secret-config` for SECRET_KEY_BASE in the inventory", unused.Message);
    }

    [Fact]
    public void Without_a_pipeline_every_stack_takes_the_same_section()
    {
        var app = App("billing-api", Proc("web")) with { Config = [Team("API_TOKEN")] };
        const string yaml = "billing-api:\n  API_TOKEN: \"token-canary\"\n";

        foreach (var stack in new[] { "prod", "staging", "eu-west" })
        {
            var config = Match(Single(app), stack, yaml);
            var assignment = Assert.Single(config.Assignments);
            Assert.Equal(("billing-api-API_TOKEN", "billing-api", "token-canary"), (assignment.ConfigKey, assignment.HerokuApp, assignment.Value));
            Assert.Null(config.Stage);
            Assert.Empty(config.Unused);
        }
    }

    [Fact]
    public void The_result_never_prints_a_value()
    {
        var config = Match(Shop(), "prod", Captured);

        var text = config.ToString() + string.Join("\n", config.Assignments.Select(a => a.ToString()));

        Assert.DoesNotContain("canary", text);
        Assert.Contains("shop-web-STRIPE_KEY <- shop-web-production STRIPE_KEY (secrets.yaml:3, value hidden)", text);
    }

    /// <summary>One app whose READ_DB and LOG_TOKEN only named other vars in app.json (refersTo).</summary>
    private static HerokuSystem WithReferences() => Single(
        App("kiosk", Proc("web")) with
        {
            Config =
            [
                Injected("DATABASE_URL", "kiosk-db"),
                Injected("PAPERTRAIL_API_TOKEN", "kiosk-pt"),
                Team("READ_DB") with { RefersTo = "DATABASE_URL" },
                Team("LOG_TOKEN") with { RefersTo = "PAPERTRAIL_API_TOKEN" },
            ],
        },
        Addon("kiosk-db", "heroku-postgresql", "essential-0", Attach("kiosk", "DATABASE", "DATABASE_URL")),
        Addon("kiosk-pt", "papertrail", "choklad", Attach("kiosk", "PAPERTRAIL", "PAPERTRAIL_API_TOKEN")));

    [Fact]
    public void A_var_that_named_a_datastore_url_is_built_by_the_program_and_never_asked_for()
    {
        var config = Match(WithReferences(), "prod", "kiosk:\n  READ_DB: \"postgres://heroku-canary\"\n");

        // Asking for it led users to `heroku config:get READ_DB`, the Heroku database's URL.
        Assert.DoesNotContain(config.Missing, m => m.Var == "READ_DB");
        Assert.DoesNotContain(config.Assignments, a => a.Var == "READ_DB");
        Assert.Equal(SkippedSecretReason.Datastore, config.Skipped.Single(s => s.Var == "READ_DB").Reason);
        Assert.Equal(UnusedSecretReason.Datastore, config.Unused.Single(u => u.Var == "READ_DB").Reason);
    }

    [Fact]
    public void A_var_that_named_a_kept_add_on_var_asks_for_that_vars_new_value_not_herokus()
    {
        var missing = Match(WithReferences(), "prod", "kiosk:\n  PAPERTRAIL_API_TOKEN: \"x\"\n").Missing.Single(m => m.Var == "LOG_TOKEN");

        Assert.Equal(MissingSecretReason.NotInFile, missing.Reason);
        Assert.DoesNotContain("heroku config:get LOG_TOKEN -a", missing.Message);
        Assert.Contains("LOG_TOKEN takes the value of PAPERTRAIL_API_TOKEN on Heroku: give it the same value as PAPERTRAIL_API_TOKEN (key kiosk-PAPERTRAIL_API_TOKEN), not the Heroku value", missing.Message);
    }

    [Fact]
    public void A_chain_to_a_datastore_url_listed_before_the_var_it_names_is_built_by_the_program_and_never_asked_for()
    {
        // A_DB = $B_DB, B_DB = $DATABASE_URL in that order: a single pass left A_DB as secret config to fill from Heroku.
        var system = Single(
            App("kiosk", Proc("web")) with
            {
                Config = [Team("A_DB") with { RefersTo = "B_DB" }, Team("B_DB") with { RefersTo = "DATABASE_URL" }, Injected("DATABASE_URL", "kiosk-db")],
            },
            Addon("kiosk-db", "heroku-postgresql", "essential-0", Attach("kiosk", "DATABASE", "DATABASE_URL")));

        var config = Match(system, "prod", "kiosk:\n  A_DB: \"postgres://heroku-canary\"\n");

        Assert.Empty(config.Missing);
        Assert.Empty(config.Assignments);
        Assert.Equal(SkippedSecretReason.Datastore, config.Skipped.Single(s => s.Var == "A_DB").Reason);
        Assert.Equal(UnusedSecretReason.Datastore, config.Unused.Single(u => u.Var == "A_DB").Reason);
    }

    [Fact]
    public void A_chain_to_a_kept_add_on_var_names_the_end_of_the_chain()
    {
        var system = Single(
            App("kiosk", Proc("web")) with
            {
                Config = [Team("LOGS") with { RefersTo = "LOG_TOKEN" }, Team("LOG_TOKEN") with { RefersTo = "PAPERTRAIL_API_TOKEN" }, Injected("PAPERTRAIL_API_TOKEN", "kiosk-pt")],
            },
            Addon("kiosk-pt", "papertrail", "choklad", Attach("kiosk", "PAPERTRAIL", "PAPERTRAIL_API_TOKEN")));

        var missing = Match(system, "prod", "kiosk:\n  PAPERTRAIL_API_TOKEN: \"x\"\n").Missing.Single(m => m.Var == "LOGS");

        Assert.Contains("LOGS takes the value of PAPERTRAIL_API_TOKEN (through LOG_TOKEN) on Heroku: give it the same value as PAPERTRAIL_API_TOKEN (key kiosk-PAPERTRAIL_API_TOKEN), not the Heroku value", missing.Message);
        Assert.DoesNotContain("heroku config:get LOGS -a", missing.Message);
    }

    [Fact]
    public void An_optional_var_without_a_value_gets_an_empty_one_instead_of_holding_the_push()
    {
        var system = Single(App("kiosk", Proc("web")) with
        {
            Config = [Team("BETA_BANNER") with { Required = false }, Team("TAGLINE") with { Required = false }, Team("STRIPE_KEY")],
        });

        var config = Match(system, "prod", "kiosk:\n  TAGLINE: \"Tea!\"\n");

        // app.json required: false means the app runs without it; only the required STRIPE_KEY is missing.
        Assert.Equal(["STRIPE_KEY"], config.Missing.Select(m => m.Var));
        var banner = config.Assignments.Single(a => a.Var == "BETA_BANNER");
        Assert.Equal(("kiosk-BETA_BANNER", "", true, "optional, no value in secrets.yaml"), (banner.ConfigKey, banner.Value, banner.Optional, banner.Origin));
        var tagline = config.Assignments.Single(a => a.Var == "TAGLINE");
        Assert.Equal(("Tea!", false), (tagline.Value, tagline.Optional));
    }

    [Fact]
    public void The_optional_keys_the_manifests_script_leaves_empty_are_those_a_push_would_fill_empty()
    {
        var system = Single(App("kiosk", Proc("web")) with
        {
            Config = [Team("BETA_BANNER") with { Required = false }, Team("STRIPE_KEY")],
        });
        var plan = LandingPlanner.Plan(system, "prod");

        var optional = OptionalSecrets.ConfigKeys(system, plan);

        Assert.Equal(["kiosk-BETA_BANNER"], optional);
        var pushed = SecretAssignments.Match(system, plan, SecretsFileReader.Read("kiosk:\n  STRIPE_KEY: \"sk\"\n", "secrets.yaml"));
        Assert.Equal(optional.Order(StringComparer.Ordinal), pushed.Assignments.Where(a => a.Optional).Select(a => a.ConfigKey));
    }

    [Fact]
    public void A_var_that_named_a_generated_secret_says_how_to_give_both_one_value()
    {
        var system = Single(App("kiosk", Proc("web")) with
        {
            Config = [Generated("SECRET_KEY_BASE"), Team("DEVISE_SECRET") with { RefersTo = "SECRET_KEY_BASE" }],
        });

        var missing = Match(system, "prod", "kiosk: {}\n").Missing.Single(m => m.Var == "DEVISE_SECRET");

        // "Whatever replaces SECRET_KEY_BASE" is a random value no file can hold.
        Assert.Contains("which the program generates afresh: set `source: secret-config` for SECRET_KEY_BASE in the inventory", missing.Message);
        Assert.DoesNotContain("heroku config:get DEVISE_SECRET -a", missing.Message);
    }
}
