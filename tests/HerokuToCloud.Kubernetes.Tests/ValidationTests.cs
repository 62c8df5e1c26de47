using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes.Tests;

public class ValidationTests
{
    private static LandingPlan WithWorker(Service service)
    {
        var plan = SamplePlans.WorkerOnly();
        return plan with { Apps = [plan.Apps[0] with { Services = [plan.Apps[0].Services[0], service] }] };
    }

    [Fact]
    public void Process_types_that_collide_as_kubernetes_names_are_refused()
    {
        var error = Assert.Throws<KubernetesLandingException>(() => KubernetesLanding.Build(WithWorker(
            new Service { Name = "Worker", Kind = ServiceKind.Worker, Compute = SamplePlans.Standard1X })));
        Assert.Contains("same Kubernetes name", error.Message);
    }

    [Fact]
    public void A_web_port_below_1024_is_refused_because_pods_run_as_non_root()
    {
        var error = Assert.Throws<KubernetesLandingException>(() => KubernetesLanding.Build(WithWorker(
            new Service { Name = "web", Kind = ServiceKind.Web, Compute = SamplePlans.Standard1X, Port = 80 })));
        Assert.Contains("port 80", error.Message);
    }

    [Fact]
    public void An_invalid_app_name_names_the_app()
    {
        var plan = SamplePlans.WorkerOnly();
        var error = Assert.Throws<KubernetesLandingException>(() => KubernetesLanding.Build(plan with { Apps = [plan.Apps[0] with { Name = "Tiny_App" }] }));
        Assert.Contains("'Tiny_App'", error.Message);
    }

    [Fact]
    public void A_datastore_named_like_an_app_is_refused()
    {
        var plan = SamplePlans.Shop();
        var error = Assert.Throws<KubernetesLandingException>(() => KubernetesLanding.Build(plan with
        {
            Datastores = [((PostgresDatastore)plan.Datastores[0]) with { Name = "shop-web" }, plan.Datastores[1]],
        }));
        Assert.Contains("shop-web", error.Message);
    }

    [Fact]
    public void A_health_check_path_must_be_a_path()
    {
        var error = Assert.Throws<KubernetesLandingException>(() => KubernetesLanding.Build(WithWorker(
            new Service { Name = "web", Kind = ServiceKind.Web, Compute = SamplePlans.Standard1X, HealthCheckPath = "health" })));
        Assert.Contains("'health'", error.Message);
    }
}
