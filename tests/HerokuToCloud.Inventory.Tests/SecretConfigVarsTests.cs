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

    [Fact]
    public void Team_vars_and_kept_add_on_vars_need_values_and_a_var_naming_a_datastore_url_does_not()
    {
        Assert.Equal(["PAPERTRAIL_API_TOKEN", "LOG_TOKEN", "STRIPE_KEY", "SENDGRID_PASSWORD"], SecretConfigVars.ToSupply(App, Addons));
    }

    [Fact]
    public void Only_a_reference_to_a_rebuilt_datastores_var_counts_as_rebuilt()
    {
        Assert.True(SecretConfigVars.RefersToRebuilt(App, App.Config.Single(c => c.Name == "READ_DB"), Addons));
        Assert.False(SecretConfigVars.RefersToRebuilt(App, App.Config.Single(c => c.Name == "LOG_TOKEN"), Addons));
        Assert.False(SecretConfigVars.RefersToRebuilt(App, App.Config.Single(c => c.Name == "STRIPE_KEY"), Addons));
    }

    [Fact]
    public void A_chain_to_a_rebuilt_datastores_var_counts_as_rebuilt_whatever_the_order()
    {
        // A_DB names B_DB, listed after it, which names DATABASE_URL: one hop stopped at B_DB and asked for A_DB's Heroku value.
        var app = App with
        {
            Config = [new ConfigVar { Name = "A_DB", RefersTo = "B_DB" }, new ConfigVar { Name = "B_DB", RefersTo = "DATABASE_URL" }, .. App.Config],
        };

        Assert.True(SecretConfigVars.RefersToRebuilt(app, app.Config[0], Addons));
        Assert.DoesNotContain("A_DB", SecretConfigVars.ToSupply(app, Addons));
        Assert.DoesNotContain("B_DB", SecretConfigVars.ToSupply(app, Addons));
    }

    [Fact]
    public void A_chain_to_a_kept_add_ons_var_still_needs_a_value()
    {
        var app = App with { Config = [new ConfigVar { Name = "LOGS", RefersTo = "LOG_TOKEN" }, .. App.Config] };

        Assert.False(SecretConfigVars.RefersToRebuilt(app, app.Config[0], Addons));
        Assert.Contains("LOGS", SecretConfigVars.ToSupply(app, Addons));
    }
}
