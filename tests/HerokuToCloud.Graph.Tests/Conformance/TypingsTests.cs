using HerokuToCloud.Graph.Tests.Infrastructure;
using HerokuToCloud.Graph.TypeScript;

namespace HerokuToCloud.Graph.Tests.Conformance;

/// <summary>The naming rules and the token catalog agree with the pinned SDKs.</summary>
[Collection(ConformanceCollection.Name)]
public class TypingsTests(ConformanceRun run)
{
    [Fact]
    public void Every_resource_type_maps_to_the_class_that_defines_it()
    {
        var typings = run.Runner.Typings;

        var wrong = typings.ResourceTypes
            .Where(token => TypeTokens.ResourceClass(token) != SdkPath(typings.Modules[token], token.Split(':')[^1]))
            .ToList();

        Assert.True(typings.ResourceTypes.Count > 2000, $"only {typings.ResourceTypes.Count} resource types found");
        Assert.Empty(wrong);
    }

    [Fact]
    public void Every_public_function_maps_to_its_output_form()
    {
        var typings = run.Runner.Typings;

        // Kubernetes' invokes (helm:template, yaml:decode) are internal to its SDK, not public functions.
        var wrong = typings.Functions
            .Where(token => !token.StartsWith("kubernetes:", StringComparison.Ordinal))
            .Where(token => TypeTokens.FunctionOutput(token) != SdkPath(typings.Modules[token], token.Split(':')[^1]) + "Output")
            .ToList();

        Assert.True(typings.Functions.Count > 500, $"only {typings.Functions.Count} functions found");
        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("aws:ecs:Service", "aws:ecs/service:Service")]
    [InlineData("aws:ecs/service:Service", "aws:ecs/service:Service")]
    [InlineData("aws:lb:LoadBalancer", "aws:lb/loadBalancer:LoadBalancer")]
    [InlineData("random:RandomPassword", "random:index/randomPassword:RandomPassword")]
    [InlineData("command:local:Command", "command:local:Command")]
    [InlineData("kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:Deployment")]
    [InlineData("pulumi:providers:aws", "pulumi:providers:aws")]
    [InlineData("aws:ecs:Servise", null)]
    [InlineData("aws:ecs/sevice:Service", null)]
    [InlineData("pulumi:providers:gcp", null)]
    public void Resource_tokens_resolve_as_pulumi_yaml_resolves_them(string token, string? canonical)
    {
        Assert.Equal(canonical, run.Runner.Typings.ResolveResource(token));
    }

    [Theory]
    [InlineData("aws:getAvailabilityZones", "aws:index/getAvailabilityZones:getAvailabilityZones")]
    [InlineData("aws:ec2:getSubnets", "aws:ec2/getSubnets:getSubnets")]
    [InlineData("aws:getAvailabilityZonez", null)]
    public void Function_tokens_resolve_as_pulumi_yaml_resolves_them(string token, string? canonical)
    {
        Assert.Equal(canonical, run.Runner.Typings.ResolveFunction(token));
    }

    [Fact]
    public void Versions_are_the_pins_of_tests_conformance_package_json()
    {
        var manifest = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "tests", "conformance", "package.json"));

        foreach (var (package, version) in run.Runner.Typings.Versions)
            Assert.Contains($"\"@pulumi/{package}\": \"{version}\"", manifest, StringComparison.Ordinal);
        Assert.Equal(["aws", "command", "kubernetes", "random"], run.Runner.Typings.Versions.Keys.Order());
    }

    private static string SdkPath(string module, string name)
    {
        var parts = module.Split('/');
        return string.Join(".", new[] { TypeTokens.Import(parts[0]).Alias }.Concat(parts.Skip(1)).Append(name));
    }
}
