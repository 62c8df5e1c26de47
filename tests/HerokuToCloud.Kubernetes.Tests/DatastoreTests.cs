using HerokuToCloud.Graph;

namespace HerokuToCloud.Kubernetes.Tests;

public class DatastoreTests
{
    private readonly KubernetesProgram program = KubernetesLanding.Build(SamplePlans.Shop());

    private MapValue Cluster => (MapValue)((ListValue)program.Resource("shop-db-cluster").At("objs")!).Items[0];

    [Fact]
    public void Postgres_becomes_a_protected_cloudnativepg_cluster_sized_from_the_plan()
    {
        var group = program.Resource("shop-db-cluster");
        Assert.Equal(KubernetesTypes.ConfigGroup, group.Type);
        Assert.True(group.Options.Protect);
        Assert.Equal(new StringValue("postgresql.cnpg.io/v1"), Cluster["apiVersion"]);
        Assert.Equal(new StringValue("Cluster"), Cluster["kind"]);
        Assert.Equal(new StringValue("condition=Ready"), Cluster.At("metadata", "annotations", "pulumi.com/waitFor"));
        Assert.Equal(new NumberValue(3), program.StackValue(Cluster.At("spec", "instances")));
        Assert.Equal(new StringValue("64Gi"), program.StackValue(Cluster.At("spec", "storage", "size")));
        Assert.Equal(new StringValue("ghcr.io/cloudnative-pg/postgresql:16"), program.StackValue(Cluster.At("spec", "imageName")));
        Assert.Equal(new StringValue("4Gi"), program.StackValue(Cluster.At("spec", "resources", "limits", "memory")));
        Assert.Equal(new StringValue("120"), program.StackValue(Cluster.At("spec", "postgresql", "parameters", "max_connections")));
        Assert.Equal(new BoolValue(false), Cluster.At("spec", "enableSuperuserAccess"));
        Assert.Contains(program.Findings, f => f.Subject == "shop-db" && f.Message.Contains("backups", StringComparison.Ordinal));
    }

    [Fact]
    public void The_database_is_created_with_herokus_encoding_and_locale_so_text_sorts_as_it_did()
    {
        var initdb = Cluster.At("spec", "bootstrap", "initdb")!;
        Assert.Equal(new StringValue("UTF8"), initdb.At("encoding"));
        Assert.Equal(new StringValue("en_US.UTF-8"), program.StackValue(initdb.At("localeCollate")));
        Assert.Equal(initdb.At("localeCollate"), initdb.At("localeCType"));
    }

    [Fact]
    public void A_plan_without_ha_runs_one_instance()
    {
        var program = KubernetesLanding.Build(SamplePlans.Shop(highAvailability: false));
        var cluster = ((ListValue)program.Resource("shop-db-cluster").At("objs")!).Items[0];
        Assert.Equal(new NumberValue(1), program.StackValue(cluster.At("spec", "instances")));
    }

    [Fact]
    public void A_single_instance_cluster_gets_no_disruption_budget_that_would_block_every_node_drain()
    {
        var single = KubernetesLanding.Build(SamplePlans.Shop(highAvailability: false));
        var cluster = ((ListValue)single.Resource("shop-db-cluster").At("objs")!).Items[0];
        Assert.Equal(new ConfigValue("shopDbEnablePdb"), cluster.At("spec", "enablePDB"));
        Assert.Equal(new BoolValue(false), single.StackValue(cluster.At("spec", "enablePDB")));
        // With replicas the budgets keep the primary serving through a drain, as CloudNativePG intends.
        Assert.Equal(new BoolValue(true), program.StackValue(Cluster.At("spec", "enablePDB")));
    }

    [Fact]
    public void The_owner_password_reaches_cloudnativepg_through_a_basic_auth_secret()
    {
        var credentials = program.Resource("shop-db-app-credentials");
        Assert.Equal(new StringValue("kubernetes.io/basic-auth"), credentials.At("type"));
        Assert.Equal(new ReferenceValue("shop-db-password", "result"), credentials.At("stringData", "password"));
        Assert.Equal(credentials.At("metadata", "name"), Cluster.At("spec", "bootstrap", "initdb", "secret", "name"));
        Assert.Equal(new StringValue("app"), Cluster.At("spec", "bootstrap", "initdb", "owner"));
        Assert.Contains("shop-db-app-credentials", program.Resource("shop-db-cluster").Options.DependsOn);
    }

    [Fact]
    public void Redis_becomes_a_tls_only_valkey_statefulset_with_a_password_and_a_volume()
    {
        var set = program.Resource("shop-cache-statefulset");
        var container = set.Container();
        var args = ((ListValue)container["args"]!).Items.Select(GraphText.Write).ToList();
        Assert.Equal("\"0\"", args[args.IndexOf("\"--port\"") + 1]);
        Assert.Equal("\"6379\"", args[args.IndexOf("\"--tls-port\"") + 1]);
        Assert.Equal("\"$(VALKEY_PASSWORD)\"", args[args.IndexOf("\"--requirepass\"") + 1]);
        Assert.Equal("\"noeviction\"", args[args.IndexOf("\"--maxmemory-policy\"") + 1]);
        Assert.Equal(new StringValue("shop-cache-auth"), container.At("env", "0", "valueFrom", "secretKeyRef", "name"));
        Assert.Equal(new NumberValue(999), set.At("spec", "template", "spec", "securityContext", "runAsUser"));
        Assert.Equal(new ConfigValue("storageClass"), set.At("spec", "volumeClaimTemplates", "0", "spec", "storageClassName"));
        Assert.Equal(new StringValue("1Gi"), program.StackValue(set.At("spec", "volumeClaimTemplates", "0", "spec", "resources", "requests", "storage")));
        Assert.Equal(new StringValue("shop-cache-tls"), set.At("spec", "template", "spec", "volumes", "0", "secret", "secretName"));

        var tls = (ListValue)program.Resource("shop-cache-tls").At("objs")!;
        Assert.Equal(new StringValue("Issuer"), tls.Items[0].At("kind"));
        Assert.Equal(new StringValue("Certificate"), tls.Items[1].At("kind"));
        Assert.Equal(new StringValue("shop-cache-tls"), tls.Items[1].At("spec", "secretName"));
        Assert.Equal(new StringValue("condition=Ready"), tls.Items[1].At("metadata", "annotations", "pulumi.com/waitFor"));
    }

    [Fact]
    public void External_datastores_are_secret_config_urls()
    {
        var program = KubernetesLanding.Build(SamplePlans.Shop(), new KubernetesLandingOptions { Postgres = PostgresMode.External, Redis = RedisMode.External });
        Assert.DoesNotContain(program.OfType(KubernetesTypes.ConfigGroup), g => g.At("objs") is not null);
        Assert.Empty(program.OfType(KubernetesTypes.StatefulSet));
        var data = (MapValue)program.Resource("shop-web-env").At("stringData")!;
        Assert.Equal(new ConfigValue("shopDbUrl"), data["DATABASE_URL"]);
        Assert.Equal(new ConfigValue("shopCacheUrl"), data["REDIS_TLS_URL"]);
        Assert.True(program.Graph.Config.Single(c => c.Key == "shopDbUrl").Secret);
        // The data migration still copies into the external database.
        Assert.Equal(new ConfigValue("shopDbUrl"), program.Resource("shop-db-migration-env").At("stringData", "HEROKU2CLOUD_TARGET_URL"));
        Assert.Equal(["shop-db-migration-env"], program.Resource("shop-db-data-migration").Options.DependsOn);
    }

    [Fact]
    public void A_multi_node_redis_plan_is_reported()
    {
        var plan = SamplePlans.Shop();
        var program = KubernetesLanding.Build(plan with { Datastores = [plan.Datastores[0], ((Landing.RedisDatastore)plan.Datastores[1]) with { Nodes = 2 }] });
        Assert.Contains(program.Findings, f => f.Subject == "shop-cache" && f.Severity == Landing.FindingSeverity.Warning);
    }
}
