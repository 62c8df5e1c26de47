using HerokuToCloud.Graph;
using HerokuToCloud.Kubernetes.Manifests;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes.Tests;

public class NodeArchitectureTests
{
    private readonly KubernetesProgram program = KubernetesLanding.Build(SamplePlans.Shop());

    [Theory]
    [InlineData("shop-web-web-deployment", "spec.template.spec")]
    [InlineData("shop-web-worker-deployment", "spec.template.spec")]
    [InlineData("shop-web-release", "spec.template.spec")]
    [InlineData("shop-web-send-digests-cronjob", "spec.jobTemplate.spec.template.spec")]
    [InlineData("shop-db-data-migration", "spec.template.spec")]
    public void Every_pod_built_from_a_team_image_selects_nodes_of_one_architecture(string resource, string specPath)
    {
        var selector = program.Resource(resource).At([.. specPath.Split('.'), "nodeSelector", NodeArchitecture.NodeLabel]);
        Assert.Equal(new ConfigValue(NodeArchitecture.Key), selector);
        Assert.Equal(new StringValue("amd64"), program.Stack.Values[NodeArchitecture.Key]);
    }

    [Fact]
    public void Generate_warns_to_build_the_images_for_that_architecture()
    {
        var finding = Assert.Single(program.Findings, f => f.Subject == NodeArchitecture.Subject);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains("--platform linux/amd64", finding.Message, StringComparison.Ordinal);
        Assert.Contains("heroku2cloud image", finding.Message, StringComparison.Ordinal);
        Assert.Contains("pulumi config set nodeArchitecture arm64", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Manifests_pin_the_architecture()
    {
        var files = KubernetesManifests.Render(program.Graph, program.Stack, program.Required);
        var deployment = ManifestYaml.Read(files.Single(f => f.Key.EndsWith("-deployment-shop-web-web.yaml", StringComparison.Ordinal)).Value, "test").Single();
        var spec = (MappingValue)((MappingValue)((MappingValue)deployment["spec"]!)["template"]!)["spec"]!;
        Assert.Equal("amd64", ((ScalarText)((MappingValue)spec["nodeSelector"]!)[NodeArchitecture.NodeLabel]!).Text);
    }
}
