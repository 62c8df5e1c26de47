using HerokuToCloud.Data.Catalog;

namespace HerokuToCloud.Data.Tests.Units;

public class IdentifierDisplayTests
{
    [Theory]
    [InlineData("public.users", "public", "users")]
    [InlineData("_private.t2", "_private", "t2")]
    [InlineData("a.\"b.c\"", "a", "b.c")]
    [InlineData("\"a.b\".c", "a.b", "c")]
    [InlineData("\"Mixed Case\".\"Order Items\"", "Mixed Case", "Order Items")]
    [InlineData("public.\"Users\"", "public", "Users")]
    [InlineData("public.\"2fa\"", "public", "2fa")]
    [InlineData("public.\"say \"\"hi\"\"\"", "public", "say \"hi\"")]
    [InlineData("public.\"déjà\"", "public", "déjà")]
    [InlineData("public.\"user\"", "public", "user")]
    [InlineData("\"order\".\"table\"", "order", "table")]
    [InlineData("public.name", "public", "name")]
    public void Plain_lower_case_names_stay_bare_and_others_and_reserved_key_words_are_quoted(string expected, string schema, string name)
    {
        Assert.Equal(expected, Identifier.Display(schema, name));
    }

    [Fact]
    public void Names_that_joined_with_dots_would_read_alike_stay_apart()
    {
        string[][] names = [["a", "b.c"], ["a.b", "c"], ["a", "b", "c"], ["a.b.c"], ["a", "b\".\"c"], ["a\".\"b", "c"]];

        var displayed = names.Select(parts => Identifier.Display(parts)).ToList();

        Assert.Equal(names.Length, displayed.Distinct(StringComparer.Ordinal).Count());
    }
}
