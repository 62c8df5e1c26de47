using HerokuToCloud.Data.Catalog;
using HerokuToCloud.Data.Tests.Infrastructure;

namespace HerokuToCloud.Data.Tests.Units;

/// <summary>Display quotes a key word exactly when the server's own quote_ident does.</summary>
public class IdentifierQuoteIdentTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task Every_key_word_of_the_server_is_displayed_as_its_quote_ident_shows_it()
    {
        var rows = await Sql.ColumnAsync(server.Endpoint(), "SELECT word || ' ' || quote_ident(word) FROM pg_get_keywords() ORDER BY word");

        var differing = rows
            .Select(row => row.Split(' ', 2))
            .Where(pair => Identifier.Display(pair[0]) != pair[1])
            .Select(pair => $"{pair[0]}: quote_ident {pair[1]}, Display {Identifier.Display(pair[0])}")
            .ToList();

        Assert.True(rows.Count > 400, $"only {rows.Count} key words listed");
        Assert.Empty(differing);
    }
}
