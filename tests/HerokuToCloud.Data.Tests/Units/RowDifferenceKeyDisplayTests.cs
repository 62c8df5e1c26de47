using HerokuToCloud.Data.Validation;

namespace HerokuToCloud.Data.Tests.Units;

public class RowDifferenceKeyDisplayTests
{
    [Theory]
    [InlineData("42", "k=42")]
    [InlineData("2024-02-10 00:00:00+00", "k=2024-02-10 00:00:00+00")]
    [InlineData("", "k=''")]
    [InlineData(" padded", "k=' padded'")]
    [InlineData("a, k=b", "k='a, k=b'")]
    [InlineData("O'Brien", "k='O''Brien'")]
    [InlineData("two\nlines", "k='two\nlines'")]
    public void A_key_value_that_would_not_read_back_is_quoted(string value, string display)
    {
        var row = new RowDifference(RowDifferenceKind.Changed, [new KeyValue("k", value)]);

        Assert.Equal(display, row.DisplayKey);
    }

    [Fact]
    public void An_empty_key_part_is_told_apart_from_a_missing_one()
    {
        var row = new RowDifference(RowDifferenceKind.Missing, [new KeyValue("a", ""), new KeyValue("b", "x")]);

        Assert.Equal("a='', b=x", row.DisplayKey);
    }
}
