using System.Text.RegularExpressions;

namespace HerokuToCloud.Inventory.Tests.Support;

/// <summary>Assertions on the shape every input error must have: "file:line:column: path: what is wrong and what to do".</summary>
internal static class Errors
{
    public static InventoryException Throws(Action read) => Assert.Throws<InventoryException>(read);

    /// <summary>Asserts the message starts with file:line:column and, when given, the key or JSON path.</summary>
    public static void Located(InventoryException error, string file, int line, int? column = null, string? path = null)
    {
        var match = Regex.Match(error.Message, @"^(?<file>[^:]+):(?<line>\d+):(?<column>\d+): ");
        Assert.True(match.Success, $"no file:line:column prefix in: {error.Message}");
        Assert.Equal(file, match.Groups["file"].Value);
        Assert.Equal(line, int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture));
        if (column is not null)
            Assert.Equal(column, int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture));
        if (path is not null)
            Assert.StartsWith($"{match.Value}{path}: ", error.Message, StringComparison.Ordinal);
    }
}
