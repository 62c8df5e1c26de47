using HerokuToCloud.Data.Connections;

namespace HerokuToCloud.Data.Tests;

public class EndpointParsingTests
{
    [Fact]
    public void Heroku_url_with_escaped_password_parses_and_never_prints_it()
    {
        var endpoint = PostgresEndpoint.Parse("postgres://u1abc:p%40ss%2Fw0rd@ec2-1-2-3-4.compute-1.amazonaws.com:5432/d8kq?sslmode=require");

        Assert.Equal("ec2-1-2-3-4.compute-1.amazonaws.com", endpoint.Host);
        Assert.Equal("d8kq", endpoint.Database);
        Assert.Equal("u1abc", endpoint.Username);
        Assert.Equal("p@ss/w0rd", endpoint.Password);
        Assert.Equal("require", endpoint.SslMode);
        Assert.DoesNotContain("p@ss", endpoint.ToString(), StringComparison.Ordinal);
        Assert.Equal(Npgsql.SslMode.Require, endpoint.ToNpgsql().SslMode);
    }

    [Fact]
    public void Keyword_and_npgsql_forms_parse_to_the_same_endpoint()
    {
        var libpq = PostgresEndpoint.Parse("host=db.internal port=6543 dbname=shop user=app password='a b' sslmode=verify-full");
        var npgsql = PostgresEndpoint.Parse("Host=db.internal;Port=6543;Database=shop;Username=app;Password=a b;SSL Mode=VerifyFull");

        Assert.Equal(libpq, npgsql);
        Assert.Equal("a b", libpq.Password);
        Assert.Equal("6543", libpq.ToLibpqEnvironment()["PGPORT"]);
    }

    [Theory]
    [InlineData("mysql://u:p@h/db")]
    [InlineData("postgres://u:p@h/db?sslmode=sometimes")]
    [InlineData("host='unclosed")]
    public void Unusable_addresses_fail_with_a_message_naming_the_expected_form(string text)
    {
        var error = Assert.Throws<DataMigrationException>(() => PostgresEndpoint.Parse(text));
        Assert.Contains("database address", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A scheme typo whose query holds '=' (sslmode=require) used to read as a keyword string of one unknown
    /// keyword, so the run went to the database on localhost; it is refused, repeating only the scheme.
    /// </summary>
    [Fact]
    public void A_url_of_another_scheme_with_a_query_is_refused_without_its_password()
    {
        var error = Assert.Throws<DataMigrationException>(() =>
            PostgresEndpoint.Parse("postgress://app:Pw-Very-Secret@db.example.com:5432/app?sslmode=require", "the --target database URL"));
        Assert.StartsWith("cannot read the --target database URL: a postgress:// URL is not a PostgreSQL URL.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Pw-Very-Secret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres://app:Pw/Very-Secret@db.example.com:5432/app")]
    [InlineData("postgres://app:Pw#Very-Secret@db.example.com:5432/app")]
    public void A_url_whose_password_is_not_percent_encoded_says_how_to_encode_it_without_repeating_it(string text)
    {
        var error = Assert.Throws<DataMigrationException>(() => PostgresEndpoint.Parse(text, "the --source database URL"));

        Assert.StartsWith("cannot read the --source database URL: Invalid URI", error.Message, StringComparison.Ordinal);
        Assert.Contains("must be percent-encoded in a URL (@ as %40, / as %2F, # as %23", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Very-Secret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jdbc:postgresql://db.example.com:5432/app?user=app&password=Pw-Very-Secret&sslmode=require", "a jdbc: URL (Heroku's JDBC_DATABASE_URL) is not a PostgreSQL URL")]
    [InlineData("db.example.com:5432/app?user=app&password=Pw-Very-Secret", "it is neither a postgres:// URL nor a keyword string")]
    public void A_string_that_would_default_to_localhost_is_refused_without_its_password(string text, string expected)
    {
        // Read as keywords, both held only unknown ones, and host defaulted to localhost: a --target there writes into a local database.
        var error = Assert.Throws<DataMigrationException>(() => PostgresEndpoint.Parse(text, "the --target database URL"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Pw-Very-Secret", error.Message, StringComparison.Ordinal);
    }
}
