using HerokuToCloud.Graph;
using HerokuToCloud.Kubernetes.Policy;

namespace HerokuToCloud.Kubernetes.Tests;

public class NamespaceAndLabelTests
{
    private readonly KubernetesProgram program = KubernetesLanding.Build(SamplePlans.Shop());

    [Fact]
    public void The_namespace_enforces_restricted_pod_security_with_a_pinned_version()
    {
        var ns = Assert.Single(program.OfType(KubernetesTypes.Namespace));
        var labels = (MapValue)ns.At("metadata", "labels")!;
        Assert.Equal("restricted", ((StringValue)labels["pod-security.kubernetes.io/enforce"]!).Text);
        Assert.Equal(ProviderVersions.PodSecurityVersion, ((StringValue)labels["pod-security.kubernetes.io/enforce-version"]!).Text);
        Assert.Equal(new StringValue("shop-prod"), program.StackValue(ns.At("metadata", "name")));
    }

    [Fact]
    public void Every_namespaced_object_lives_in_the_namespace_the_program_creates()
    {
        foreach (var resource in program.Graph.Resources.Where(r => KubernetesTypes.ApiVersionAndKind(r.Type) is not null && r.Type != KubernetesTypes.Namespace))
            Assert.Equal(new ReferenceValue("shop-namespace", "metadata.name"), resource.At("metadata", "namespace"));
        foreach (var group in program.OfType(KubernetesTypes.ConfigGroup).Where(g => g.At("objs") is not null))
        {
            foreach (var obj in ((ListValue)group.At("objs")!).Items)
                Assert.Equal(new ConfigValue("namespace"), obj.At("metadata", "namespace"));
        }
    }

    [Fact]
    public void Every_object_and_pod_template_carries_the_recommended_labels()
    {
        string[] keys = [Labels.NameKey, Labels.InstanceKey, Labels.ComponentKey, Labels.PartOfKey, Labels.ManagedByKey];
        var objects = program.Graph.Resources.Where(r => KubernetesTypes.ApiVersionAndKind(r.Type) is not null).Select(r => (r.Name, (Value)r.Properties))
            .Concat(program.OfType(KubernetesTypes.ConfigGroup).Where(g => g.At("objs") is not null).SelectMany(g => ((ListValue)g.At("objs")!).Items.Select(o => (g.Name, o))));
        foreach (var (name, body) in objects)
        {
            var labels = body.At("metadata", "labels") as MapValue;
            Assert.NotNull(labels);
            // System-wide objects (the namespace, the default-deny policy) have no instance of their own.
            var systemWide = name is "shop-namespace" or "shop-default-deny";
            foreach (var key in keys.Where(k => !systemWide || k != Labels.InstanceKey))
                Assert.True(labels.ContainsKey(key), $"{name} lacks {key}");
            Assert.Equal(new StringValue("heroku2cloud"), labels[Labels.ManagedByKey]);
            Assert.Equal(new StringValue("shop"), labels[Labels.PartOfKey]);
        }

        foreach (var template in PodTemplate.In(program.Graph))
        {
            foreach (var key in keys)
                Assert.True(template.Metadata?.MapAt("labels")?.ContainsKey(key), $"{template.Location} lacks {key}");
        }
    }

    [Fact]
    public void The_program_pins_the_kubernetes_and_random_providers()
    {
        Assert.Equal("4.34.2", program.Graph.Packages["kubernetes"]);
        Assert.Equal("4.21.2", program.Graph.Packages["random"]);
        Assert.Equal(2, program.Graph.Packages.Count);
    }

    [Fact]
    public void Logical_names_never_collide_with_config_keys()
    {
        var keys = program.Graph.Config.Select(c => c.Key).ToHashSet();
        Assert.All(program.Graph.Resources, r => Assert.DoesNotContain(r.Name, keys));
        Assert.All(program.Graph.Resources, r => Assert.Contains('-', r.Name));
    }
}

public class RenderedLabelTests
{
    [Fact]
    public void Every_rendered_object_carries_managed_by_and_part_of()
    {
        var program = KubernetesLanding.Build(SamplePlans.Shop());
        var files = Manifests.KubernetesManifests.Render(program.Graph, program.Stack);
        foreach (var (name, yaml) in files.Where(f => f.Key.EndsWith(".yaml", StringComparison.Ordinal) && f.Key != Manifests.KubernetesManifests.Kustomization))
        {
            Assert.Contains("app.kubernetes.io/managed-by: heroku2cloud", yaml, StringComparison.Ordinal);
            Assert.True(yaml.Contains("app.kubernetes.io/part-of: shop", StringComparison.Ordinal), name);
        }
    }
}
