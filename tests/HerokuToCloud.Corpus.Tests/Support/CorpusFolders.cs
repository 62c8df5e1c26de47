namespace HerokuToCloud.Corpus.Tests.Support;

/// <summary>
/// Where the corpus of real Heroku manifests is: HEROKU2CLOUD_CORPUS, else ../shared/corpus next to the
/// repository. It lives outside the repository, so it may be absent; then every corpus case simply
/// does not exist (see <see cref="CorpusFactAttribute"/>) and <see cref="CorpusPresenceTests"/> says so.
/// </summary>
public static class CorpusFolders
{
    public static string Location
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("HEROKU2CLOUD_CORPUS");
            if (!string.IsNullOrWhiteSpace(configured))
                return Path.GetFullPath(configured);
            return Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "corpus"));
        }
    }

    public static bool IsPresent => Directory.Exists(Location);

    /// <summary>Names of the corpus folders (one Heroku app each), in a stable order; empty when the corpus is absent.</summary>
    public static IReadOnlyList<string> Folders() =>
        IsPresent
            ? Directory.GetDirectories(Location).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray()
            : [];

    public static string PathOf(string folder, string file) => Path.Combine(Location, folder, file);

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HerokuToCloud.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
