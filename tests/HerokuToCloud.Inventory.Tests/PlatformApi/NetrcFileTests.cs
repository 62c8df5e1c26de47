using HerokuToCloud.Inventory.Readers.PlatformApi;

namespace HerokuToCloud.Inventory.Tests.PlatformApi;

public class NetrcFileTests
{
    [Fact]
    public void Finds_the_heroku_entry_among_several_machines_as_the_heroku_cli_writes_them()
    {
        const string text = """
            machine github.com
              login octocat
              password gh-token
            machine api.heroku.com
              login ops@example.com
              password heroku-token-1
            machine git.heroku.com
              login ops@example.com
              password heroku-token-1
            """;

        var netrc = NetrcFile.Parse(text, "/home/ops/.netrc");

        Assert.Equal(3, netrc.Entries.Count);
        var heroku = netrc.FindMachine("api.heroku.com");
        Assert.NotNull(heroku);
        Assert.Equal("ops@example.com", heroku.Login);
        Assert.Equal("heroku-token-1", heroku.Password);
        Assert.Equal("gh-token", netrc.FindMachine("GitHub.com")!.Password);
    }

    [Fact]
    public void Reads_entries_on_one_line_with_tabs_crlf_and_blank_lines()
    {
        const string text = "machine example.org login a password b\r\n\r\n\t machine\tapi.heroku.com\r\n\tlogin  \t me@example.com\r\n\r\n   password\r\n\t tok-with-odd-space   \r\n";

        var entry = NetrcFile.Parse(text, ".netrc").FindMachine("api.heroku.com");

        Assert.NotNull(entry);
        Assert.Equal("me@example.com", entry.Login);
        Assert.Equal("tok-with-odd-space", entry.Password);
    }

    [Fact]
    public void Reads_quoted_values_with_spaces_and_escapes()
    {
        const string text = """
            machine api.heroku.com login "ops team@example.com" password "pa ss \"word\" \\ end"
            """;

        var entry = NetrcFile.Parse(text, ".netrc").FindMachine("api.heroku.com")!;

        Assert.Equal("ops team@example.com", entry.Login);
        Assert.Equal("pa ss \"word\" \\ end", entry.Password);
    }

    [Fact]
    public void Skips_comments_macros_and_unknown_tokens()
    {
        const string text = """
            # personal credentials
            machine ftp.example.org login anonymous password guest
            macdef init
            cd /pub
            machine api.heroku.com password macro-body-not-a-token

            machine api.heroku.com # the real one
              account ignored port 443
              password real-token
            """;

        var netrc = NetrcFile.Parse(text, ".netrc");

        Assert.Equal(["ftp.example.org", "api.heroku.com"], netrc.Entries.Select(e => e.Machine));
        Assert.Equal("real-token", netrc.FindMachine("api.heroku.com")!.Password);
    }

    [Fact]
    public void The_default_entry_never_answers_for_api_heroku_com()
    {
        var netrc = NetrcFile.Parse("default login anyone password not-for-heroku", ".netrc");

        Assert.Single(netrc.Entries);
        Assert.Null(netrc.Entries[0].Machine);
        Assert.Null(netrc.FindMachine("api.heroku.com"));
    }

    [Fact]
    public void An_unclosed_quote_is_an_error_naming_the_file_and_line()
    {
        var error = Assert.Throws<InventoryException>(() =>
            NetrcFile.Parse("machine a.example\n  login x\n  password \"unterminated", "/home/ops/.netrc"));

        Assert.StartsWith("/home/ops/.netrc:3:", error.Message);
        Assert.DoesNotContain("unterminated", error.Message);
    }

    [Fact]
    public void A_keyword_without_value_is_an_error_naming_the_line()
    {
        var error = Assert.Throws<InventoryException>(() => NetrcFile.Parse("machine api.heroku.com\nlogin me\npassword", "n"));

        Assert.Contains("n:3", error.Message);
        Assert.Contains("'password' has no value", error.Message);
    }

    [Fact]
    public void An_entry_prints_without_its_password()
    {
        var entry = NetrcFile.Parse("machine api.heroku.com login me password s3cret-token", "n").FindMachine("api.heroku.com")!;

        Assert.DoesNotContain("s3cret-token", entry.ToString());
        Assert.Contains("(set)", entry.ToString());
    }
}
