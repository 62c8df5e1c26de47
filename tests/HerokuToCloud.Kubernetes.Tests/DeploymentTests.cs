using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes.Tests;

public class DeploymentTests
{
    private readonly KubernetesProgram program = KubernetesLanding.Build(SamplePlans.Shop());

    [Fact]
    public void Replicas_come_from_stack_config_and_zero_stays_zero()
    {
        Assert.Equal(new NumberValue(2), program.StackValue(program.Resource("shop-web-web-deployment").At("spec", "replicas")));
        Assert.Equal(new NumberValue(1), program.StackValue(program.Resource("shop-web-worker-deployment").At("spec", "replicas")));
        var clock = program.Resource("shop-web-clock-legacy-deployment");
        Assert.Equal(new StringValue("shop-web-clock-legacy"), clock.At("metadata", "name"));
        Assert.Equal(new NumberValue(0), program.StackValue(clock.At("spec", "replicas")));
    }

    [Fact]
    public void Requests_are_the_dyno_size_and_limits_its_headroom()
    {
        var resources = program.Resource("shop-web-web-deployment").Container().At("resources");
        Assert.Equal(new StringValue("250m"), program.StackValue(resources.At("requests", "cpu")));
        Assert.Equal(new StringValue("512Mi"), program.StackValue(resources.At("requests", "memory")));
        Assert.Equal(new StringValue("1"), program.StackValue(resources.At("limits", "cpu")));
        Assert.Equal(new StringValue("1Gi"), program.StackValue(resources.At("limits", "memory")));
    }

    [Fact]
    public void The_web_process_gets_PORT_a_named_port_and_probes_on_the_health_path()
    {
        var web = program.Resource("shop-web-web-deployment").Container();
        var env = Assert.Single(((ListValue)web["env"]!).Items);
        Assert.Equal(new StringValue("PORT"), env.At("name"));
        Assert.Equal(new StringValue("5000"), env.At("value"));
        Assert.Equal(new NumberValue(5000), web.At("ports", "0", "containerPort"));
        Assert.Equal(new StringValue("http"), web.At("ports", "0", "name"));
        Assert.Equal(new ConfigValue("shopWebWebHealthCheckPath"), web.At("readinessProbe", "httpGet", "path"));
        Assert.Equal(new StringValue("/health"), program.Stack.Values["shopWebWebHealthCheckPath"]);
        Assert.Equal(new StringValue("http"), web.At("readinessProbe", "httpGet", "port"));
        Assert.Equal(new SelectValue(0, new ConfigValue("shopWebDomains")), web.At("readinessProbe", "httpGet", "httpHeaders", "0", "value"));

        Assert.Equal(new NumberValue(12), web.At("startupProbe", "failureThreshold"));
        var worker = program.Resource("shop-web-worker-deployment").Container();
        Assert.Null(worker["readinessProbe"]);
        Assert.Null(worker["env"]);
    }

    [Fact]
    public void Liveness_checks_the_port_only_so_a_slow_database_restarts_no_web_pod()
    {
        // Heroku restarts a dyno only when its process crashes; an HTTP liveness check on a page that reads
        // the database restarted every web pod at once while the database was slow or down.
        var web = program.Resource("shop-web-web-deployment").Container();
        Assert.Null(web.At("livenessProbe", "httpGet"));
        Assert.Equal(new StringValue("http"), web.At("livenessProbe", "tcpSocket", "port"));
    }

    [Fact]
    public void The_health_check_path_is_stack_config_for_apps_whose_path_answers_4xx()
    {
        var plain = KubernetesLanding.Build(SamplePlans.Shop());
        Assert.Equal(new StringValue("/"), plain.Stack.Values["shopAdminWebHealthCheckPath"]);
        Assert.Equal(new ConfigValue("shopAdminWebHealthCheckPath"), plain.Resource("shop-admin-web-deployment").Container().At("readinessProbe", "httpGet", "path"));
    }

    [Fact]
    public void Rollout_follows_preboot_and_process_kind()
    {
        MapValue Rolling(string resource) => (MapValue)program.Resource(resource).At("spec", "strategy", "rollingUpdate")!;
        Assert.Equal(new NumberValue(0), Rolling("shop-web-web-deployment")["maxUnavailable"]);
        Assert.Equal(new StringValue("100%"), Rolling("shop-web-web-deployment")["maxSurge"]);
        Assert.Equal(new NumberValue(0), Rolling("shop-admin-web-deployment")["maxUnavailable"]);
        Assert.Equal(new NumberValue(1), Rolling("shop-admin-web-deployment")["maxSurge"]);
    }

    [Theory]
    [InlineData("shop-web-worker-deployment")]
    [InlineData("shop-web-clock-legacy-deployment")]
    public void A_worker_is_recreated_so_a_singleton_never_runs_twice_during_a_deploy(string deployment)
    {
        // A rolling update with maxSurge 0 still starts the new pod while the old one terminates;
        // only Recreate waits until the old pods are gone.
        var strategy = (MapValue)program.Resource(deployment).At("spec", "strategy")!;
        Assert.Equal(new StringValue("Recreate"), strategy["type"]);
        Assert.Null(strategy["rollingUpdate"]);
    }

    [Fact]
    public void Web_pods_keep_serving_briefly_after_removal_so_routers_never_hit_a_closed_port()
    {
        foreach (var name in new[] { "shop-web-web-deployment", "shop-admin-web-deployment" })
        {
            var deployment = program.Resource(name);
            Assert.Equal(new NumberValue(AppDeployment.WebDrainSeconds), deployment.Container().At("lifecycle", "preStop", "sleep", "seconds"));
            // The drain comes before SIGTERM, so the app still gets Heroku's 30 seconds to stop.
            Assert.Equal(new NumberValue(30 + AppDeployment.WebDrainSeconds), deployment.At("spec", "template", "spec", "terminationGracePeriodSeconds"));
        }

        var worker = program.Resource("shop-web-worker-deployment");
        Assert.Null(worker.Container()["lifecycle"]);
        Assert.Equal(new NumberValue(30), worker.At("spec", "template", "spec", "terminationGracePeriodSeconds"));
    }

    [Fact]
    public void Pods_get_Heroku_shutdown_grace_and_no_api_token_or_service_links()
    {
        var spec = (MapValue)program.Resource("shop-web-worker-deployment").At("spec", "template", "spec")!;
        Assert.Equal(new NumberValue(30), spec["terminationGracePeriodSeconds"]);
        Assert.Equal(new BoolValue(false), spec["automountServiceAccountToken"]);
        Assert.Equal(new BoolValue(false), spec["enableServiceLinks"]);
    }

    [Fact]
    public void The_image_is_repository_and_tag_from_config_for_the_team_to_review()
    {
        var image = program.Resource("shop-web-web-deployment").Container()["image"];
        ValueAssert.Same(InterpolationValue.Of(new ConfigValue("shopWebImage"), ":", new ConfigValue("shopWebImageTag")), image);
        Assert.Contains(program.Required, r => r.Key == "shopWebImage" && !r.Secret);
        Assert.Contains(program.Required, r => r.Key == "shopWebImageTag" && !r.Secret);
        Assert.Equal(new StringValue("registry.example.com/shop-web"), program.Stack.Values["shopWebImage"]);

        var chosen = KubernetesLanding.Build(SamplePlans.Shop(), new KubernetesLandingOptions { ImageRegistry = "ghcr.io/acme/", ImageTag = "v42" });
        Assert.Equal(new StringValue("ghcr.io/acme/shop-web"), chosen.Stack.Values["shopWebImage"]);
        Assert.Equal(new StringValue("v42"), chosen.Stack.Values["shopWebImageTag"]);
    }

    [Fact]
    public void Commands_run_through_the_buildpack_launcher_or_a_shell()
    {
        var web = program.Resource("shop-web-web-deployment").Container();
        ValueAssert.Same(Value.List("/cnb/lifecycle/launcher"), web["command"]);
        ValueAssert.Same(Value.List("bundle exec puma -C config/puma.rb"), web["args"]);
        var admin = program.Resource("shop-admin-web-deployment").Container();
        Assert.Null(admin["command"]);

        var plan = SamplePlans.Shop();
        var docker = plan with { Apps = [plan.Apps[1] with { Services = [plan.Apps[1].Services[0] with { Command = "./server" }] }], Datastores = [plan.Datastores[0]] };
        var container = KubernetesLanding.Build(docker).Resource("shop-admin-web-deployment").Container();
        ValueAssert.Same(Value.List("/bin/sh", "-c"), container["command"]);
        ValueAssert.Same(Value.List("./server"), container["args"]);
    }

    [Fact]
    public void Deployments_roll_only_after_the_release_job()
    {
        Assert.Equal(["shop-web-release"], program.Resource("shop-web-web-deployment").Options.DependsOn);
        Assert.Equal(["shop-web-release"], program.Resource("shop-web-worker-deployment").Options.DependsOn);
        // Without a release phase the app waits for its database and the data migration directly.
        Assert.Equal(["shop-db-cluster", "shop-db-data-migration"], program.Resource("shop-admin-web-deployment").Options.DependsOn);
    }

    [Fact]
    public void An_autoscaled_process_leaves_replicas_to_its_autoscaler()
    {
        var admin = program.Resource("shop-admin-web-deployment");
        Assert.Null(admin.At("spec", "replicas"));
        var hpa = Assert.Single(program.OfType(KubernetesTypes.HorizontalPodAutoscaler));
        Assert.Equal(new NumberValue(1), program.StackValue(hpa.At("spec", "minReplicas")));
        Assert.Equal(new NumberValue(4), program.StackValue(hpa.At("spec", "maxReplicas")));
        Assert.Equal(new ReferenceValue("shop-admin-web-deployment", "metadata.name"), hpa.At("spec", "scaleTargetRef", "name"));
        Assert.Equal(new StringValue("Deployment"), hpa.At("spec", "scaleTargetRef", "kind"));
        Assert.Equal(new NumberValue(70), hpa.At("spec", "metrics", "0", "resource", "target", "averageUtilization"));
    }

    [Fact]
    public void A_writable_root_filesystem_is_kept_only_where_the_plan_asks_and_is_annotated()
    {
        var admin = program.Resource("shop-admin-web-deployment");
        Assert.Equal(new BoolValue(false), admin.Container().At("securityContext", "readOnlyRootFilesystem"));
        Assert.Equal(new StringValue(PodSecurity.WritableRootReason), admin.At("metadata", "annotations", "waive.heroku2cloud.io/K8S.readOnlyRootFilesystem"));
        Assert.Contains(program.Findings, f => f.Subject == "shop-admin/web" && f.Message.Contains("writable root", StringComparison.Ordinal));
        var web = program.Resource("shop-web-web-deployment");
        Assert.Equal(new BoolValue(true), web.Container().At("securityContext", "readOnlyRootFilesystem"));
        Assert.Null(web.At("metadata", "annotations"));
        Assert.Equal(new StringValue("/tmp"), web.Container().At("volumeMounts", "0", "mountPath"));
    }

    [Fact]
    public void A_disruption_budget_never_lets_broken_web_pods_block_a_node_drain()
    {
        // With the default IfHealthyBudget, two crash-looping replicas leave no disruption allowed and
        // every drain of their nodes waits for a fix of the app.
        foreach (var budget in program.OfType(KubernetesTypes.PodDisruptionBudget))
            Assert.Equal(new StringValue("AlwaysAllow"), budget.At("spec", "unhealthyPodEvictionPolicy"));
    }

    [Fact]
    public void Every_web_process_gets_a_disruption_budget_of_one()
    {
        var budgets = program.OfType(KubernetesTypes.PodDisruptionBudget).ToList();
        Assert.Equal(2, budgets.Count);
        Assert.All(budgets, b => Assert.Equal(new NumberValue(1), b.At("spec", "maxUnavailable")));
        Assert.Equal(program.Resource("shop-web-web-deployment").At("spec", "selector", "matchLabels"),
            program.Resource("shop-web-web-disruption-budget").At("spec", "selector", "matchLabels"));
    }
}
