using HerokuToCloud.Inventory.Readers.PlatformApi;

namespace HerokuToCloud.Inventory.Tests.PlatformApi;

public sealed class HerokuApiTokenTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("h2c-home-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private Func<string, string?> Environment(params (string Name, string Value)[] vars)
    {
        var map = vars.ToDictionary(v => v.Name, v => v.Value);
        map.TryAdd("HOME", _home);
        return name => map.GetValueOrDefault(name);
    }

    [Fact]
    public void HEROKU_API_KEY_wins_over_the_netrc_file()
    {
        File.WriteAllText(Path.Combine(_home, ".netrc"), "machine api.heroku.com login a password from-netrc");

        var token = HerokuApiToken.Resolve(Environment(("HEROKU_API_KEY", " from-env \n")));

        Assert.Equal("from-env", token.Value);
        Assert.Equal("HEROKU_API_KEY", token.Source);
    }

    [Fact]
    public void Falls_back_to_the_netrc_entry_the_heroku_cli_writes()
    {
        var path = Path.Combine(_home, ".netrc");
        File.WriteAllText(path, "machine git.heroku.com login a password other\nmachine api.heroku.com login a password from-netrc\n");

        var token = HerokuApiToken.Resolve(Environment());

        Assert.Equal("from-netrc", token.Value);
        Assert.Equal($"{path} (machine api.heroku.com)", token.Source);
    }

    [Fact]
    public void NETRC_names_another_file()
    {
        var path = Path.Combine(_home, "elsewhere.netrc");
        File.WriteAllText(path, "machine api.heroku.com password from-NETRC");

        var token = HerokuApiToken.Resolve(Environment(("NETRC", path)));

        Assert.Equal("from-NETRC", token.Value);
    }

    [Fact]
    public void Without_any_token_the_message_says_how_to_log_in()
    {
        var error = Assert.Throws<InventoryException>(() => HerokuApiToken.Resolve(Environment()));

        Assert.Contains("heroku login", error.Message);
        Assert.Contains("HEROKU_API_KEY", error.Message);
        Assert.Contains(Path.Combine(_home, ".netrc"), error.Message);
    }

    [Fact]
    public void A_netrc_without_the_heroku_machine_says_so()
    {
        File.WriteAllText(Path.Combine(_home, ".netrc"), "machine github.com login a password gh-secret\n");

        var error = Assert.Throws<InventoryException>(() => HerokuApiToken.Resolve(Environment()));

        Assert.Contains("has no 'machine api.heroku.com' entry", error.Message);
        Assert.Contains("heroku login", error.Message);
        Assert.DoesNotContain("gh-secret", error.Message);
    }

    [Fact]
    public void The_token_never_prints()
    {
        var token = new HerokuApiToken("tok-0123-secret", "HEROKU_API_KEY");

        Assert.DoesNotContain("tok-0123-secret", token.ToString());
        Assert.Equal("Heroku API token from HEROKU_API_KEY", token.ToString());
    }
}
