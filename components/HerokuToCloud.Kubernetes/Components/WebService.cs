using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// A ClusterIP Service in front of an app's web pods: port 80 inside the cluster to the container's named http port.
/// It is created after its Deployment and without the provider's wait for endpoints. The provider
/// fails a Service whose selector targets no ready pod within 10 minutes; created at once, the Service
/// waited for pods that cannot exist before the data copy and the release phase have finished, so
/// any copy longer than that failed the first pulumi up, and a web process scaled to 0 (a stage
/// without web dynos) failed every update. The Deployment's own wait already proves its pods ready.
/// </summary>
internal static class WebService
{
    public const int Port = 80;

    public static Resource Build(LandingContext context, AppRuntime runtime, Service web, Resource deployment)
    {
        var name = AppDeployment.WorkloadName(runtime.App, web);
        var labels = runtime.Labels(name, Labels.WebComponent);
        return context.Add(new Resource($"{name}-service", KubernetesTypes.Service)
        {
            Properties = new MapValue
            {
                ["metadata"] = context.Metadata(name, labels.All(), new MapValue { [KubernetesTypes.SkipAwaitAnnotation] = "true" }),
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
            Options = new ResourceOptions { DependsOn = [deployment.Name] },
        });
    }
}
