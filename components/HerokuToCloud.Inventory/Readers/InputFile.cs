namespace HerokuToCloud.Inventory.Readers;

/// <summary>
/// Reads a file the user named on the command line. Every way that can fail (missing, a directory, no
/// permission) becomes an <see cref="InventoryException"/> that names the file and what it was meant to be,
/// never a bare .NET message such as "Access to the path is denied" for a directory.
/// </summary>
internal static class InputFile
{
    /// <summary>The text of <paramref name="path"/>; <paramref name="what"/> names it in errors ("inventory", "app.json").</summary>
    public static string ReadText(string path, string what)
    {
        if (Directory.Exists(path))
            throw new InventoryException($"cannot read the {what} '{path}': it is a directory; give the path of the file itself.");
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new InventoryException($"cannot read the {what} '{path}': {ex.Message}", ex);
        }
    }
}
