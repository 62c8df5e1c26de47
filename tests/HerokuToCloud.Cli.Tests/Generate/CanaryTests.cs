using HerokuToCloud.Cli.Tests.Infrastructure;

namespace HerokuToCloud.Cli.Tests.Generate;

/// <summary>
/// Secret values put into a capture's sources (app.json values) reach no file and no output of the
/// pipeline: not the inventory, not the Pulumi program or stack file, not the manifests or the
/// secrets script, not the console.
/// </summary>
public sealed class CanaryTests : IDisposable
{
    private const string Marker = "zq7Canary";

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("h2c-canary-");

    public void Dispose() => work.Delete(recursive: true);

    [Fact]
    public async Task No_config_value_reaches_any_kubernetes_output()
    {
        File.WriteAllText(Path.Combine(work.FullName, "app.json"), $$"""
            {
              "name": "shop",
              "env": {
                "STRIPE_API_KEY": { "description": "Stripe key", "value": "sk_live_{{Marker}}1" },
                "RAILS_ENV": { "value": "{{Marker}}2" },
                "WEB_CONCURRENCY": "{{Marker}}3",
                "SECRET_KEY_BASE": { "generator": "secret" }
              },
              "formation": { "web": { "quantity": 2, "size": "standard-2x" }, "worker": { "quantity": 1 } },
              "addons": [ "heroku-postgresql:standard-0", "heroku-redis:premium-0" ]
            }
            """);
        File.WriteAllText(Path.Combine(work.FullName, "Procfile"), "web: bundle exec puma\nworker: bundle exec sidekiq\nrelease: bundle exec rails db:migrate\n");
        var environment = new Dictionary<string, string?>();
        var outputs = new List<Heroku2CloudProcess.Result>
        {
            await Heroku2CloudProcess.RunAsync(work.FullName, environment, "capture", "--app-json", "app.json", "--procfile", "Procfile", "-o", "inventory.yaml"),
            await Heroku2CloudProcess.RunAsync(work.FullName, environment, "generate", "inventory.yaml", "-t", "kubernetes", "-s", "prod", "-o", "pulumi"),
            await Heroku2CloudProcess.RunAsync(work.FullName, environment, "generate", "inventory.yaml", "-t", "kubernetes", "-s", "prod", "--format", "manifests", "-o", "manifests"),
            await Heroku2CloudProcess.RunAsync(work.FullName, environment, "check", "pulumi"),
        };

        Assert.All(outputs, o => Assert.True(o.ExitCode == 0, o.ToString()));
        Assert.All(outputs, o => Assert.DoesNotContain(Marker, o.Stdout + o.Stderr, StringComparison.Ordinal));
        var files = Directory.EnumerateFiles(work.FullName, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "app.json").ToList();
        Assert.True(files.Count > 20, $"only {files.Count} files were generated");
        Assert.All(files, f => Assert.DoesNotContain(Marker, File.ReadAllText(f), StringComparison.Ordinal));
        // The values are still wanted: as secret config and as the script's inputs, by name.
        Assert.Contains("secret: true", File.ReadAllText(Path.Combine(work.FullName, "pulumi", "Pulumi.yaml")), StringComparison.Ordinal);
        Assert.Contains("STRIPE_API_KEY", File.ReadAllText(Path.Combine(work.FullName, "manifests", "create-secrets.sh")), StringComparison.Ordinal);
    }
}
