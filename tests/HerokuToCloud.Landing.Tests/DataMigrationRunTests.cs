using HerokuToCloud.Landing.Tests.Support;

namespace HerokuToCloud.Landing.Tests;

public class DataMigrationRunTests
{
    [Fact]
    public void The_source_note_reads_the_url_under_the_attachments_own_variable_from_the_app_that_has_it()
    {
        var plan = LandingPlanner.Plan(Inventories.Shop(), "prod");
        var notes = plan.Datastores.OfType<PostgresDatastore>()
            .ToDictionary(db => db.Name, db => DataMigrationRun.SourceNote(plan, db, "KEY"));

        Assert.Equal(2, notes.Count);
        Assert.Single(notes.Values, n => n.EndsWith("heroku config:get DATABASE_URL -a shop-web-production | pulumi config set --secret KEY --stack prod", StringComparison.Ordinal));
        Assert.Single(notes.Values, n => n.EndsWith("heroku config:get HEROKU_POSTGRESQL_ONYX_URL -a shop-web-production | pulumi config set --secret KEY --stack prod", StringComparison.Ordinal));
    }

    [Fact]
    public void A_shared_database_is_read_from_the_first_app_by_name()
    {
        var plan = LandingPlanner.Plan(Inventories.Emigrate(), "prod");
        var db = Assert.Single(plan.Datastores.OfType<PostgresDatastore>());

        Assert.EndsWith("heroku config:get DATABASE_URL -a emigrate-backend | pulumi config set --secret emigrateBackendDbSourceUrl --stack prod",
            DataMigrationRun.SourceNote(plan, db, "emigrateBackendDbSourceUrl"));
    }

    [Fact]
    public void The_source_note_names_the_plans_stack_so_a_shared_directory_cannot_send_the_url_to_another_stack()
    {
        var inventory = Inventories.Shop();
        var staging = LandingPlanner.Plan(inventory, "staging");
        var db = staging.Datastores.OfType<PostgresDatastore>().First();

        var note = DataMigrationRun.SourceNote(staging, db, "KEY");

        Assert.EndsWith("| pulumi config set --secret KEY --stack staging", note, StringComparison.Ordinal);
        Assert.DoesNotContain("--stack prod", note, StringComparison.Ordinal);
    }

    [Fact]
    public void The_note_asks_to_stop_workers_and_scheduler_jobs_too_because_maintenance_mode_stops_only_web_requests()
    {
        // emigrate's database is used by the backend and by the emailer, whose worker and Scheduler job write to it.
        var plan = LandingPlanner.Plan(Inventories.Emigrate(), "prod");
        var db = Assert.Single(plan.Datastores.OfType<PostgresDatastore>());

        var note = DataMigrationRun.SourceNote(plan, db, "KEY");

        Assert.Contains("heroku maintenance:on -a emigrate-backend, -a emigrate-emailer;", note, StringComparison.Ordinal);
        Assert.Contains("maintenance mode stops only web requests", note, StringComparison.Ordinal);
        Assert.Contains("heroku ps:scale TYPE=0", note, StringComparison.Ordinal);
        Assert.Contains("pause the Scheduler jobs", note, StringComparison.Ordinal);
        Assert.Contains("maintenance mode stops only web requests", DataMigrationRun.SourceRequest(plan, db, "KEY").Lead, StringComparison.Ordinal);
    }
}
