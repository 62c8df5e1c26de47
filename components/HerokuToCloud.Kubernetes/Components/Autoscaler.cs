using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// A HorizontalPodAutoscaler (autoscaling/v2) for a process the plan autoscales, with the bounds as
/// stack config. Heroku scales web dynos on p95 response time, which Kubernetes cannot see without a
/// metrics adapter; CPU utilisation (70 % of the request) is the portable stand-in, and a finding says so.
/// </summary>
internal static class Autoscaler
{
    public const int CpuUtilization = 70;

    public static Resource? Build(LandingContext context, AppRuntime runtime, Service service, Resource deployment)
    {
        if (service.Scaling is not { } scaling)
            return null;

        var app = runtime.App;
        var name = AppDeployment.WorkloadName(app, service);
        var keyPrefix = ConfigKeys.Of(app.Name, KubernetesNames.Part(service.Name, "Process type"));
        var what = $"the {service.Name} process of {app.Name}";
        var min = Math.Max(1, scaling.Min);
        var max = Math.Max(min, scaling.Max);
        if (scaling.Max == 0)
            context.Warn($"{app.Name}/{service.Name}", "does not run in this stack's stage, but an autoscaler cannot hold 0 replicas; it runs 1. Scale it to 0 with kubectl scale if it must stay off.");
        context.Note($"{app.Name}/{service.Name}", $"autoscales between {min} and {max} replicas on CPU utilisation ({CpuUtilization} % of the request) instead of Heroku's response-time target.");

        return context.Add(new Resource($"{name}-autoscaler", KubernetesTypes.HorizontalPodAutoscaler)
        {
            Properties = new MapValue
            {
                ["metadata"] = context.Metadata(name, runtime.Labels(name, service.Kind == ServiceKind.Web ? Labels.WebComponent : "worker").All()),
                ["spec"] = new MapValue
                {
                    ["scaleTargetRef"] = new MapValue
                    {
                        ["apiVersion"] = "apps/v1",
                        ["kind"] = "Deployment",
                        ["name"] = deployment.Ref("metadata.name"),
                    },
                    ["minReplicas"] = context.Setting(ConfigKeys.Of(keyPrefix, "min-replicas"), ConfigType.Integer, min, $"Fewest replicas of {what}."),
                    ["maxReplicas"] = context.Setting(ConfigKeys.Of(keyPrefix, "max-replicas"), ConfigType.Integer, max, $"Most replicas of {what}."),
                    ["metrics"] = Value.List(new MapValue
                    {
                        ["type"] = "Resource",
                        ["resource"] = new MapValue
                        {
                            ["name"] = "cpu",
                            ["target"] = new MapValue { ["type"] = "Utilization", ["averageUtilization"] = CpuUtilization },
                        },
                    }),
                },
            },
        });
    }
}
