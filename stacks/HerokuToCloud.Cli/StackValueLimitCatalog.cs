using HerokuToCloud.Aws;
using HerokuToCloud.Graph;
using HerokuToCloud.Kubernetes;

namespace HerokuToCloud.Cli;

/// <summary>
/// Every target's reader of stack-value limits, in one place, as <see cref="PolicyPackCatalog"/> lists
/// the packs: a reader applies when the program uses its provider package, after the types the program
/// declares, which hold for every target. `generate` checks the values
/// it is about to write and `check DIR` the stack files it finds with the same limits.
/// </summary>
internal static class StackValueLimitCatalog
{
    public static StackValueLimits For(ResourceGraph program)
    {
        var limits = StackValueLimits.DeclaredTypes(program);
        if (program.Packages.ContainsKey("aws"))
            limits.AddRange(AwsStackValueLimits.Read(program).All);
        if (program.Packages.ContainsKey("kubernetes"))
            limits.AddRange(KubernetesStackValueLimits.Read(program).All);
        return limits;
    }
}
