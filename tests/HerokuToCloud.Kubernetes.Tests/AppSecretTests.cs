using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes.Tests;

public class AppSecretTests
{
    private readonly KubernetesProgram program = KubernetesLanding.Build(SamplePlans.Shop());

    private MapValue Data => (MapValue)program.Resource("shop-web-env").At("stringData")!;

    [Fact]
    public void Team_config_vars_are_secret_config_without_a_stack_value()
    {
        Assert.Equal(new ConfigValue("shopWebStripeApiKey"), Data["STRIPE_API_KEY"]);
        var declaration = Assert.Single(program.Graph.Config, c => c.Key == "shopWebStripeApiKey");
        Assert.True(declaration.Secret);
        Assert.False(program.Stack.Values.ContainsKey("shopWebStripeApiKey"));
        Assert.Contains(program.Required, r => r.Key == "shopWebStripeApiKey" && r.Secret);
    }

    [Fact]
    public void Generated_values_come_from_the_random_provider_url_safe()
    {
        Assert.Equal(new ReferenceValue("shop-web-secret-key-base-random", "result"), Data["SECRET_KEY_BASE"]);
        var random = program.Resource("shop-web-secret-key-base-random");
        Assert.Equal(KubernetesTypes.RandomPassword, random.Type);
        Assert.Equal(new NumberValue(64), random.At("length"));
        Assert.Equal(new BoolValue(false), random.At("special"));
    }

    [Fact]
    public void Addon_urls_are_rebuilt_from_the_new_datastores()
    {
        ValueAssert.Same(InterpolationValue.Of("postgres://app:", new ReferenceValue("shop-db-password", "result"), "@shop-db-rw:5432/app"), Data["DATABASE_URL"]);
        ValueAssert.Same(InterpolationValue.Of("rediss://:", new ReferenceValue("shop-cache-password", "result"), "@shop-cache:6379"), Data["REDIS_URL"]);
        ValueAssert.Same(InterpolationValue.Of("rediss://:", new ReferenceValue("shop-cache-password", "result"), "@shop-cache:6379"), Data["REDIS_TLS_URL"]);
    }

    [Fact]
    public void No_value_in_any_secret_is_a_literal()
    {
        foreach (var secret in program.OfType(KubernetesTypes.Secret))
        {
            foreach (var (key, value) in (MapValue)secret.At("stringData")!)
            {
                var literalOnly = value is StringValue || value is InterpolationValue i && i.Parts.All(p => p is StringValue);
                Assert.False(literalOnly && key != "username", $"{secret.Name}.{key} is a literal");
            }
        }
    }

    [Fact]
    public void The_secret_is_auto_named_so_a_change_replaces_it_and_rolls_every_pod()
    {
        var secret = program.Resource("shop-web-env");
        Assert.Null(secret.At("metadata", "name"));
        var reference = new ReferenceValue("shop-web-env", "metadata.name");
        foreach (var resource in new[] { "shop-web-web-deployment", "shop-web-worker-deployment", "shop-web-release" })
            Assert.Equal(reference, program.Resource(resource).Container().At("envFrom", "0", "secretRef", "name"));
        Assert.Equal(reference, program.Resource("shop-web-send-digests-cronjob").Container("spec.jobTemplate.spec.template.spec").At("envFrom", "0", "secretRef", "name"));
    }

    [Fact]
    public void An_app_without_config_vars_gets_no_secret_and_no_envFrom()
    {
        var program = KubernetesLanding.Build(SamplePlans.WorkerOnly());
        Assert.Empty(program.OfType(KubernetesTypes.Secret));
        Assert.Null(program.Resource("tiny-worker-deployment").Container()["envFrom"]);
    }

    [Fact]
    public void A_config_var_from_an_unknown_datastore_is_a_clear_error()
    {
        var plan = SamplePlans.WorkerOnly();
        plan = plan with { Apps = [plan.Apps[0] with { Secrets = [new SecretEntry("DATABASE_URL", new FromDatastore("missing-db", DatastoreUrl.Url))] }] };
        var error = Assert.Throws<KubernetesLandingException>(() => KubernetesLanding.Build(plan));
        Assert.Contains("missing-db", error.Message);
        Assert.Contains("tiny", error.Message);
    }
}
