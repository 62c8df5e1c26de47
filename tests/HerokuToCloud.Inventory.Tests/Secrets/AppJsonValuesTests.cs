using HerokuToCloud.Inventory.Readers.Manifests;
using HerokuToCloud.Inventory.Readers.Secrets;
using HerokuToCloud.Inventory.Tests.Support;

namespace HerokuToCloud.Inventory.Tests.Secrets;

/// <summary>The defaults app.json declares, kept for `capture --secrets-out` from manifests; never in the inventory.</summary>
public class AppJsonValuesTests
{
    private const string AppJson = """
        {
          "name": "shop-web",
          "env": {
            "NODE_ENV": "production",
            "WEB_CONCURRENCY": { "value": 2 },
            "FEATURE_X": { "value": true, "required": false },
            "STRIPE_KEY": { "description": "The live key." },
            "SECRET_KEY_BASE": { "generator": "secret" },
            "READ_DB": "$DATABASE_URL",
            "EMPTY_OK": "",
            "PORT": "5000",
            "VITE_API_URL": { "required": true }
          },
          "addons": ["heroku-postgresql"]
        }
        """;

    private static CapturedSecrets Read(string appJson)
    {
        var manifests = Fixture.AppJson(appJson, "web: bin/web\n");
        return AppJsonValues.Read(AppManifestReader.Read(manifests), [manifests]);
    }

    [Fact]
    public void Literal_values_of_team_vars_are_kept_as_written()
    {
        var secrets = Read(AppJson);

        Assert.Equal(SecretsOrigin.AppJson, secrets.Origin);
        Assert.Equal(["EMPTY_OK", "FEATURE_X", "NODE_ENV", "WEB_CONCURRENCY"], secrets.NamesFor("shop-web"));
        var yaml = secrets.ToYaml();
        Assert.Contains("  NODE_ENV: \"production\"\n", yaml);
        Assert.Contains("  WEB_CONCURRENCY: \"2\"\n", yaml);
        Assert.Contains("  FEATURE_X: \"true\"\n", yaml);
        Assert.Contains("  EMPTY_OK: \"\"\n", yaml);
    }

    [Fact]
    public void Vars_without_a_literal_value_are_listed_to_add_and_generated_ones_are_not()
    {
        var secrets = Read(AppJson);

        // A reference to another var is no value; a generated secret is made afresh by the new platform; a
        // build-time var (VITE_*) goes to the image build, not to secret config.
        Assert.Equal(["READ_DB", "STRIPE_KEY"], secrets.WithoutValueFor("shop-web"));
        var yaml = secrets.ToYaml();
        Assert.Contains("# shop-web: no value in app.json, add it by hand: READ_DB, STRIPE_KEY\n", yaml);
        Assert.DoesNotContain("SECRET_KEY_BASE", yaml);
        Assert.DoesNotContain("$DATABASE_URL", yaml);
        Assert.DoesNotContain("VITE_API_URL", yaml);
    }

    [Fact]
    public void Datastore_and_runtime_vars_are_left_out_and_the_header_says_the_values_are_defaults()
    {
        var yaml = Read(AppJson).ToYaml();

        Assert.Contains("# shop-web: not included: DATABASE_URL, PORT\n", yaml);
        Assert.DoesNotContain("5000", yaml);
        Assert.StartsWith("# heroku2cloud capture --secrets-out: the config var values the apps' app.json files declare", yaml);
        Assert.Contains("compare\n# them with `heroku config -a APP`", yaml);
    }

    [Fact]
    public void Each_app_takes_the_values_of_its_own_manifests()
    {
        var web = Fixture.AppJson("""{ "name": "shop-web", "env": { "MODE": "web" } }""", "web: bin/web\n");
        var worker = Fixture.AppJson("""{ "name": "shop-worker", "env": { "MODE": "worker", "QUEUE": { "required": true } } }""", "worker: bin/worker\n");
        var system = AppManifestReader.Read([web, worker], "shop");

        var secrets = AppJsonValues.Read(system, [web, worker]);

        Assert.Contains("shop-web:\n  MODE: \"web\"\nshop-worker:\n  MODE: \"worker\"\n", secrets.ToYaml());
        Assert.Equal(["QUEUE"], secrets.WithoutValueFor("shop-worker"));
        Assert.Empty(secrets.WithoutValueFor("shop-web"));
    }
}
