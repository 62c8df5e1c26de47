namespace HerokuToCloud.Inventory.Readers;

/// <summary>
/// A place in a manifest file: file name, 1-based line and column, and the path to the value
/// ($.formation.web.size in JSON, setup.addons[0].plan in heroku.yml). Every manifest error is built here,
/// so all of them read like inventory errors: "app.json:12:17: $.formation.web.size: ...".
/// </summary>
internal sealed record SourceLocation(string File, int Line, int Column, string Path)
{
    public InventoryException Error(string message) =>
        new($"{File}:{Line}:{Column}: {(Path.Length == 0 ? "" : Path + ": ")}{message}");

    /// <summary>"app.json line 12 ($.addons[0])", for notes and messages that point elsewhere.</summary>
    public string Describe() => $"{File} line {Line}{(Path.Length == 0 ? "" : $" ({Path})")}";
}
