namespace HerokuToCloud.Cli.Tests.Infrastructure;

/// <summary>The repository the tests run from: the worked examples and the root Pulumi files live there.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    public static string Example(string name) => Path.Combine(Root, "stacks", name, "inventory.yaml");

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HerokuToCloud.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException("No HerokuToCloud.sln above the test binaries " + AppContext.BaseDirectory);
    }
}
