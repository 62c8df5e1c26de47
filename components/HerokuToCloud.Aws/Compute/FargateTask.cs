using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Aws;

/// <summary>
/// A Fargate task definition: awsvpc networking (ECS.1), no host PID mode (ECS.3), x86-64 Linux like
/// a Heroku dyno, and the smallest valid cpu/memory pair that holds the process, as stack config.
/// </summary>
internal static class FargateTask
{
    public const string ReadOnlyRootRule = "ECS.5";

    /// <summary>
    /// Adds a task definition running one container. Config descriptions go into Pulumi.yaml, which
    /// every stage shares, so they never mention the stage's own plan or size. <paramref name="sizeKey"/> names the cpu and
    /// memory config keys (<c>{sizeKey}Cpu</c>, <c>{sizeKey}Memory</c>).
    /// </summary>
    public static Resource Add(AwsProgram program, string name, string family, string sizeKey, FargateSize size,
        ContainerSpec container, Value executionRoleArn, Value taskRoleArn, Value logGroupName, string owner, string? app)
    {
        var cpu = program.Config($"{sizeKey}Cpu", ConfigType.String, size.Cpu.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"Fargate CPU units of {owner} (1024 = 1 vCPU).", owner);
        var memory = program.Config($"{sizeKey}Memory", ConfigType.String, size.MemoryMiB.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"Fargate memory of {owner} in MiB (must be valid for the CPU units).", owner);

        var properties = new MapValue
        {
            ["family"] = family,
            ["requiresCompatibilities"] = Value.List("FARGATE"),
            ["networkMode"] = "awsvpc",
            ["cpu"] = cpu,
            ["memory"] = memory,
            ["executionRoleArn"] = executionRoleArn,
            ["taskRoleArn"] = taskRoleArn,
            ["runtimePlatform"] = new MapValue { ["operatingSystemFamily"] = "LINUX", ["cpuArchitecture"] = TaskArchitecture.CpuArchitecture },
        };
        if (!container.WritableRootFilesystem)
            properties["volumes"] = Value.List(new MapValue { ["name"] = ContainerSpec.TmpVolume });
        properties["containerDefinitions"] = new JsonValue(Value.List(container.ToDefinition(logGroupName, program.Region)));

        var waivers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (container.WritableRootFilesystem)
        {
            waivers[ReadOnlyRootRule] = "the process writes outside /tmp as it did on Heroku - named by --writable-root or the landing plan: its root filesystem stays writable";
            program.Report(FindingSeverity.Warning, owner,
                "runs with a writable root filesystem because --writable-root (or the plan) says it writes outside /tmp (ECS.5 waived); move its writes to /tmp to drop the waiver.");
        }

        return program.Add(name, AwsTypes.TaskDefinition, properties, owner, app: app, waivers: waivers);
    }
}
