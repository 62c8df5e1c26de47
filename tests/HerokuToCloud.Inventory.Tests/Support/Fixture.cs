using HerokuToCloud.Inventory.Readers.Manifests;

namespace HerokuToCloud.Inventory.Tests.Support;

/// <summary>The test's own fixture files (copied next to the test assembly).</summary>
internal static class Fixture
{
    public static string PathOf(string relative) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", relative);

    public static string Text(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>The manifests in Fixtures/manifests/NAME, named "NAME/app.json" etc. in messages and sources.</summary>
    public static AppManifests Manifests(string name)
    {
        ManifestFile? Load(string file)
        {
            var path = PathOf($"manifests/{name}/{file}");
            return File.Exists(path) ? new ManifestFile($"{name}/{file}", File.ReadAllText(path)) : null;
        }

        return new AppManifests(Load("app.json"), Load("Procfile"), Load("heroku.yml"), name);
    }

    public static AppManifests AppJson(string json, string? procfile = null, string? herokuYml = null) =>
        new(new ManifestFile("app.json", json),
            procfile is null ? null : new ManifestFile("Procfile", procfile),
            herokuYml is null ? null : new ManifestFile("heroku.yml", herokuYml),
            "fixture-dir");
}
