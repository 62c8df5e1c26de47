using HerokuToCloud.Graph;
using HerokuToCloud.Kubernetes.Manifests;

namespace HerokuToCloud.Kubernetes.Tests;

/// <summary>
/// What pulumi up does with the web Service and Ingress while the data copy and the release phase run:
/// nothing that waits for web pods may be created before the pods can exist.
/// </summary>
public class RolloutOrderTests
{
    private readonly KubernetesProgram program = KubernetesLanding.Build(SamplePlans.Shop());

    [Fact]
    public void The_web_service_comes_after_its_deployment_and_does_not_wait_for_endpoints()
    {
        // Created at once, the provider waited up to 10 minutes for pods that only start after the
        // migration and release Jobs, then failed the update; a web process scaled to 0 failed every update.
        foreach (var (service, deployment) in new[] { ("shop-web-web-service", "shop-web-web-deployment"), ("shop-admin-web-service", "shop-admin-web-deployment") })
        {
            var resource = program.Resource(service);
            Assert.Equal([deployment], resource.Options.DependsOn);
            Assert.Equal(new StringValue("true"), resource.At("metadata", "annotations", KubernetesTypes.SkipAwaitAnnotation));
        }
    }

    [Fact]
    public void The_valkey_client_service_comes_after_its_statefulset_and_the_statefulset_waits_only_for_the_headless_one()
    {
        // The provider waits for ready pods behind a ClusterIP Service with a selector (not behind a
        // headless one). When the StatefulSet depended on the client Service, each waited for the other
        // and the first pulumi up failed after 10 minutes.
        var statefulSet = program.Resource("shop-cache-statefulset");
        Assert.Contains("shop-cache-headless-service", statefulSet.Options.DependsOn);
        Assert.DoesNotContain("shop-cache-service", statefulSet.Options.DependsOn);
        Assert.Equal(new StringValue("None"), program.Resource("shop-cache-headless-service").At("spec", "clusterIP"));

        var client = program.Resource("shop-cache-service");
        Assert.Equal(["shop-cache-statefulset"], client.Options.DependsOn);
        Assert.Equal(new StringValue("true"), client.At("metadata", "annotations", KubernetesTypes.SkipAwaitAnnotation));
    }

    [Fact]
    public void Every_service_that_selects_pods_is_headless_or_created_after_its_workload_without_waiting()
    {
        foreach (var service in program.Graph.Resources.Where(r => r.Type == KubernetesTypes.Service))
        {
            var headless = service.At("spec", "clusterIP") is StringValue { Text: "None" };
            Assert.True(headless || (service.At("metadata", "annotations", KubernetesTypes.SkipAwaitAnnotation) is StringValue { Text: "true" } && service.Options.DependsOn.Count > 0), service.Name);
        }
    }

    [Fact]
    public void Apps_that_use_the_cache_wait_for_the_service_they_connect_to()
    {
        var users = program.Graph.Resources.Where(r => r.Options.DependsOn.Contains("shop-cache-statefulset") && r.Type != KubernetesTypes.Service).ToList();
        Assert.NotEmpty(users);
        Assert.All(users, r => Assert.Contains("shop-cache-service", r.Options.DependsOn));
    }

    [Fact]
    public void The_ingress_is_created_only_after_the_app_serves()
    {
        // With external-dns, creating the Ingress moves the hostnames' traffic to the cluster.
        Assert.Contains("shop-web-web-service", program.Resource("shop-web-web-ingress").Options.DependsOn);
        Assert.Contains("shop-admin-web-service", program.Resource("shop-admin-web-ingress").Options.DependsOn);
    }

    [Fact]
    public void Manifests_apply_the_ingress_in_a_later_wave_than_the_deployment_and_drop_the_await_annotation()
    {
        var files = KubernetesManifests.Render(program.Graph, program.Stack, program.Required);
        int Order(string suffix) => int.Parse(files.Keys.Single(f => f.EndsWith(suffix, StringComparison.Ordinal))[..2], System.Globalization.CultureInfo.InvariantCulture);
        // Argo CD waits for a wave to be healthy (a Deployment rolled out) before it applies the next; its
        // health check of a ClusterIP Service does not wait for endpoints, so the Service's wave may be early.
        Assert.True(Order("-deployment-shop-web-web.yaml") < Order("-ingress-shop-web-web.yaml"));
        Assert.DoesNotContain("pulumi.com/skipAwait", files.Single(f => f.Key.EndsWith("-service-shop-web-web.yaml", StringComparison.Ordinal)).Value, StringComparison.Ordinal);
    }
}
