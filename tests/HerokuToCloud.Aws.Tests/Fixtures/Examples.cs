using HerokuToCloud.Inventory;
using HerokuToCloud.Inventory.Readers.InventoryYaml;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Aws.Tests.Fixtures;

/// <summary>The worked examples under stacks/, planned by the real planner for every stack they have.</summary>
internal static class Examples
{
    public static string Root { get; } = FindRoot();

    public static HerokuSystem Read(string example) => InventoryYamlReader.ReadFile(Path.Combine(Root, "stacks", example, "inventory.yaml"));

    /// <summary>The stack names to generate: the pipeline's stages, or "prod" for a system without one.</summary>
    public static IReadOnlyList<string> Stacks(HerokuSystem system) => LandingPlanner.StackNames(system) is { Count: > 0 } names ? names : ["prod"];

    public static IReadOnlyList<LandingPlan> Plans(HerokuSystem system) => [.. Stacks(system).Select(s => LandingPlanner.Plan(system, s))];

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HerokuToCloud.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException($"No HerokuToCloud.sln above {AppContext.BaseDirectory}.");
    }
}
