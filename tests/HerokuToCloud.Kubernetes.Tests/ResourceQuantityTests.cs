namespace HerokuToCloud.Kubernetes.Tests;

public class ResourceQuantityTests
{
    [Theory]
    [InlineData(0.25, "250m")]
    [InlineData(1, "1")]
    [InlineData(2, "2")]
    [InlineData(1.5, "1500m")]
    [InlineData(0.0001, "1m")]
    public void Cpu_is_whole_cores_or_millicores(double vcpu, string expected) =>
        Assert.Equal(expected, ContainerResources.Cpu((decimal)vcpu));

    [Theory]
    [InlineData(512, "512Mi")]
    [InlineData(1024, "1Gi")]
    [InlineData(2560, "2560Mi")]
    [InlineData(14336, "14Gi")]
    public void Memory_uses_binary_units(int mebibytes, string expected) =>
        Assert.Equal(expected, ContainerResources.Memory(mebibytes));

    [Fact]
    public void Sizes_that_cannot_be_requested_are_refused()
    {
        Assert.Throws<KubernetesLandingException>(() => ContainerResources.Cpu(0));
        Assert.Throws<KubernetesLandingException>(() => ContainerResources.Memory(-1));
    }
}
