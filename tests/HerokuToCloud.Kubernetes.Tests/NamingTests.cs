namespace HerokuToCloud.Kubernetes.Tests;

public class NamingTests
{
    [Theory]
    [InlineData("worker_high", "worker-high")]
    [InlineData("SendEmails", "sendemails")]
    [InlineData("  web  ", "web")]
    [InlineData("a__b", "a-b")]
    public void Part_turns_process_types_into_label_parts(string text, string expected) =>
        Assert.Equal(expected, KubernetesNames.Part(text, "Process type"));

    [Fact]
    public void Part_refuses_text_with_nothing_usable()
    {
        var error = Assert.Throws<KubernetesLandingException>(() => KubernetesNames.Part("__", "Process type"));
        Assert.Contains("'__'", error.Message);
    }

    [Fact]
    public void Fit_keeps_short_names_and_shortens_long_ones_uniquely()
    {
        Assert.Equal("shop-web", KubernetesNames.Fit("shop-web", 52));
        var a = KubernetesNames.Fit("a-very-long-application-name-that-goes-on-and-on-send-digests", 52);
        var b = KubernetesNames.Fit("a-very-long-application-name-that-goes-on-and-on-send-reports", 52);
        Assert.Equal(52, a.Length);
        Assert.NotEqual(a, b);
        Assert.True(KubernetesNames.IsLabel(a), a);
        Assert.Equal(a, KubernetesNames.Fit("a-very-long-application-name-that-goes-on-and-on-send-digests", 52));
    }

    [Theory]
    [InlineData("Shop")]
    [InlineData("1shop")]
    [InlineData("shop_web")]
    [InlineData("shop-")]
    public void Require_rejects_names_kubernetes_would_refuse(string name) =>
        Assert.Throws<KubernetesLandingException>(() => KubernetesNames.Require(name, "App name"));
}
