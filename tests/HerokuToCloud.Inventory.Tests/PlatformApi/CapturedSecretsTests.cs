using HerokuToCloud.Inventory.Readers.PlatformApi;
using HerokuToCloud.Inventory.Readers.Secrets;
using HerokuToCloud.Tests.Fakes;
using YamlDotNet.RepresentationModel;

namespace HerokuToCloud.Inventory.Tests.PlatformApi;

public sealed class CapturedSecretsTests : IDisposable
{
    private readonly FakeHerokuApi _api = new();

    public CapturedSecretsTests() => ShopSystem.Serve(_api);

    public void Dispose() => _api.Dispose();

    private async Task<CapturedSecrets> SecretsAsync()
    {
        using var client = new RecordingRetry().ClientFor(_api);
        var capture = await new PlatformApiReader(client).CaptureAsync(
            new PlatformCaptureRequest { Apps = [ShopSystem.Web, ShopSystem.Worker], IncludeSecretValues = true });
        return capture.Secrets!;
    }

    [Fact]
    public async Task The_file_maps_app_to_var_to_value_and_reads_back_exactly()
    {
        var yaml = (await SecretsAsync()).ToYaml();

        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents.Single().RootNode;
        var read = root.Children.SelectMany(app => ((YamlMappingNode)app.Value).Children.Select(v =>
            (App: ((YamlScalarNode)app.Key).Value!, Var: ((YamlScalarNode)v.Key).Value!, Value: ((YamlScalarNode)v.Value).Value!)));

        Assert.Equal(
            ShopSystem.KeptValues.Select(kv => (kv.Key.App, kv.Key.Var, kv.Value)).OrderBy(x => x.App, StringComparer.Ordinal).ThenBy(x => x.Var, StringComparer.Ordinal),
            read);
    }

    [Fact]
    public async Task The_header_explains_the_file_and_what_is_left_out()
    {
        var yaml = (await SecretsAsync()).ToYaml();

        Assert.StartsWith("# heroku2cloud capture --secrets-out", yaml);
        Assert.Contains("readable by its owner only (mode 0600)", yaml);
        Assert.Contains("values that Postgres and Redis add-ons inject", yaml);
        Assert.Contains("# shop-web: not included: DATABASE_URL, HEROKU_APP_NAME, HEROKU_POSTGRESQL_ONYX_URL, REDIS_TLS_URL, REDIS_URL", yaml);
        Assert.Contains("# shop-worker: not included: PRIMARY_DB_URL, REDIS_TLS_URL, REDIS_URL", yaml);
    }

    [Fact]
    public async Task Rebuilt_add_on_and_runtime_values_never_reach_the_file()
    {
        var yaml = (await SecretsAsync()).ToYaml();

        foreach (var value in ShopSystem.DroppedValues.Values)
            Assert.DoesNotContain(value, yaml);
        Assert.Contains("canary-team-web-skb-5e1f", yaml);
    }

    [Fact]
    public async Task The_token_of_an_add_on_the_landing_does_not_rebuild_is_kept_under_its_app()
    {
        var secrets = await SecretsAsync();

        Assert.Contains("PAPERTRAIL_API_TOKEN", secrets.NamesFor(ShopSystem.Web));
        Assert.Equal("canary-addon-papertrail-token", secrets.ValueOf(ShopSystem.Web, "PAPERTRAIL_API_TOKEN"));
        Assert.DoesNotContain("DATABASE_URL", secrets.NamesFor(ShopSystem.Web));
        Assert.DoesNotContain("REDIS_URL", secrets.NamesFor(ShopSystem.Web));
        Assert.DoesNotContain("REDIS_URL", secrets.NamesFor(ShopSystem.Worker));
        Assert.Contains("  PAPERTRAIL_API_TOKEN: \"canary-addon-papertrail-token\"\n", secrets.ToYaml());
    }

    [Fact]
    public async Task The_file_is_byte_identical_for_the_same_values()
    {
        Assert.Equal((await SecretsAsync()).ToYaml(), (await SecretsAsync()).ToYaml());
    }

    [Fact]
    public void An_add_on_var_is_kept_only_when_its_add_on_is_listed_and_not_a_rebuilt_datastore()
    {
        var system = new HerokuSystem
        {
            Name = "shop",
            Apps = [new HerokuApp
            {
                Name = "shop-web",
                Config =
                [
                    new ConfigVar { Name = "SENDGRID_PASSWORD", Kind = ConfigVarKind.Addon, Addon = "mail" },
                    new ConfigVar { Name = "REDISCLOUD_URL", Kind = ConfigVarKind.Addon, Addon = "cache" },
                    new ConfigVar { Name = "ORPHAN_URL", Kind = ConfigVarKind.Addon, Addon = "not-in-the-inventory" },
                ],
            }],
            Addons =
            [
                new Addon { Name = "mail", Service = "sendgrid", Plan = "starter" },
                new Addon { Name = "cache", Service = "rediscloud", Plan = "30" },
            ],
        };
        var values = new Dictionary<string, IReadOnlyDictionary<string, string?>>
        {
            ["shop-web"] = new Dictionary<string, string?> { ["SENDGRID_PASSWORD"] = "sg-pw", ["REDISCLOUD_URL"] = "redis://x", ["ORPHAN_URL"] = "y://z" },
        };

        var secrets = CapturedSecrets.From(system, values);

        Assert.Equal(["SENDGRID_PASSWORD"], secrets.NamesFor("shop-web"));
        Assert.Contains("# shop-web: not included: ORPHAN_URL, REDISCLOUD_URL\n", secrets.ToYaml());
    }

    [Fact]
    public void A_var_naming_a_database_url_through_another_var_is_not_copied_whatever_the_order()
    {
        // A_DB = $B_DB, B_DB = $DATABASE_URL, A_DB listed first: one hop stopped at B_DB and copied A_DB's Heroku URL.
        const string HerokuUrl = "postgres://u:canary-chain-pw@ec2-9.compute.amazonaws.com:5432/d9";
        var system = new HerokuSystem
        {
            Name = "shop",
            Apps = [new HerokuApp
            {
                Name = "shop-web",
                Config =
                [
                    new ConfigVar { Name = "A_DB", RefersTo = "B_DB" },
                    new ConfigVar { Name = "B_DB", RefersTo = "DATABASE_URL" },
                    new ConfigVar { Name = "DATABASE_URL", Kind = ConfigVarKind.Addon, Addon = "db", Value = ConfigValueSource.Addon },
                ],
            }],
            Addons = [new Addon { Name = "db", Service = "heroku-postgresql", Plan = "essential-0" }],
        };
        var values = new Dictionary<string, IReadOnlyDictionary<string, string?>>
        {
            ["shop-web"] = new Dictionary<string, string?> { ["A_DB"] = HerokuUrl, ["B_DB"] = HerokuUrl, ["DATABASE_URL"] = HerokuUrl },
        };

        var secrets = CapturedSecrets.From(system, values);

        Assert.Empty(secrets.NamesFor("shop-web"));
        Assert.DoesNotContain(HerokuUrl, secrets.ToYaml(), StringComparison.Ordinal);
        Assert.Contains("# shop-web: not included: A_DB, B_DB, DATABASE_URL\n", secrets.ToYaml());
    }
}
