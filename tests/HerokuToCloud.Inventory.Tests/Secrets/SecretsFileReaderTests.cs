using HerokuToCloud.Inventory.Readers.Secrets;

namespace HerokuToCloud.Inventory.Tests.Secrets;

public class SecretsFileReaderTests
{
    /// <summary>Values that break naive YAML: quotes, escapes, newlines, YAML keywords, numbers, unicode, spaces.</summary>
    private static readonly Dictionary<string, string> Awkward = new(StringComparer.Ordinal)
    {
        ["BOOLEAN_LOOKING"] = "yes",
        ["EMPTY"] = "",
        ["HASH_AND_COLON"] = "a: b # not a comment",
        ["JSON_CREDENTIALS"] = "{\"type\": \"service_account\", \"key\": \"\\\\n-canary\"}",
        ["LEADING_ZERO"] = "0123",
        ["NULL_LOOKING"] = "null",
        ["PEM"] = "-----BEGIN KEY-----\nline-1-canary\nline-2\n-----END KEY-----\n",
        ["SPACES"] = "  padded  ",
        ["TAB_AND_CR"] = "a\tb\r\nc",
        ["UNICODE"] = "pässwörd-✓-🔑",
    };

    private static HerokuSystem System(params string[] apps) => new()
    {
        Name = "shop",
        Apps = apps.Select(a => new HerokuApp { Name = a, Config = Awkward.Keys.Select(k => new ConfigVar { Name = k }).ToArray() }).ToArray(),
    };

    [Fact]
    public void Reads_back_exactly_what_capture_secrets_out_writes()
    {
        var values = new Dictionary<string, IReadOnlyDictionary<string, string?>>
        {
            ["shop-web"] = Awkward.ToDictionary(kv => kv.Key, kv => (string?)kv.Value),
            ["shop-worker"] = new Dictionary<string, string?> { ["PEM"] = "worker-pem" },
        };
        var yaml = CapturedSecrets.From(System("shop-web", "shop-worker"), values).ToYaml();

        var file = SecretsFileReader.Read(yaml, "secrets.yaml");

        Assert.Equal(["shop-web", "shop-worker"], file.Apps);
        Assert.Equal(Awkward.Keys.Order(StringComparer.Ordinal), file.NamesFor("shop-web"));
        foreach (var (name, expected) in Awkward)
        {
            Assert.True(file.TryGetValue("shop-web", name, out var value), name);
            Assert.Equal(expected, value);
        }

        Assert.True(file.TryGetValue("shop-worker", "PEM", out var worker));
        Assert.Equal("worker-pem", worker);
        Assert.Equal(Awkward.Count + 1, file.Count);
    }

    [Fact]
    public void An_app_captured_with_no_values_is_an_empty_section()
    {
        var yaml = CapturedSecrets.From(System("shop-web"), new Dictionary<string, IReadOnlyDictionary<string, string?>>()).ToYaml();

        var file = SecretsFileReader.Read(yaml, "secrets.yaml");

        Assert.Equal(["shop-web"], file.Apps);
        Assert.Empty(file.NamesFor("shop-web"));
        Assert.True(file.HasApp("shop-web"));
    }

    [Fact]
    public void Hand_written_values_are_taken_as_written_and_located_by_line()
    {
        const string yaml = """
            # filled in by hand for a manifest-only capture
            shop-web:
              WEB_CONCURRENCY: 10
              FEATURE_FLAG: true
              VERSION: 1.50
              API_KEY: 'single quoted'
              PEM: |
                line one
                line two
            shop-worker:
            """;

        var file = SecretsFileReader.Read(yaml, "hand.yaml");

        string Value(string name) => file.TryGetValue("shop-web", name, out var v) ? v : throw new InvalidOperationException(name);
        Assert.Equal(("10", "true", "1.50", "single quoted", "line one\nline two\n"), (Value("WEB_CONCURRENCY"), Value("FEATURE_FLAG"), Value("VERSION"), Value("API_KEY"), Value("PEM")));
        Assert.Equal("hand.yaml:3", file.Locate("shop-web", "WEB_CONCURRENCY"));
        Assert.Equal("hand.yaml:7", file.Locate("shop-web", "PEM"));
        Assert.Equal("hand.yaml:2", file.Locate("shop-web"));
        Assert.Null(file.Locate("shop-web", "NOPE"));
        Assert.Empty(file.NamesFor("shop-worker"));
        Assert.False(file.TryGetValue("shop-worker", "PEM", out _));
    }

    [Fact]
    public void Heroku_config_json_wrapped_in_its_app_name_reads_as_yaml()
    {
        // `heroku config --json -a shop-web | jq '{"shop-web": .}'`
        const string json = """
            {
              "shop-web": {
                "DATABASE_URL": "postgres://u:p@host:5432/db",
                "SECRET_KEY_BASE": "abc\/def\u00e9\n",
                "WEB_CONCURRENCY": "2"
              }
            }
            """;

        var file = SecretsFileReader.Read(json, "standard input");

        Assert.True(file.TryGetValue("shop-web", "SECRET_KEY_BASE", out var value));
        Assert.Equal("abc/defé\n", value);
        Assert.Equal(["DATABASE_URL", "SECRET_KEY_BASE", "WEB_CONCURRENCY"], file.NamesFor("shop-web"));
        Assert.Equal("standard input:3", file.Locate("shop-web", "DATABASE_URL"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only comments\n")]
    [InlineData("~\n")]
    public void A_file_without_values_holds_no_apps(string yaml)
    {
        var file = SecretsFileReader.Read(yaml, "secrets.yaml");

        Assert.Empty(file.Apps);
        Assert.Equal(0, file.Count);
    }

    [Theory]
    [InlineData("STRIPE_KEY=sk_live_canary\nOTHER=canary-2\n", "secrets.yaml:1:1: expected a mapping of Heroku app names to their config vars, found a single value (not shown here: it may be secret). Write each app's name, then its vars indented under it as NAME: \"value\" lines; a .env file (NAME=value lines) must be rewritten that way.")]
    [InlineData("- sk_live_canary\n", "secrets.yaml:1:1: expected a mapping of Heroku app names to their config vars, found a list.")]
    [InlineData("shop-web:\nSTRIPE_KEY: \"sk_live_canary\"\n", "secrets.yaml:2:1: this key is not a Heroku app name (3 to 30 lower-case letters, digits and dashes, starting with a letter); the top level of a secrets file names Heroku apps. It looks like a config var: indent it under the name of the Heroku app it belongs to.")]
    [InlineData("Shop_Web:\n  KEY: \"sk_live_canary\"\n", "secrets.yaml:1:1: this key is not a Heroku app name")]
    [InlineData("shop-web: \"sk_live_canary\"\n", "secrets.yaml:1:11: shop-web: expected the config vars of shop-web as NAME: \"value\" lines indented under it, found a single value (not shown here: it may be secret).")]
    [InlineData("shop-web:\n  STRIPE_KEY=sk_live_canary: x\n", "secrets.yaml:2:3: this key under shop-web is not a config var name (letters, digits and underscores, not starting with a digit). It looks like a .env line: write NAME: \"value\" instead of NAME=value.")]
    [InlineData("shop-web:\n  1KEY: \"sk_live_canary\"\n", "secrets.yaml:2:3: this key under shop-web is not a config var name")]
    [InlineData("shop-web:\n  STRIPE_KEY:\n", "secrets.yaml:2:14: shop-web.STRIPE_KEY: has no value. Write STRIPE_KEY: \"\" for an empty value (quoted, so it cannot read as YAML's null), or remove the line.")]
    [InlineData("shop-web:\n  STRIPE_KEY: ~\n", "secrets.yaml:2:15: shop-web.STRIPE_KEY: has no value.")]
    [InlineData("shop-web:\n  STRIPE_KEY:\n    - sk_live_canary\n", "secrets.yaml:3:5: shop-web.STRIPE_KEY: expected the value as one double-quoted string, found a list; use \\n inside the quotes for a multi-line value.")]
    [InlineData("shop-web:\n  STRIPE_KEY: \"sk_live_canary\"\n  STRIPE_KEY: \"canary-2\"\n", "secrets.yaml:3:3: the key 'STRIPE_KEY' appears twice in the same mapping; keep one.")]
    [InlineData("shop-web:\n  A: &k \"sk_live_canary\"\n  B: *k\n", "secrets.yaml:2:6: shop-web.A: anchors and aliases (&k, *k) are not supported")]
    [InlineData("shop-web:\n  STRIPE_KEY: \"sk_live_canary\n", "secrets.yaml:")]
    [InlineData("shop-web:\n  A: \"x\"\n---\nshop-web:\n  A: \"sk_live_canary\"\n", "secrets.yaml:4:1: the file holds more than one YAML document (---)")]
    public void Bad_files_fail_naming_file_line_and_column_without_quoting_a_value(string yaml, string expected)
    {
        var error = Assert.Throws<InventoryException>(() => SecretsFileReader.Read(yaml, "secrets.yaml"));

        Assert.StartsWith(expected, error.Message);
        Assert.DoesNotContain("sk_live_canary", error.Message);
        Assert.DoesNotContain("canary-2", error.Message);
    }

    [Fact]
    public void An_unreadable_file_names_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"h2c-missing-{Guid.NewGuid():N}", "secrets.yaml");

        var error = Assert.Throws<InventoryException>(() => SecretsFileReader.ReadFile(path));

        Assert.StartsWith($"cannot read the secrets file '{path}':", error.Message);
    }

    [Fact]
    public void Nothing_that_prints_the_file_shows_a_value()
    {
        var file = SecretsFileReader.Read("shop-web:\n  STRIPE_KEY: \"sk_live_canary\"\n", "secrets.yaml");

        Assert.Equal("1 config var value(s) of 1 app(s) from secrets.yaml (values hidden)", file.ToString());
    }
}
