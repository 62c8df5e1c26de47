using HerokuToCloud.Graph;
using HerokuToCloud.Graph.PulumiYaml;
using HerokuToCloud.Inventory.Readers.InventoryYaml;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Cli.Tests.Secrets;

/// <summary>
/// A two-stage pipeline for the secrets tests: its inventory, a secrets file as capture writes it plus
/// one hand-added add-on value, and a program that declares the secret config the plan needs (as the
/// generate verb does: one secret string per FromSecretConfig key, plus a datastore source URL).
/// </summary>
internal static class ShopPipeline
{
    public const string Inventory = """
        version: 1
        system: shop
        apps:
          - name: shop-web-staging
            pipeline:
              name: shop
              stage: staging
            processes:
              - type: web
                command: bundle exec puma
                size: standard-1x
                quantity: 1
            config:
              - name: DATABASE_URL
                kind: addon
                addon: shop-db-staging
                source: addon
              - name: NPM_TOKEN
                buildTime: true
              - name: PORT
                kind: runtime
                source: platform
              - name: RAILS_ENV
              - name: SECRET_KEY_BASE
                source: generated
              - name: SIGNING_PEM
              - name: STRIPE_KEY
          - name: shop-web-production
            pipeline:
              name: shop
              stage: production
            processes:
              - type: web
                command: bundle exec puma
                size: standard-2x
                quantity: 2
            config:
              - name: DATABASE_URL
                kind: addon
                addon: shop-db-production
                source: addon
              - name: NPM_TOKEN
                buildTime: true
              - name: PORT
                kind: runtime
                source: platform
              - name: RAILS_ENV
              - name: SECRET_KEY_BASE
                source: generated
              - name: SENDGRID_API_KEY
                kind: addon
                addon: shop-sendgrid
                source: addon
              - name: SIGNING_PEM
              - name: STRIPE_KEY
        addons:
          - name: shop-db-staging
            service: heroku-postgresql
            plan: essential-1
            attachments:
              - app: shop-web-staging
                name: DATABASE
                configVars: [DATABASE_URL]
          - name: shop-db-production
            service: heroku-postgresql
            plan: standard-0
            attachments:
              - app: shop-web-production
                name: DATABASE
                configVars: [DATABASE_URL]
          - name: shop-sendgrid
            service: sendgrid
            plan: starter
            attachments:
              - app: shop-web-production
                name: SENDGRID
                configVars: [SENDGRID_API_KEY]
        """;

    /// <summary>Every value holds "canary" so a test can prove none leaks.</summary>
    public static readonly IReadOnlyDictionary<(string App, string Var), string> Values = new Dictionary<(string, string), string>
    {
        [("shop-web-production", "RAILS_ENV")] = "production-canary",
        [("shop-web-production", "SENDGRID_API_KEY")] = "SG.canary-sendgrid",
        [("shop-web-production", "SIGNING_PEM")] = "-----BEGIN KEY-----\nprod-canary-pem\n-----END KEY-----\n",
        [("shop-web-production", "STRIPE_KEY")] = "sk_live_canary_'$(rm -rf)\"`",
        [("shop-web-staging", "RAILS_ENV")] = "staging-canary",
        [("shop-web-staging", "SENDGRID_API_KEY")] = "SG.canary-staging",
        [("shop-web-staging", "SIGNING_PEM")] = "staging-canary-pem-✓",
        [("shop-web-staging", "STRIPE_KEY")] = "sk_test_canary",
    };

    /// <summary>The secrets file: a capture's team values, SENDGRID_API_KEY added by hand, and one value the plan does not use.</summary>
    public static string SecretsYaml(Func<(string App, string Var), bool>? include = null)
    {
        var lines = new List<string> { "# heroku2cloud capture --secrets-out (test copy)" };
        foreach (var app in Values.Keys.Select(k => k.App).Distinct().Order(StringComparer.Ordinal))
        {
            lines.Add($"{app}:");
            foreach (var ((_, var), value) in Values.Where(kv => kv.Key.App == app && (include?.Invoke(kv.Key) ?? true)).OrderBy(kv => kv.Key.Var, StringComparer.Ordinal))
                lines.Add($"  {var}: {Quoted(value)}");
            if (app == "shop-web-production")
                lines.Add("  DATABASE_URL: \"postgres://u:canary-db@heroku/db\"");
        }

        return string.Join("\n", lines) + "\n";
    }

    /// <summary>The keys a push for <paramref name="stack"/> sets, in order, with the value each gets.</summary>
    public static IReadOnlyList<(string Key, string Value)> Expected(string stack)
    {
        var app = stack == "prod" ? "shop-web-production" : "shop-web-staging";
        return Values.Where(kv => kv.Key.App == app)
            .Select(kv => ($"shop:shop-web-{kv.Key.Var}", kv.Value))
            .OrderBy(x => x.Item1, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Writes DIR/Pulumi.yaml declaring the plan's secret config keys (minus <paramref name="omit"/>) and a datastore source URL.</summary>
    public static void WriteProgram(string directory, string project = "shop", string? omit = null)
    {
        var plan = LandingPlanner.Plan(InventoryYamlReader.Read(Inventory, "inventory.yaml"), "prod");
        var graph = new ResourceGraph(project, "shop on AWS (test program)");
        foreach (var key in plan.Apps.SelectMany(a => a.Secrets).Select(s => s.Source).OfType<FromSecretConfig>().Select(c => c.ConfigKey).Where(k => k != omit))
            graph.Declare(new ConfigDeclaration(key, ConfigType.String, Secret: true, Description: "a Heroku config var"));
        graph.Declare(new ConfigDeclaration("shopWebDbSourceUrl", ConfigType.String, Secret: true, Description: "Heroku DATABASE_URL to copy from"));
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, PulumiYamlWriter.ProgramFileName), PulumiYamlWriter.Write(graph));
    }

    private static string Quoted(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
