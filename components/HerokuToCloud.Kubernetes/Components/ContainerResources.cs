using System.Globalization;
using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// CPU and memory requests and limits for one container, as stack config so each stage can size it.
/// Requests are what the Heroku dyno guaranteed (<see cref="ComputeSize.Vcpu"/>, <see cref="ComputeSize.MemoryMiB"/>).
/// Limits are the plan's headroom (<see cref="ComputeSize.LimitVcpu"/>, <see cref="ComputeSize.LimitMemoryMiB"/>):
/// shared dynos burst above their CPU share and survive brief memory overuse on Heroku, where a hard
/// Kubernetes limit would throttle or OOM-kill them. CPU limits are set (not left open) so one app
/// cannot starve its neighbours on a node; raise or remove them in the stack file if throttling shows.
/// </summary>
internal static class ContainerResources
{
    public static MapValue For(LandingContext context, string keyPrefix, string what, ComputeSize compute) =>
        Of(
            context.Setting(ConfigKeys.Of(keyPrefix, "cpu-request"), ConfigType.String, Cpu(compute.Vcpu), $"CPU request of {what} (the Heroku dyno size's share)."),
            context.Setting(ConfigKeys.Of(keyPrefix, "memory-request"), ConfigType.String, Memory(compute.MemoryMiB), $"Memory request of {what}."),
            context.Setting(ConfigKeys.Of(keyPrefix, "cpu-limit"), ConfigType.String, Cpu(Math.Max(compute.LimitVcpu, compute.Vcpu)), $"CPU limit of {what}."),
            context.Setting(ConfigKeys.Of(keyPrefix, "memory-limit"), ConfigType.String, Memory(Math.Max(compute.LimitMemoryMiB, compute.MemoryMiB)), $"Memory limit of {what}."));

    public static MapValue Of(Value cpuRequest, Value memoryRequest, Value cpuLimit, Value memoryLimit) => new()
    {
        ["requests"] = new MapValue { ["cpu"] = cpuRequest, ["memory"] = memoryRequest },
        ["limits"] = new MapValue { ["cpu"] = cpuLimit, ["memory"] = memoryLimit },
    };

    /// <summary>A Kubernetes CPU quantity: whole cores as "2", fractions in millicores ("250m").</summary>
    public static string Cpu(decimal vcpu)
    {
        if (vcpu <= 0)
            throw new KubernetesLandingException($"A CPU size of {vcpu} vCPU cannot be requested; the landing plan must give a positive size.");
        var millicores = decimal.Ceiling(vcpu * 1000);
        return millicores % 1000 == 0
            ? (millicores / 1000).ToString("0", CultureInfo.InvariantCulture)
            : millicores.ToString("0", CultureInfo.InvariantCulture) + "m";
    }

    /// <summary>A Kubernetes memory quantity in binary units ("512Mi", "2Gi").</summary>
    public static string Memory(int mebibytes)
    {
        if (mebibytes <= 0)
            throw new KubernetesLandingException($"A memory size of {mebibytes} MiB cannot be requested; the landing plan must give a positive size.");
        return mebibytes % 1024 == 0
            ? (mebibytes / 1024).ToString(CultureInfo.InvariantCulture) + "Gi"
            : mebibytes.ToString(CultureInfo.InvariantCulture) + "Mi";
    }
}
