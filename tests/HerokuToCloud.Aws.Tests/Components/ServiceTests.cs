using HerokuToCloud.Aws.Tests.Fixtures;
using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Aws.Tests.Components;

public class ServiceTests
{
    private static AwsLandingResult Emigrate(AwsLandingOptions? options = null) => AwsLanding.Build(Plans.EmigratePlan(), options);

    [Fact]
    public void The_cluster_has_container_insights()
    {
        var cluster = Emigrate().Program.Get("cluster");
        Assert.Equal(new StringValue("containerInsights"), cluster.At("settings[0].name"));
        Assert.Equal(new StringValue("enabled"), cluster.At("settings[0].value"));
    }

    [Fact]
    public void Each_app_gets_a_scanned_immutable_repository_with_a_lifecycle_and_the_tag_from_config()
    {
        var result = Emigrate();
        var repository = result.Program.Get("emigrate-images");
        Assert.Equal(new BoolValue(true), repository.At("imageScanningConfiguration.scanOnPush"));
        Assert.Equal("IMMUTABLE", repository.Text("imageTagMutability"));
        var lifecycle = result.Program.Get("emigrate-images-lifecycle");
        Assert.Equal(new ReferenceValue("emigrate-images", "name"), lifecycle.At("repository"));
        Assert.Equal("untagged", lifecycle.Text("policy.rules[0].selection.tagStatus"));
        GraphQuery.Same(InterpolationValue.Of(new ReferenceValue("emigrate-images", "repositoryUrl"), ":", new ConfigValue("emigrateImageTag")),
            result.Program.Get("emigrate-web-task").At("containerDefinitions[0].image"));
        Assert.Equal(new StringValue("initial"), result.Stack.Values["emigrateImageTag"]);
        Assert.Equal(new ReferenceValue("emigrate-images", "repositoryUrl"), result.Program.Outputs.Single(o => o.Name == "emigrateRepositoryUrl").Value);
    }

    [Fact]
    public void The_web_service_sits_behind_a_hardened_load_balancer()
    {
        var program = Emigrate().Program;
        var balancer = program.Get("emigrate-alb");
        Assert.Equal(new BoolValue(true), balancer.At("dropInvalidHeaderFields"));
        Assert.Equal("defensive", balancer.Text("desyncMitigationMode"));
        Assert.Equal(new NumberValue(90), balancer.At("idleTimeout"));
        Assert.Equal(new BoolValue(false), balancer.At("internal"));
        Assert.Equal(new ConfigValue("loadBalancerDeletionProtection"), balancer.At("enableDeletionProtection"));

        var targets = program.Get("emigrate-tg");
        Assert.Equal(new ConfigValue("emigrateWebHealthCheckPath"), targets.At("healthCheck.path"));
        Assert.Equal(new NumberValue(30), targets.At("deregistrationDelay"));
        Assert.Equal(new NumberValue(5000), targets.At("port"));
        Assert.Equal("ip", targets.Text("targetType"));

        Assert.Equal("redirect", program.Get("emigrate-http").Text("defaultActions[0].type"));
        Assert.Equal("HTTPS", program.Get("emigrate-http").Text("defaultActions[0].redirect.protocol"));
        var https = program.Get("emigrate-https");
        Assert.Equal("ELBSecurityPolicy-TLS13-1-2-2021-06", https.Text("sslPolicy"));
        Assert.Equal(new ReferenceValue("emigrate-certificate", "outputs.CertificateArn"), https.At("certificateArn"));
    }

    [Fact]
    public void The_web_container_gets_PORT_and_Heroku_shutdown_behaviour()
    {
        var result = Emigrate();
        var container = result.Program.Get("emigrate-web-task").At("containerDefinitions[0]");
        GraphQuery.Same(Value.List(new MapValue { ["name"] = "PORT", ["value"] = "5000" }), GraphQuery.At(container, "environment"));
        Assert.Equal(new NumberValue(5000), GraphQuery.At(container, "portMappings[0].containerPort"));
        Assert.Equal(new NumberValue(30), GraphQuery.At(container, "stopTimeout"));
        GraphQuery.Same(Value.List("bundle exec puma -C config/puma.rb"), GraphQuery.At(container, "command"));
        Assert.Equal(new BoolValue(true), GraphQuery.At(container, "readonlyRootFilesystem"));
        Assert.Equal("/tmp", (GraphQuery.At(container, "mountPoints[0].containerPath") as StringValue)?.Text);
        Assert.Equal(new StringValue("/up"), result.Stack.Values["emigrateWebHealthCheckPath"]);
    }

    [Fact]
    public void A_Procfile_command_with_shell_expansions_survives_the_Pulumi_YAML_round_trip()
    {
        var plan = Plans.EmigratePlan();
        var app = plan.Apps[0];
        const string command = "bundle exec puma -p ${PORT:-5000} -e $RACK_ENV";
        plan = plan with { Apps = [app with { Services = [.. app.Services.Select(s => s.Name == "web" ? s with { Command = command } : s)] }] };
        var written = Graph.PulumiYaml.PulumiYamlWriter.Write(AwsLanding.Build(plan).Program);
        var read = Graph.PulumiYaml.PulumiYamlReader.Read(written, "Pulumi.yaml");
        GraphQuery.Same(Value.List(command), read.Get("emigrate-web-task").At("containerDefinitions[0].command"));
    }

    [Fact]
    public void A_buildpack_image_runs_each_process_through_the_CNB_launcher_so_it_does_not_start_web()
    {
        var program = Emigrate().Program;
        foreach (var (task, command) in new[]
                 {
                     ("emigrate-web-task", "bundle exec puma -C config/puma.rb"),
                     ("emigrate-worker-task", "bundle exec sidekiq"),
                     ("emigrate-release-task", "bundle exec rails db:migrate"),
                 })
        {
            var container = program.Get(task).At("containerDefinitions[0]");
            GraphQuery.Same(Value.List(ProcessLaunch.CnbLauncher), GraphQuery.At(container, "entryPoint"));
            GraphQuery.Same(Value.List(command), GraphQuery.At(container, "command"));
        }
    }

    [Fact]
    public void A_Dockerfile_image_runs_each_process_with_sh_c_in_place_of_its_entrypoint()
    {
        var plan = Plans.EmigratePlan();
        plan = plan with { Apps = [plan.Apps[0] with { Image = new ImageBuild { Dockerfile = "Dockerfile" } }] };
        var container = AwsLanding.Build(plan).Program.Get("emigrate-worker-task").At("containerDefinitions[0]");
        GraphQuery.Same(Value.List("/bin/sh", "-c"), GraphQuery.At(container, "entryPoint"));
        GraphQuery.Same(Value.List("bundle exec sidekiq"), GraphQuery.At(container, "command"));
    }

    [Fact]
    public void Preboot_keeps_full_capacity_and_a_failing_deploy_rolls_back()
    {
        var program = Emigrate().Program;
        var web = program.Get("emigrate-web");
        Assert.Equal(new NumberValue(100), web.At("deploymentMinimumHealthyPercent"));
        Assert.Equal(new NumberValue(200), web.At("deploymentMaximumPercent"));
        Assert.Equal(new BoolValue(true), web.At("deploymentCircuitBreaker.enable"));
        Assert.Equal(new BoolValue(true), web.At("deploymentCircuitBreaker.rollback"));
        Assert.Equal(new BoolValue(false), web.At("networkConfiguration.assignPublicIp"));
        Assert.Equal("LATEST", web.Text("platformVersion"));
        Assert.Equal(new ReferenceValue("emigrate-tg", "arn"), web.At("loadBalancers[0].targetGroupArn"));
        Assert.Contains("emigrate-https", web.Options.DependsOn);
        Assert.Contains("emigrate-release", web.Options.DependsOn);
        Assert.Equal(new NumberValue(50), program.Get("emigrate-worker").At("deploymentMinimumHealthyPercent"));
    }

    [Fact]
    public void Workers_have_no_load_balancer_and_a_count_of_zero_stays_zero()
    {
        var result = Emigrate();
        var clock = result.Program.Get("emigrate-clock");
        Assert.Null(clock.At("loadBalancers"));
        Assert.Equal(new ConfigValue("emigrateClockCount"), clock.At("desiredCount"));
        Assert.Equal(new NumberValue(0), result.Stack.Values["emigrateClockCount"]);
        Assert.Null(result.Program.Get("emigrate-clock-task").At("containerDefinitions[0].environment"));
        Assert.Null(result.Program.Get("emigrate-clock-task").At("containerDefinitions[0].portMappings"));
    }

    [Fact]
    public void The_release_phase_is_a_one_off_run_never_a_service_that_ECS_keeps_running()
    {
        var program = Emigrate().Program;
        Assert.Equal(["emigrate-web", "emigrate-worker", "emigrate-clock"], program.OfType(AwsTypes.Service).Select(s => s.Name));
        Assert.Equal(AwsTypes.LocalCommand, program.Get("emigrate-release").Type);
        // A service at 0 tasks is steady as soon as it exists (0 running of 0 desired), so waiting costs nothing.
        Assert.Equal(new BoolValue(true), program.Get("emigrate-clock").At("waitForSteadyState"));
    }

    [Fact]
    public void Fargate_sizes_are_stack_config_with_valid_pairs()
    {
        var stack = Emigrate().Stack.Values;
        Assert.Equal(new StringValue("2048"), stack["emigrateWebCpu"]);
        Assert.Equal(new StringValue("4096"), stack["emigrateWebMemory"]);
        Assert.Equal(new StringValue("1024"), stack["emigrateWorkerCpu"]);
        Assert.Equal(new StringValue("2048"), stack["emigrateWorkerMemory"]);
        Assert.Equal(new StringValue("512"), stack["emigrateReleaseCpu"]);
        Assert.Equal(new StringValue("1024"), stack["emigrateReleaseMemory"]);
    }

    [Fact]
    public void Autoscaled_services_track_cpu_between_the_plan_bounds()
    {
        var result = Emigrate();
        var target = result.Program.Get("emigrate-web-scaling");
        Assert.Equal(new ConfigValue("emigrateWebMinCount"), target.At("minCapacity"));
        Assert.Equal(new NumberValue(6), result.Stack.Values["emigrateWebMaxCount"]);
        Assert.Equal("ecs:service:DesiredCount", target.Text("scalableDimension"));
        Assert.Equal("ECSServiceAverageCPUUtilization",
            result.Program.Get("emigrate-web-cpu-scaling").Text("targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification.predefinedMetricType"));
        Assert.Contains("desiredCount", result.Program.Get("emigrate-web").Options.IgnoreChanges);
        Assert.Empty(result.Program.Get("emigrate-worker").Options.IgnoreChanges);
        Assert.Null(result.Program.Find("emigrate-worker-scaling"));
    }

    [Fact]
    public void An_autoscaled_count_says_it_is_read_only_at_creation_because_autoscaling_owns_it_after()
    {
        // The service ignores later desiredCount changes, so pulumi config set of the count would do nothing.
        var config = Emigrate().Program.Config.ToDictionary(c => c.Key, StringComparer.Ordinal);

        Assert.Contains("autoscaling owns the count afterwards, so change emigrateWebMinCount and emigrateWebMaxCount instead", config["emigrateWebCount"].Description, StringComparison.Ordinal);
        Assert.DoesNotContain("autoscaling", config["emigrateWorkerCount"].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_domain_the_app_serves_http_and_says_so()
    {
        var result = AwsLanding.Build(Plans.EmigratePlan(domains: []));
        var http = result.Program.Get("emigrate-http");
        Assert.Equal("forward", http.Text("defaultActions[0].type"));
        Assert.Null(result.Program.Find("emigrate-https"));
        Assert.Null(result.Program.Find("emigrate-certificate"));
        Assert.Null(result.Program.Find("emigrate-alb-https-in"));
        var tags = (MapValue)result.Program.Get("emigrate-alb").Properties["tags"]!;
        Assert.Equal(["heroku2cloud:waive:ELB.1", "heroku2cloud:waive:ELB.18", "heroku2cloud:waive:ELB.5"],
            tags.Entries.Select(e => e.Key).Where(k => k.StartsWith("heroku2cloud:waive:", StringComparison.Ordinal)));
        Assert.Contains(result.Findings, f => f.Severity == FindingSeverity.Warning && f.Message.Contains("plain HTTP"));
        GraphQuery.Same(InterpolationValue.Of("http://", new ReferenceValue("emigrate-alb", "dnsName")), result.Program.Outputs.Single(o => o.Name == "emigrateUrl").Value);
    }

    [Fact]
    public void A_writable_root_filesystem_is_an_opt_out_tag_and_a_finding()
    {
        var plan = Plans.EmigratePlan();
        var app = plan.Apps[0];
        plan = plan with { Apps = [app with { Services = [.. app.Services.Select(s => s.Name == "worker" ? s with { WritableRootFilesystem = true } : s)] }] };
        var result = AwsLanding.Build(plan);
        var task = result.Program.Get("emigrate-worker-task");
        Assert.Equal(new BoolValue(false), task.At("containerDefinitions[0].readonlyRootFilesystem"));
        Assert.Null(task.At("volumes"));
        Assert.Contains("writes outside /tmp", (((MapValue)task.Properties["tags"]!)["heroku2cloud:waive:ECS.5"] as StringValue)?.Text);
        Assert.Contains(result.Findings, f => f.Subject == "app emigrate process worker" && f.Message.Contains("ECS.5"));
    }

    [Fact]
    public void The_writable_root_option_opts_named_processes_out_of_the_read_only_root_with_a_waiver_each()
    {
        var result = Emigrate(new AwsLandingOptions { WritableRoot = ["worker", "emigrate/release"] });
        foreach (var name in new[] { "emigrate-worker-task", "emigrate-release-task" })
        {
            var task = result.Program.Get(name);
            Assert.Equal(new BoolValue(false), task.At("containerDefinitions[0].readonlyRootFilesystem"));
            Assert.Contains("--writable-root", (((MapValue)task.Properties["tags"]!)["heroku2cloud:waive:ECS.5"] as StringValue)?.Text);
        }

        foreach (var name in new[] { "emigrate-web-task", "emigrate-clock-task", "emigrate-job-nightly-report-task" })
        {
            var task = result.Program.Get(name);
            Assert.Equal(new BoolValue(true), task.At("containerDefinitions[0].readonlyRootFilesystem"));
            Assert.False(((MapValue)task.Properties["tags"]!).ContainsKey("heroku2cloud:waive:ECS.5"));
        }

        Assert.Contains(result.Findings, f => f.Subject == "app emigrate release phase" && f.Message.Contains("ECS.5"));
    }

    [Theory]
    [InlineData("sidekiq")]
    [InlineData("other/worker")]
    public void A_writable_root_entry_that_names_no_process_lists_the_ones_there_are(string entry)
    {
        var error = Assert.Throws<LandingException>(() => Emigrate(new AwsLandingOptions { WritableRoot = [entry] }));
        Assert.Contains($"--writable-root {entry}", error.Message);
        Assert.Contains("emigrate/web, emigrate/worker, emigrate/clock, emigrate/release, emigrate/nightly-report", error.Message);
    }

    [Fact]
    public void Access_logs_go_to_the_given_bucket()
    {
        var result = Emigrate(new AwsLandingOptions { AlbAccessLogsBucket = "emigrate-alb-logs" });
        var balancer = result.Program.Get("emigrate-alb");
        Assert.Equal(new ConfigValue("albAccessLogsBucket"), balancer.At("accessLogs.bucket"));
        Assert.Equal(new BoolValue(true), balancer.At("accessLogs.enabled"));
        Assert.False(((MapValue)balancer.Properties["tags"]!).ContainsKey("heroku2cloud:waive:ELB.5"));
        Assert.Equal(new StringValue("emigrate-alb-logs"), result.Stack.Values["albAccessLogsBucket"]);
    }

    [Fact]
    public void Deletion_protection_is_on_in_production_stacks_only()
    {
        Assert.Equal(new BoolValue(true), AwsLanding.Build(Plans.EmigratePlan("prod")).Stack.Values["loadBalancerDeletionProtection"]);
        Assert.Equal(new BoolValue(false), AwsLanding.Build(Plans.EmigratePlan("staging")).Stack.Values["loadBalancerDeletionProtection"]);
    }
}
