namespace HerokuToCloud.Inventory.Readers.Manifests;

/// <summary>The text of one manifest file and the name messages and the inventory's sources use for it.</summary>
/// <param name="Name">How the file is named in messages, for example "shop/app.json" as the user typed it.</param>
/// <param name="Text">The file's content.</param>
public sealed record ManifestFile(string Name, string Text)
{
    /// <summary>Reads a file; a missing or unreadable file fails with an <see cref="InventoryException"/> naming it.</summary>
    public static ManifestFile Load(string path, string what) => new(path.Replace('\\', '/'), InputFile.ReadText(path, what));
}
