using HerokuToCloud.Inventory;
using HerokuToCloud.Inventory.Readers.InventoryYaml;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes.Tests;

/// <summary>The worked examples in stacks/, planned by the real landing planner for each of their stacks.</summary>
internal static class ExamplePrograms
{
    public static readonly string[] Examples = ["emigrate", "shopfront"];

    public static HerokuSystem Inventory(string example) => InventoryYamlReader.ReadFile(Repository.Path("stacks", example, "inventory.yaml"));

    /// <summary>The stacks an example is generated for: its pipeline stages, or "prod" for a system without a pipeline.</summary>
    public static IReadOnlyList<string> Stacks(string example) =>
        LandingPlanner.StackNames(Inventory(example)) is { Count: > 0 } names ? names : ["prod"];

    public static LandingPlan Plan(string example, string stack) => LandingPlanner.Plan(Inventory(example), stack);

    public static KubernetesProgram Build(string example, string stack, KubernetesLandingOptions? options = null) =>
        KubernetesLanding.Build(Plan(example, stack), options);

    public static IEnumerable<(string Name, KubernetesProgram Program)> All()
    {
        var external = new KubernetesLandingOptions { Postgres = PostgresMode.External, Redis = RedisMode.External };
        foreach (var example in Examples)
        {
            foreach (var stack in Stacks(example))
            {
                yield return ($"{example}-{stack}", Build(example, stack));
                yield return ($"{example}-{stack}-external", Build(example, stack, external));
            }
        }

        yield return ("sample-shop", KubernetesLanding.Build(SamplePlans.Shop()));
        yield return ("sample-shop-external", KubernetesLanding.Build(SamplePlans.Shop(), external));
        yield return ("sample-worker-only", KubernetesLanding.Build(SamplePlans.WorkerOnly()));
    }
}
