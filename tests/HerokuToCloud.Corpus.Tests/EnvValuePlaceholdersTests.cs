using System.Text.Json;
using HerokuToCloud.Corpus.Tests.Support;

namespace HerokuToCloud.Corpus.Tests;

/// <summary>The rewriter behind the AWS corpus's "no env value reaches the files" proof must really change every value.</summary>
public class EnvValuePlaceholdersTests
{
    [Fact]
    public void Replaces_every_env_value_and_nothing_else()
    {
        const string appJson = """
            {
              "name": "shop", "stack": "heroku-20", "stack": "heroku-22",
              "env": {
                "RAILS_ENV": "production",
                "WEB_CONCURRENCY": { "description": "value of puma workers", "value": 2, "required": true },
                "FORCE_SSL": { "value": true },
                "PROCFILE_PATH": { "value": "deploy/Procfile" },
                "SECRET_KEY_BASE": { "generator": "secret" },
                "QUOTED": "a \"b\" c"
              },
              "environments": { "test": { "env": { "RAILS_ENV": "test" }, "addons": ["heroku-postgresql"] } },
              "addons": [{ "plan": "heroku-redis", "as": "value" }]
            }
            """;

        var (text, replaced) = EnvValuePlaceholders.Replace(appJson);

        Assert.Equal(5, replaced);
        using var document = JsonDocument.Parse(text);
        var env = document.RootElement.GetProperty("env");
        Assert.StartsWith("h2c-placeholder-", env.GetProperty("RAILS_ENV").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(2, env.GetProperty("WEB_CONCURRENCY").GetProperty("value").GetInt32());
        Assert.Equal("value of puma workers", env.GetProperty("WEB_CONCURRENCY").GetProperty("description").GetString());
        Assert.True(env.GetProperty("WEB_CONCURRENCY").GetProperty("required").GetBoolean());
        Assert.False(env.GetProperty("FORCE_SSL").GetProperty("value").GetBoolean());
        Assert.Equal("deploy/Procfile", env.GetProperty("PROCFILE_PATH").GetProperty("value").GetString());
        Assert.Equal("secret", env.GetProperty("SECRET_KEY_BASE").GetProperty("generator").GetString());
        Assert.StartsWith("h2c-placeholder-", env.GetProperty("QUOTED").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("h2c-placeholder-", document.RootElement.GetProperty("environments").GetProperty("test").GetProperty("env").GetProperty("RAILS_ENV").GetString(), StringComparison.Ordinal);
        Assert.Contains("\"as\": \"value\"", text, StringComparison.Ordinal);
        Assert.Contains("\"stack\": \"heroku-20\", \"stack\": \"heroku-22\"", text, StringComparison.Ordinal);
    }
}
