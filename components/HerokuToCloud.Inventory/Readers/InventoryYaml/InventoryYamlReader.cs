namespace HerokuToCloud.Inventory.Readers.InventoryYaml;

/// <summary>
/// Reads inventory.yaml, the documented, hand-editable form of a <see cref="HerokuSystem"/>
/// (docs/inventory-format.md). It is strict: unknown keys, wrong types and anything Heroku would not
/// accept (an unknown dyno size, an add-on without a plan, an attachment to an app the file does not
/// list) fail with the file, line, column and key path, and say what to write instead.
/// Reading never adds notes, so read → write → read is stable.
/// </summary>
public static class InventoryYamlReader
{
    /// <summary>The format version this reader understands (the file's top-level "version").</summary>
    public const int FormatVersion = 1;

    private static readonly string[] RootKeys = ["version", "system", "sources", "apps", "addons", "notes"];

    /// <summary>Reads an inventory file; unreadable files fail with an <see cref="InventoryException"/> naming the path.</summary>
    public static HerokuSystem ReadFile(string path) => Read(InputFile.ReadText(path, "inventory"), path);

    /// <summary>Reads inventory YAML text; <paramref name="fileName"/> is the name messages use.</summary>
    public static HerokuSystem Read(string yaml, string fileName)
    {
        var root = Parse(yaml, fileName);
        var map = root.Mapping(RootKeys);

        var version = map.Require("version", $"an inventory starts with 'version: {FormatVersion}'");
        if (version.Integer("the format version") != FormatVersion)
            throw version.Error($"this heroku2cloud reads inventory format version {FormatVersion}; change the value to {FormatVersion} or use the heroku2cloud that wrote the file.");

        var systemCursor = map.Require("system", "the system's short name (it becomes the Pulumi project name)");
        var system = systemCursor.Scalar("the system's name");
        if (!HerokuNames.IsSystemName(system))
            throw systemCursor.Error($"'{system}' is not a usable system name; use letters, digits, '-', '_' or '.', starting with a letter or digit.");

        var appNodes = map.Require("apps", "list the Heroku apps of the system under 'apps'").Sequence("apps");
        if (appNodes.Count == 0)
            throw map.Require("apps", "").Error("lists no apps; an inventory describes at least one Heroku app.");

        // Names first: add-on attachments and config vars refer to apps and add-ons by name.
        var appNames = InventoryAppSection.ReadNames(appNodes);
        var (addons, attachments) = InventoryAddonSection.Read(map.List("addons", "add-ons"), appNames);
        var apps = appNodes.Select(node => InventoryAppSection.Read(node, attachments)).ToArray();
        InventoryAppSection.CheckDomainsAreUnique(appNodes, apps);
        InventoryAppSection.CheckReferencesToOtherApps(appNodes, apps, attachments);

        return new HerokuSystem
        {
            Name = system,
            Apps = apps,
            Addons = addons,
            Sources = Strings(map.List("sources", "source names"), "a source name"),
            Notes = Strings(map.List("notes", "notes"), "a note"),
        };
    }

    internal static IReadOnlyList<string> Strings(IReadOnlyList<YamlCursor> items, string what) =>
        items.Select(item => item.Scalar(what)).ToArray();

    private static YamlCursor Parse(string yaml, string fileName) =>
        YamlDocuments.LoadSingle(yaml, fileName)
        ?? throw new InventoryException($"{fileName}:1:1: the file is empty; an inventory starts with 'version: {FormatVersion}' (see docs/inventory-format.md).");
}
