using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes;

/// <summary>A ClusterIP Service in front of an app's web pods: port 80 inside the cluster to the container's named http port.</summary>
internal static class WebService
{
    public const int Port = 80;

    public static Resource Build(LandingContext context, AppRuntime runtime, Service web)
    {
        var name = AppDeployment.WorkloadName(runtime.App, web);
        var labels = runtime.Labels(name, Labels.WebComponent);
        return context.Add(new Resource($"{name}-service", KubernetesTypes.Service)
        {
            Properties = new MapValue
            {
                ["metadata"] = context.Metadata(name, labels.All()),
                ["spec"] = new MapValue
                {
                    ["type"] = "ClusterIP",
                    ["selector"] = labels.Selector(),
                    ["ports"] = Value.List(new MapValue
                    {
                        ["name"] = "http",
                        ["port"] = Port,
                        ["targetPort"] = "http",
                        ["protocol"] = "TCP",
                    }),
                },
            },
        });
    }
}
