using HerokuToCloud.Inventory.Readers.Manifests;
using HerokuToCloud.Inventory.Readers.Secrets;
using HerokuToCloud.Inventory.Tests.Support;

namespace HerokuToCloud.Inventory.Tests.Secrets;

/// <summary>The defaults app.json declares, kept for `capture --secrets-out` from manifests; never in the inventory.</summary>
public class ManifestValuesTests
{
    private const string AppJson = """
        {
          "name": "shop-web",
          "env": {
            "NODE_ENV": "production",
            "WEB_CONCURRENCY": { "value": 2 },
            "FEATURE_X": { "value": true, "required": false },
            "BETA_BANNER": { "description": "Shown when set.", "required": false },
            "STRIPE_KEY": { "description": "The live key." },
            "SECRET_KEY_BASE": { "generator": "secret" },
            "READ_DB": "$DATABASE_URL",
            "LOG_TOKEN": "$PAPERTRAIL_API_TOKEN",
            "EMPTY_OK": "",
            "PORT": "5000",
            "VITE_API_URL": { "required": true },
            "VITE_PUBLIC_NAME": "Shop",
            "SESSION_KEY": { "generator": "secret", "value": "generated-canary" }
          },
          "addons": ["heroku-postgresql", "papertrail"]
        }
        """;

    private static CapturedSecrets Read(string appJson)
    {
        var manifests = Fixture.AppJson(appJson, "web: bin/web\n");
        return ManifestValues.Read(AppManifestReader.Read(manifests), [manifests]);
    }

    [Fact]
    public void Literal_values_of_team_vars_are_kept_as_written()
    {
        var secrets = Read(AppJson);

        Assert.Equal(SecretsOrigin.Manifests, secrets.Origin);
        // A build-time var's value is kept for the image build; a generated var's never (it gets a fresh one).
        Assert.Equal(["EMPTY_OK", "FEATURE_X", "NODE_ENV", "VITE_PUBLIC_NAME", "WEB_CONCURRENCY"], secrets.NamesFor("shop-web"));
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

        // Secret config the program reads: a team var and a kept add-on's var (Papertrail is not rebuilt). A
        // generated secret is made afresh by the new platform; a build-time var (VITE_*) goes to the image build.
        Assert.Equal(["PAPERTRAIL_API_TOKEN", "STRIPE_KEY"], secrets.WithoutValueFor("shop-web"));
        var yaml = secrets.ToYaml();
        Assert.Contains("# shop-web: no value in the manifests, add it by hand: PAPERTRAIL_API_TOKEN, STRIPE_KEY\n", yaml);
        Assert.DoesNotContain("VITE_API_URL", yaml);
        Assert.DoesNotContain("generated-canary", yaml);
    }

    [Fact]
    public void An_optional_var_without_a_value_is_not_listed_to_add()
    {
        var secrets = Read(AppJson);

        // required: false: secrets push gives it an empty value, so the file does not ask for one.
        Assert.DoesNotContain("BETA_BANNER", secrets.WithoutValueFor("shop-web"));
        Assert.Equal(["BETA_BANNER"], secrets.OptionalWithoutValueFor("shop-web"));
        Assert.Contains("# shop-web: optional (required: false), no value in the manifests; secrets push gives each an empty value unless you add one: BETA_BANNER\n", secrets.ToYaml());
    }

    [Fact]
    public void A_reference_to_another_var_is_listed_with_what_it_referred_to_never_as_a_value()
    {
        var yaml = Read(AppJson).ToYaml();

        // Papertrail is kept, so LOG_TOKEN needs a value: the one its token gets on the new platform.
        Assert.Contains("# shop-web: set from another var in the manifests, add each with the value of what replaces that var on the new platform (not the Heroku one): LOG_TOKEN (= $PAPERTRAIL_API_TOKEN)\n", yaml);
        Assert.DoesNotContain("LOG_TOKEN:", yaml);
    }

    [Fact]
    public void A_reference_to_a_rebuilt_datastore_url_is_not_asked_for()
    {
        var yaml = Read(AppJson).ToYaml();

        // READ_DB = $DATABASE_URL gets the new database's URL from the program: asking for a value
        // invited copying the Heroku URL into the new system.
        Assert.Contains("# shop-web: not included: DATABASE_URL, PORT, READ_DB, SECRET_KEY_BASE, SESSION_KEY\n", yaml);
        Assert.DoesNotContain("READ_DB (=", yaml);
    }

    [Fact]
    public void Datastore_and_runtime_vars_are_left_out_and_the_header_says_the_values_are_defaults()
    {
        var yaml = Read(AppJson).ToYaml();

        Assert.Contains("# shop-web: not included: DATABASE_URL, PORT, READ_DB, SECRET_KEY_BASE, SESSION_KEY\n", yaml);
        Assert.DoesNotContain("5000", yaml);
        Assert.StartsWith("# heroku2cloud capture --secrets-out: the config var values the apps' manifests declare (app.json", yaml);
        Assert.Contains("compare\n# them with `heroku config -a APP`", yaml);
    }

    [Fact]
    public void Each_app_takes_the_values_of_its_own_manifests()
    {
        var web = Fixture.AppJson("""{ "name": "shop-web", "env": { "MODE": "web" } }""", "web: bin/web\n");
        var worker = Fixture.AppJson("""{ "name": "shop-worker", "env": { "MODE": "worker", "QUEUE": { "required": true } } }""", "worker: bin/worker\n");
        var system = AppManifestReader.Read([web, worker], "shop");

        var secrets = ManifestValues.Read(system, [web, worker]);

        Assert.Contains("shop-web:\n  MODE: \"web\"\nshop-worker:\n  MODE: \"worker\"\n", secrets.ToYaml());
        Assert.Equal(["QUEUE"], secrets.WithoutValueFor("shop-worker"));
        Assert.Empty(secrets.WithoutValueFor("shop-web"));
    }

    [Fact]
    public void Heroku_yml_setup_values_fill_in_where_app_json_gives_none()
    {
        var manifests = Fixture.AppJson(
            """{ "name": "shop-web", "env": { "MODE": "from-app-json" } }""",
            "web: bin/web\n",
            "setup:\n  config:\n    MODE: from-heroku-yml\n    S3_BUCKET: shop-assets\n    CACHE_URL: $REDIS_URL\n    EMPTY:\nbuild:\n  docker:\n    web: Dockerfile\n");

        var secrets = ManifestValues.Read(AppManifestReader.Read(manifests), [manifests]);

        var yaml = secrets.ToYaml();
        Assert.Contains("shop-web:\n  MODE: \"from-app-json\"\n  S3_BUCKET: \"shop-assets\"\n", yaml);
        Assert.Equal("REDIS_URL", secrets.ReferencesFor("shop-web")["CACHE_URL"]);
        Assert.Equal(["EMPTY"], secrets.WithoutValueFor("shop-web"));
    }

    [Fact]
    public void An_app_without_values_gets_an_empty_section_that_a_line_added_under_it_completes()
    {
        var manifests = Fixture.AppJson("""{ "name": "shop-web", "env": { "STRIPE_KEY": { "required": true } } }""", "web: bin/web\n");
        var yaml = ManifestValues.Read(AppManifestReader.Read(manifests), [manifests]).ToYaml();

        Assert.EndsWith("\nshop-web:\n", yaml);
        var filled = SecretsFileReader.Read(yaml + "  STRIPE_KEY: \"sk-by-hand\"\n", "shop-secrets.yaml");
        Assert.True(filled.TryGetValue("shop-web", "STRIPE_KEY", out var value));
        Assert.Equal("sk-by-hand", value);
    }
}
