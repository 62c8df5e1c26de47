namespace HerokuToCloud.Inventory.Tests;

/// <summary>The vars whose values the team supplies, as inventory show lists them and secrets push asks for them.</summary>
public class SecretConfigVarsTests
{
    private static readonly Addon[] Addons =
    [
        new() { Name = "db", Service = "heroku-postgresql", Plan = "essential-0" },
        new() { Name = "pt", Service = "papertrail", Plan = "choklad" },
        new() { Name = "sg", Service = "sendgrid", Plan = "starter" },
    ];

    private static readonly HerokuApp App = new()
    {
        Name = "kiosk",
        Config =
        [
            new ConfigVar { Name = "DATABASE_URL", Kind = ConfigVarKind.Addon, Addon = "db", Value = ConfigValueSource.Addon },
            new ConfigVar { Name = "PAPERTRAIL_API_TOKEN", Kind = ConfigVarKind.Addon, Addon = "pt", Value = ConfigValueSource.Addon },
            new ConfigVar { Name = "READ_DB", RefersTo = "DATABASE_URL" },
            new ConfigVar { Name = "LOG_TOKEN", RefersTo = "PAPERTRAIL_API_TOKEN" },
            new ConfigVar { Name = "STRIPE_KEY" },
            new ConfigVar { Name = "BANNER", Required = false },
            new ConfigVar { Name = "VITE_API", BuildTime = true },
            new ConfigVar { Name = "SECRET_KEY_BASE", Value = ConfigValueSource.Generated },
            new ConfigVar { Name = "DYNO", Kind = ConfigVarKind.Runtime, Value = ConfigValueSource.Platform },
            // app.json said required: false, but the add-on sets it on Heroku: it still needs its value.
            new ConfigVar { Name = "SENDGRID_PASSWORD", Kind = ConfigVarKind.Addon, Addon = "sg", Value = ConfigValueSource.Addon, Required = false },
        ],
    };

    private static HerokuSystem System(params HerokuApp[] apps) => new() { Name = "kiosk", Apps = apps, Addons = Addons };

    [Fact]
    public void Team_vars_and_kept_add_on_vars_need_values_and_a_var_naming_a_datastore_url_does_not()
    {
        Assert.Equal(["PAPERTRAIL_API_TOKEN", "LOG_TOKEN", "STRIPE_KEY", "SENDGRID_PASSWORD"], SecretConfigVars.ToSupply(System(App), App));
    }

    [Fact]
    public void Only_a_reference_to_a_rebuilt_datastores_var_counts_as_rebuilt()
    {
        Assert.True(SecretConfigVars.RefersToRebuilt(System(App), App, App.Config.Single(c => c.Name == "READ_DB")));
        Assert.False(SecretConfigVars.RefersToRebuilt(System(App), App, App.Config.Single(c => c.Name == "LOG_TOKEN")));
        Assert.False(SecretConfigVars.RefersToRebuilt(System(App), App, App.Config.Single(c => c.Name == "STRIPE_KEY")));
    }

    [Fact]
    public void A_chain_to_a_rebuilt_datastores_var_counts_as_rebuilt_whatever_the_order()
    {
        // A_DB names B_DB, listed after it, which names DATABASE_URL: one hop stopped at B_DB and asked for A_DB's Heroku value.
        var app = App with
        {
            Config = [new ConfigVar { Name = "A_DB", RefersTo = "B_DB" }, new ConfigVar { Name = "B_DB", RefersTo = "DATABASE_URL" }, .. App.Config],
        };

        Assert.True(SecretConfigVars.RefersToRebuilt(System(app), app, app.Config[0]));
        Assert.DoesNotContain("A_DB", SecretConfigVars.ToSupply(System(app), app));
        Assert.DoesNotContain("B_DB", SecretConfigVars.ToSupply(System(app), app));
    }

    [Fact]
    public void A_chain_to_a_kept_add_ons_var_still_needs_a_value()
    {
        var app = App with { Config = [new ConfigVar { Name = "LOGS", RefersTo = "LOG_TOKEN" }, .. App.Config] };

        Assert.False(SecretConfigVars.RefersToRebuilt(System(app), app, app.Config[0]));
        Assert.Contains("LOGS", SecretConfigVars.ToSupply(System(app), app));
    }

    [Fact]
    public void A_var_naming_another_apps_datastore_var_counts_as_rebuilt_and_one_naming_a_kept_add_ons_var_does_not()
    {
        var admin = new HerokuApp
        {
            Name = "kiosk-admin",
            Config =
            [
                new ConfigVar { Name = "SHOP_DB_URL", RefersTo = "DATABASE_URL", RefersToApp = "kiosk" },
                new ConfigVar { Name = "LOGS", RefersTo = "PAPERTRAIL_API_TOKEN", RefersToApp = "kiosk" },
                // Its own DATABASE_URL is not what it names: the other app's is.
                new ConfigVar { Name = "DATABASE_URL", RefersTo = "DATABASE_URL", RefersToApp = "kiosk" },
            ],
        };
        var system = System(App, admin);

        Assert.Equal(["LOGS"], SecretConfigVars.ToSupply(system, admin));
        Assert.True(SecretConfigVars.RefersToRebuilt(system, admin, admin.Config[2]));
    }

    [Fact]
    public void A_var_an_attachment_injects_without_the_app_listing_it_counts_as_the_datastores()
    {
        // The attachment says HEROKU_POSTGRESQL_ONYX_URL; the app's config does not list it. The landing rebuilds it all the same.
        var addons = Addons.Select(a => a.Name == "db"
            ? a with { Attachments = [new AddonAttachment { App = "kiosk", Name = "HEROKU_POSTGRESQL_ONYX", ConfigVars = ["HEROKU_POSTGRESQL_ONYX_URL"] }] }
            : a).ToArray();
        var app = App with { Config = [new ConfigVar { Name = "ONYX", RefersTo = "HEROKU_POSTGRESQL_ONYX_URL" }, .. App.Config] };

        Assert.DoesNotContain("ONYX", SecretConfigVars.ToSupply(new HerokuSystem { Name = "kiosk", Apps = [app], Addons = addons }, app));
    }
}
