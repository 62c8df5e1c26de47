namespace HerokuToCloud.Inventory.Readers.Manifests;

/// <summary>
/// The manifests one Heroku app's repository has: app.json, Procfile and heroku.yml, any of which may
/// be missing. <see cref="DirectoryName"/> names the app when nothing else does.
/// </summary>
public sealed record AppManifests(ManifestFile? AppJson, ManifestFile? Procfile, ManifestFile? HerokuYml, string? DirectoryName = null)
{
    public const string AppJsonName = "app.json";

    public const string ProcfileName = "Procfile";

    public const string HerokuYmlName = "heroku.yml";

    /// <summary>The files capture looks for in an app's directory.</summary>
    public static IReadOnlyList<string> FileNames { get; } = [AppJsonName, ProcfileName, HerokuYmlName];

    public bool IsEmpty => AppJson is null && Procfile is null && HerokuYml is null;

    /// <summary>Loads the given files; null paths are simply absent. The directory of the first file names the app as a last resort.</summary>
    public static AppManifests FromFiles(string? appJsonPath, string? procfilePath, string? herokuYmlPath)
    {
        var first = appJsonPath ?? procfilePath ?? herokuYmlPath;
        return new AppManifests(
            appJsonPath is null ? null : ManifestFile.Load(appJsonPath, AppJsonName),
            procfilePath is null ? null : ManifestFile.Load(procfilePath, ProcfileName),
            herokuYmlPath is null ? null : ManifestFile.Load(herokuYmlPath, HerokuYmlName),
            first is null ? null : DirectoryNameOf(first));
    }

    /// <summary>Loads whichever of app.json, Procfile and heroku.yml exist in <paramref name="directory"/>; none at all is an error.</summary>
    public static AppManifests FromDirectory(string directory)
    {
        if (!Directory.Exists(directory))
            throw new InventoryException($"'{directory}' is not a directory; pass the folder that holds the app's app.json, Procfile or heroku.yml.");
        string? Existing(string name) => File.Exists(Path.Combine(directory, name)) ? Path.Combine(directory, name) : null;
        var manifests = FromFiles(Existing(AppJsonName), Existing(ProcfileName), Existing(HerokuYmlName));
        return manifests.IsEmpty
            ? throw new InventoryException($"'{directory}' holds no app.json, Procfile or heroku.yml; pass the folder of a Heroku app, or the files one by one.")
            : manifests with { DirectoryName = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory))) };
    }

    private static string? DirectoryNameOf(string file)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(file));
        return directory is null ? null : Path.GetFileName(directory);
    }
}
