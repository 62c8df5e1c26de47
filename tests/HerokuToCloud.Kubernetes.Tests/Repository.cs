namespace HerokuToCloud.Kubernetes.Tests;

/// <summary>Paths inside the repository the tests run from.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>tests/conformance/node_modules, installed by scripts/setup.sh (npm ci).</summary>
    public static string NodeModules
    {
        get
        {
            var path = Path("tests", "conformance", "node_modules");
            if (!Directory.Exists(System.IO.Path.Combine(path, "@pulumi", "kubernetes")))
                throw new InvalidOperationException($"The pinned Pulumi typings are not installed at {path}; run scripts/setup.sh (or: cd tests/conformance && npm ci --ignore-scripts).");
            return path;
        }
    }

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "HerokuToCloud.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException($"No HerokuToCloud.sln above {AppContext.BaseDirectory}.");
    }
}
