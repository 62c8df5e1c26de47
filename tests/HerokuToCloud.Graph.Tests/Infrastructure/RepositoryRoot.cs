namespace HerokuToCloud.Graph.Tests.Infrastructure;

/// <summary>Finds the repository from the test assembly: the nearest directory above it holding HerokuToCloud.sln.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HerokuToCloud.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException($"No HerokuToCloud.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>tests/conformance/node_modules; a missing directory fails with the command that installs it.</summary>
    public static string ConformanceNodeModules()
    {
        var path = Path.Combine(Find(), "tests", "conformance", "node_modules");
        if (!Directory.Exists(Path.Combine(path, "@pulumi")))
            throw new InvalidOperationException($"The pinned Pulumi typings are missing at {path}: run scripts/setup.sh first.");
        return path;
    }
}
