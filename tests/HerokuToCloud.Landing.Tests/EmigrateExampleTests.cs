using HerokuToCloud.Landing.Tests.Support;

namespace HerokuToCloud.Landing.Tests;

/// <summary>The worked example end to end: three apps, one shared database, one hourly job.</summary>
public class EmigrateExampleTests
{
    private readonly LandingPlan plan = LandingPlanner.Plan(Inventories.Emigrate(), "prod");

    [Fact]
    public void Apps_and_services()
    {
        Assert.Equal("emigrate", plan.System);
        Assert.Equal(["emigrate-backend", "emigrate-emailer", "emigrate-frontend"], plan.Apps.Select(a => a.Name));
        var backend = plan.Apps[0];
        var web = Assert.Single(backend.Services);
        Assert.Equal((ServiceKind.Web, "node server.ts", 1, 8080), (web.Kind, web.Command, web.Count, web.Port));
        Assert.Equal(new ComputeSize("standard-1x", 0.25m, 512, 0.5m, 1024), web.Compute);
        var worker = Assert.Single(plan.Apps[1].Services);
        Assert.Equal(ServiceKind.Worker, worker.Kind);
    }

    [Fact]
    public void One_shared_database_rebuilt_for_both_apps()
    {
        var db = Assert.IsType<PostgresDatastore>(Assert.Single(plan.Datastores));
        Assert.Equal("emigrate-backend-db", db.Name);
        Assert.Equal(["emigrate-backend", "emigrate-emailer"], db.Apps);
        Assert.Equal(("essential-0", "17", 20, 40, 20, 7), (db.HerokuPlan, db.Version, db.StorageGiB, db.MaxStorageGiB, db.ConnectionLimit, db.BackupRetentionDays));
        Assert.True(db.MigrateData);

        var url = new SecretEntry("DATABASE_URL", new FromDatastore("emigrate-backend-db", DatastoreUrl.Url));
        Assert.Equal([url, new SecretEntry("FRONTEND_URL", new FromSecretConfig("emigrate-backend-FRONTEND_URL"))], plan.Apps[0].Secrets);
        Assert.Equal([url], plan.Apps[1].Secrets);
        Assert.Empty(plan.Apps[2].Secrets);
    }

    [Fact]
    public void Hourly_job_on_the_emailer()
    {
        var task = Assert.Single(plan.Apps[1].ScheduledTasks);

        Assert.Equal(new ScheduledTask("send-digest", "node job.ts", new ComputeSize("standard-1x", 0.25m, 512, 0.5m, 1024), new CronSchedule("0", "*")), task);
        Assert.True(task.Enabled);
        Assert.Contains(plan.Findings, f => f.Subject == "addons[scheduler-emigrate]" && f.Severity == FindingSeverity.Info);
        Assert.DoesNotContain(plan.Findings, f => f.Subject.EndsWith(".scheduler", StringComparison.Ordinal));
    }
}
