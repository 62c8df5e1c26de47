using HerokuToCloud.Graph;

namespace HerokuToCloud.Aws;

/// <summary>The ECS cluster every app's services and tasks run in, with Container Insights on (ECS.12).</summary>
internal static class Cluster
{
    public static Resource Add(AwsProgram program) =>
        program.Add("cluster", AwsTypes.Cluster, new MapValue
        {
            ["settings"] = Value.List(new MapValue { ["name"] = "containerInsights", ["value"] = "enabled" }),
        }, "the ECS cluster");
}
