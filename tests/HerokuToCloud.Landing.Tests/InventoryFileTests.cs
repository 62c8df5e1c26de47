using HerokuToCloud.Inventory.Readers.InventoryYaml;
using HerokuToCloud.Landing.Tests.Support;

namespace HerokuToCloud.Landing.Tests;

/// <summary>The worked examples' inventory.yaml files (stacks/) through the real reader into plans.</summary>
public class InventoryFileTests
{
    [Fact]
    public void Emigrate()
    {
        var plan = LandingPlanner.Plan(Read("stacks/emigrate/inventory.yaml"), "prod");

        Assert.Equal(["emigrate-backend", "emigrate-emailer", "emigrate-frontend"], plan.Apps.Select(a => a.Name));
        var db = Assert.IsType<PostgresDatastore>(Assert.Single(plan.Datastores));
        Assert.Equal(("emigrate-backend-db", "essential-0", "17"), (db.Name, db.HerokuPlan, db.Version));
        Assert.Equal(["emigrate-backend", "emigrate-emailer"], db.Apps);

        var backend = plan.Apps[0];
        Assert.Equal(
            [
                new SecretEntry("DATABASE_URL", new FromDatastore("emigrate-backend-db", DatastoreUrl.Url)),
                new SecretEntry("FRONTEND_URL", new FromSecretConfig("emigrate-backend-FRONTEND_URL")),
                new SecretEntry("NODE_ENV", new FromSecretConfig("emigrate-backend-NODE_ENV")),
                new SecretEntry("SESSION_SECRET", new GeneratedSecret()),
            ],
            backend.Secrets);
        Assert.Equal(new ComputeSize("basic", 0.25m, 512, 0.5m, 1024), backend.Services[0].Compute);
        Assert.Equal(new FromDatastore("emigrate-backend-db", DatastoreUrl.Url), plan.Apps[1].Secrets.Single(s => s.Name == "DATABASE_URL").Source);
        Assert.Equal(["VITE_BACKEND_URL"], plan.Apps[2].BuildSecrets);

        var job = Assert.Single(plan.Apps[1].ScheduledTasks);
        Assert.Equal(("send-emails", "node job.ts", new CronSchedule("0", "*")), (job.Name, job.Command, job.Schedule));
    }

    [Fact]
    public void Shopfront_pipeline_has_one_structure_and_per_stage_values()
    {
        var system = Read("stacks/shopfront/inventory.yaml");

        var production = LandingPlanner.Plan(system, "prod");
        var staging = LandingPlanner.Plan(system, "staging");

        Assert.Equal(PlanText.Structure(production), PlanText.Structure(staging));
        var app = Assert.Single(production.Apps);
        Assert.Equal("shopfront", app.Name);
        var (prodWeb, stagingWeb) = (app.Services[0], staging.Apps[0].Services[0]);
        Assert.Equal(("performance-m", 2, new ScalingRange(2, 8), Rollout.Preboot), (prodWeb.Compute.HerokuSize, prodWeb.Count, prodWeb.Scaling, prodWeb.Rollout));
        Assert.Equal(("standard-2x", 1, new ScalingRange(1, 1)), (stagingWeb.Compute.HerokuSize, stagingWeb.Count, stagingWeb.Scaling));
        Assert.Equal(0, staging.Apps[0].Services.Single(s => s.Name == "search-indexer").Count);
        Assert.Equal(["standard-2", "premium-1"], production.Datastores.Select(d => d.HerokuPlan));
        Assert.Equal(["essential-1", "mini"], staging.Datastores.Select(d => d.HerokuPlan));
        Assert.Equal(["prod", "staging"], LandingPlanner.StackNames(system));
        Assert.Throws<LandingException>(() => LandingPlanner.Plan(system, "dev"));
    }

    private static Inventory.HerokuSystem Read(string relativePath) =>
        InventoryYamlReader.ReadFile(Path.Combine(RepositoryRoot(), relativePath));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HerokuToCloud.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException($"HerokuToCloud.sln not found above {AppContext.BaseDirectory}.");
    }
}
