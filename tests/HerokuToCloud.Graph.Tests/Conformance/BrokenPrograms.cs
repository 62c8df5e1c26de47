using HerokuToCloud.Graph.Tests.Samples;

namespace HerokuToCloud.Graph.Tests.Conformance;

/// <summary>Programs with one mistake each that <c>pulumi preview</c> would reject.</summary>
internal static class BrokenPrograms
{
    public static IEnumerable<(string Name, ResourceGraph Graph)> All()
    {
        yield return ("unknown-type", Aws(g => g.Add(new Resource("svc", "aws:ecs:Servise"))));
        yield return ("misspelled-token", Aws(g => g.Add(new Resource("cluster", "aws:ecs/clustr:Cluster"))));
        yield return ("unknown-property", Aws(g => g.Add(new Resource("cluster", "aws:ecs/cluster:Cluster")
        {
            Properties = new MapValue { ["nmae"] = "shop" },
        })));
        yield return ("unknown-nested-property", Aws(g => g.Add(new Resource("web", "aws:ecs/service:Service")
        {
            Properties = new MapValue
            {
                ["loadBalancers"] = Value.List(new MapValue
                {
                    ["containerName"] = "web",
                    ["containerPort"] = 5000,
                    ["targetGroupArn"] = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef",
                    ["healthCheckPath"] = "/",
                }),
            },
        })));
        yield return ("string-for-number", Aws(g => g.Add(new Resource("web", "aws:ecs/service:Service")
        {
            Properties = new MapValue { ["desiredCount"] = "2" },
        })));
        yield return ("number-for-boolean", Aws(g => g.Add(new Resource("images", "aws:ecr/repository:Repository")
        {
            Properties = new MapValue { ["forceDelete"] = 1 },
        })));
        yield return ("unknown-function", Aws(g => g.AddVariable("zones", new InvokeValue("aws:getAvailabilityZonez", new MapValue(), "names"))));
        yield return ("unknown-function-argument", Aws(g => g.AddVariable("zones", new InvokeValue("aws:getAvailabilityZones", new MapValue { ["stat"] = "available" }, "names"))));
        yield return ("unknown-function-result", Aws(g => g.AddVariable("zones", new InvokeValue("aws:getAvailabilityZones", new MapValue(), "nmaes"))));
        yield return ("wrong-enum", Aws(g => g.Add(new Resource("alb", "aws:alb:LoadBalancer")
        {
            Properties = new MapValue { ["loadBalancerType"] = "applicaton" },
        })));
        yield return ("wrong-api-version", Kubernetes(g => g.Add(new Resource("ns", "kubernetes:core/v1:Namespace")
        {
            Properties = new MapValue { ["apiVersion"] = "v2" },
        })));
        yield return ("unknown-output", Aws(g =>
        {
            var cluster = g.Add(new Resource("cluster", "aws:ecs/cluster:Cluster"));
            g.AddOutput("clusterName", cluster.Ref("nmae"));
        }));
        yield return ("missing-required-property", Aws(g => g.Add(new Resource("task", "aws:ecs/taskDefinition:TaskDefinition")
        {
            Properties = new MapValue { ["family"] = "web" },
        })));
        yield return ("wrong-pin", Aws(g => g.Add(new Resource("cluster", "aws:ecs/cluster:Cluster")), awsVersion: "7.47.0"));
        yield return ("unsupported-in-yaml", Kubernetes(g => g.Add(new Resource("db", "kubernetes:apiextensions.k8s.io:CustomResource")
        {
            Properties = new MapValue { ["apiVersion"] = "postgresql.cnpg.io/v1", ["kind"] = "Cluster" },
        })));
    }

    private static ResourceGraph Aws(Action<ResourceGraph> build, string awsVersion = SampleGraphs.AwsVersion)
    {
        var graph = new ResourceGraph("broken", "One mistake.");
        graph.Pin("aws", awsVersion);
        build(graph);
        return graph;
    }

    private static ResourceGraph Kubernetes(Action<ResourceGraph> build)
    {
        var graph = new ResourceGraph("broken", "One mistake.");
        graph.Pin("kubernetes", SampleGraphs.KubernetesVersion);
        build(graph);
        return graph;
    }
}
