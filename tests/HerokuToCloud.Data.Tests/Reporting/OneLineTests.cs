using HerokuToCloud.Data.Reporting;

namespace HerokuToCloud.Data.Tests.Reporting;

public class OneLineTests
{
    [Theory]
    [InlineData("public.\"two\nlines\"", "public.\"two\\nlines\"")]
    [InlineData("a\r\nb", "a\\r\\nb")]
    [InlineData("tab\there", "tab\\there")]
    [InlineData("\u001b[31mred", "\\u001B[31mred")]
    [InlineData("bell\u0007 del\u007f c1\u0085", "bell\\u0007 del\\u007F c1\\u0085")]
    [InlineData("line\u2028separator", "line\\u2028separator")]
    public void Control_characters_are_shown_as_escapes(string name, string shown)
    {
        Assert.Equal(shown, OneLine.Of(name));
    }

    [Theory]
    [InlineData("public.users")]
    [InlineData("public.\"café 🚀\"")]
    [InlineData("")]
    public void Printable_text_is_kept_as_it_is(string name)
    {
        Assert.Same(name, OneLine.Of(name));
    }
}
