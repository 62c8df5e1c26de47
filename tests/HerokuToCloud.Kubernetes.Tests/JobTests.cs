using HerokuToCloud.Graph;

namespace HerokuToCloud.Kubernetes.Tests;

public class JobTests
{
    private readonly KubernetesProgram program = KubernetesLanding.Build(SamplePlans.Shop());

    [Fact]
    public void The_release_job_runs_once_per_image_and_config_and_fails_the_update_on_failure()
    {
        var release = program.Resource("shop-web-release");
        Assert.Equal(KubernetesTypes.Job, release.Type);
        Assert.Null(release.At("metadata", "name"));
        Assert.Equal(new StringValue("true"), release.At("metadata", "annotations", "pulumi.com/replaceUnready"));
        Assert.Equal(new NumberValue(0), release.At("spec", "backoffLimit"));
        Assert.Equal(new NumberValue(3600), release.At("spec", "activeDeadlineSeconds"));
        Assert.Equal(new StringValue("Never"), release.At("spec", "template", "spec", "restartPolicy"));
        ValueAssert.Same(Value.List("bundle exec rails db:migrate"), release.Container()["args"]);
        Assert.Equal("65m", release.Options.CustomTimeouts?.Create);
        Assert.Equal(["shop-cache-statefulset", "shop-cache-service", "shop-db-cluster", "shop-db-data-migration"], release.Options.DependsOn);
    }

    [Fact]
    public void Scheduler_jobs_become_utc_cronjobs_that_never_overlap()
    {
        var digests = program.Resource("shop-web-send-digests-cronjob");
        var spec = (MapValue)digests.At("spec")!;
        Assert.Equal(new StringValue("*/10 * * * *"), program.StackValue(spec["schedule"]));
        Assert.Equal(new StringValue("Etc/UTC"), spec["timeZone"]);
        Assert.Equal(new StringValue("Forbid"), spec["concurrencyPolicy"]);
        Assert.Equal(new NumberValue(3), spec["successfulJobsHistoryLimit"]);
        Assert.Equal(new NumberValue(1), spec["failedJobsHistoryLimit"]);
        Assert.Equal(new NumberValue(300), spec["startingDeadlineSeconds"]);
        Assert.Equal(new NumberValue(600), program.StackValue(spec.At("jobTemplate", "spec", "activeDeadlineSeconds")));
        Assert.Equal(new NumberValue(0), spec.At("jobTemplate", "spec", "backoffLimit"));

        var nightly = program.Resource("shop-web-nightly-report-cronjob");
        Assert.Equal(new StringValue("30 2 * * *"), program.StackValue(nightly.At("spec", "schedule")));
        Assert.Equal(new NumberValue(86400), program.StackValue(nightly.At("spec", "jobTemplate", "spec", "activeDeadlineSeconds")));
        // The performance-m job keeps its own size.
        var resources = nightly.Container("spec.jobTemplate.spec.template.spec").At("resources");
        Assert.Equal(new StringValue("2"), program.StackValue(resources.At("requests", "cpu")));
        Assert.Equal(new StringValue("2560Mi"), program.StackValue(resources.At("limits", "memory")));
    }

    [Theory]
    [InlineData("*/10", "*", 600)]
    [InlineData("20", "*", 3600)]
    [InlineData("0", "9", 86400)]
    public void A_run_is_stopped_after_about_one_interval(string minute, string hour, int seconds) =>
        Assert.Equal(seconds, ScheduledCronJob.IntervalSeconds(new Landing.CronSchedule(minute, hour)));

    [Fact]
    public void CronJob_names_stay_within_52_characters()
    {
        var plan = SamplePlans.Shop();
        var app = plan.Apps[0] with
        {
            Name = "a-rather-long-application-name-for-shop",
            ScheduledTasks = [plan.Apps[0].ScheduledTasks[0] with { Name = "send-the-weekly-digest-emails-to-subscribers" }],
            Secrets = [],
        };
        var program = KubernetesLanding.Build(plan with { Apps = [app], Datastores = [] });
        var cron = Assert.Single(program.OfType(KubernetesTypes.CronJob));
        var name = ((StringValue)cron.At("metadata", "name")!).Text;
        Assert.True(name.Length <= 52, name);
        Assert.True(KubernetesNames.IsLabel(name), name);
    }

    [Fact]
    public void The_data_migration_runs_the_tool_once_after_the_database_and_before_the_release()
    {
        var migration = program.Resource("shop-db-data-migration");
        var container = migration.Container();
        ValueAssert.Same(Value.List("data", "migrate", "--json", "--hide-values"), container["args"]);
        Assert.Equal(new ConfigValue("migrationImage"), container["image"]);
        Assert.Equal(new ReferenceValue("shop-db-migration-env", "metadata.name"), container.At("envFrom", "0", "secretRef", "name"));
        Assert.Equal(new NumberValue(1654), program.StackValue(migration.At("spec", "template", "spec", "securityContext", "runAsUser")));
        Assert.Equal(["spec"], migration.Options.IgnoreChanges);
        Assert.Equal(["shop-db-cluster", "shop-db-migration-env"], migration.Options.DependsOn);
        // A failed or interrupted copy runs again (and resumes) on the next update, never beside the old run.
        Assert.Equal(new StringValue("true"), migration.At("metadata", "annotations", "pulumi.com/replaceUnready"));
        Assert.True(migration.Options.DeleteBeforeReplace);

        var env = (MapValue)program.Resource("shop-db-migration-env").At("stringData")!;
        Assert.Equal(new ConfigValue("shopDbSourceUrl"), env["HEROKU2CLOUD_SOURCE_URL"]);
        Assert.IsType<InterpolationValue>(env["HEROKU2CLOUD_TARGET_URL"]);
        Assert.True(program.Graph.Config.Single(c => c.Key == "shopDbSourceUrl").Secret);
        Assert.Contains("shop-db-data-migration", program.Resource("shop-web-release").Options.DependsOn);
    }

    [Fact]
    public void A_validation_difference_fails_the_migration_at_once_and_a_drain_uses_no_retry()
    {
        var spec = (MapValue)program.Resource("shop-db-data-migration").At("spec")!;
        Assert.Equal(new NumberValue(2), spec["backoffLimit"]);
        var rules = spec.At("podFailurePolicy", "rules");
        Assert.Equal(new StringValue("FailJob"), rules.At("0", "action"));
        Assert.Equal(new StringValue("migrate"), rules.At("0", "onExitCodes", "containerName"));
        Assert.Equal(new StringValue("In"), rules.At("0", "onExitCodes", "operator"));
        ValueAssert.Same(Value.List(1), rules.At("0", "onExitCodes", "values")!);
        Assert.Equal(new StringValue("Ignore"), rules.At("1", "action"));
        Assert.Equal(new StringValue("DisruptionTarget"), rules.At("1", "onPodConditions", "0", "type"));
        // A pod failure policy needs restartPolicy Never; the API server refuses it otherwise.
        Assert.Equal(new StringValue("Never"), spec.At("template", "spec", "restartPolicy"));
    }

    [Fact]
    public void A_database_that_is_not_migrated_gets_no_job()
    {
        var plan = SamplePlans.Shop();
        var program = KubernetesLanding.Build(plan with { Datastores = [((Landing.PostgresDatastore)plan.Datastores[0]) with { MigrateData = false }, plan.Datastores[1]] });
        Assert.Null(program.Graph.Find("shop-db-data-migration"));
        Assert.Equal(["shop-cache-statefulset", "shop-cache-service", "shop-db-cluster"], program.Resource("shop-web-release").Options.DependsOn);
    }
}
