using HerokuToCloud.Data.Connections;
using HerokuToCloud.Data.Migration;
using HerokuToCloud.Data.Tests.Infrastructure;
using HerokuToCloud.Data.Validation;
using Sql = HerokuToCloud.Data.Tests.Infrastructure.Sql;

namespace HerokuToCloud.Data.Tests.Migration;

/// <summary>
/// Post-data runs beside the copy: a table's indexes are built once its rows are in, while later tables still
/// copy. With one job the tables copy in <see cref="HerokuToCloud.Data.Copy.CopyOrder"/>: "big" (the most index)
/// first, then "mid", then "tail" (no index), so "big" is loaded while "mid" and "tail" are not.
/// </summary>
public class PostDataDuringCopyTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private const string Tables = """
        CREATE TABLE big (id int PRIMARY KEY, x int NOT NULL, filler text NOT NULL);
        CREATE TABLE mid (id int PRIMARY KEY, filler text NOT NULL);
        CREATE TABLE tail (id int);
        INSERT INTO big SELECT g, g, repeat('b', 100) FROM generate_series(1, 20000) g;
        INSERT INTO mid SELECT g, repeat('m', 100) FROM generate_series(1, 5000) g;
        INSERT INTO tail VALUES (1), (2), (3);
        """;

    private static Task<MigrationSummary> MigrateAsync(PostgresEndpoint source, PostgresEndpoint target, RecordingProgress progress) =>
        new DataMigrator(new MigrationValidator()).MigrateAsync(new MigrationOptions { Source = Urls.Of(source), Target = target, Jobs = 1 }, progress, CancellationToken.None);

    [Fact]
    public async Task An_index_whose_function_reads_another_table_waits_for_the_whole_copy()
    {
        // A function declared immutable that reads a table: PostgreSQL accepts it in an index, and pg_restore builds
        // the index after all data. Built as soon as big is in, it would divide by tail's row count while tail is empty.
        var source = await server.CreateDatabaseAsync("during_copy_function_src");
        var target = await server.CreateDatabaseAsync("during_copy_function_tgt");
        await Sql.ExecuteAsync(source, Tables + """
            CREATE FUNCTION scaled(v int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT v / (SELECT count(*)::int FROM public.tail)';
            CREATE INDEX big_scaled ON big (scaled(x));
            CREATE INDEX big_x ON big (x);
            """);
        // Once mid has copied, big's indexes may start; give them time to, before tail copies.
        var progress = new RecordingProgress(finished => { if (finished == 2) Thread.Sleep(1000); });

        var summary = await MigrateAsync(source, target, progress);

        Assert.True(summary.Validation?.Passed, summary.Validation?.Report?.ToJsonString());
        Assert.Contains(progress.Events, e => e.StartsWith("note ", StringComparison.Ordinal) && e.Contains("built during the copy", StringComparison.Ordinal));
        Assert.Equal(1L, await Sql.ScalarAsync<long>(target, "SELECT count(*) FROM pg_indexes WHERE indexname = 'big_scaled'"));
    }

    [Fact]
    public async Task A_materialized_view_is_refreshed_after_the_sequences_are_set()
    {
        var source = await server.CreateDatabaseAsync("during_copy_view_src");
        var target = await server.CreateDatabaseAsync("during_copy_view_tgt");
        await Sql.ExecuteAsync(source, Tables + """
            CREATE SEQUENCE tickets;
            SELECT nextval('tickets') FROM generate_series(1, 41);
            CREATE MATERIALIZED VIEW issued AS SELECT last_value FROM tickets;
            """);

        var summary = await MigrateAsync(source, target, new RecordingProgress());

        Assert.True(summary.Validation?.Passed, summary.Validation?.Report?.ToJsonString());
        Assert.Equal(41L, await Sql.ScalarAsync<long>(target, "SELECT last_value FROM issued"));
    }

    [Fact]
    public async Task A_statement_the_target_rejects_during_the_copy_stops_it_is_reported_and_a_rerun_resumes()
    {
        var source = await server.CreateDatabaseAsync("during_copy_rejected_src");
        var target = await server.CreateDatabaseAsync("during_copy_rejected_tgt");
        await Sql.ExecuteAsync(source, Tables + "CREATE INDEX big_x ON big (x);");
        // Installed once big's rows are in (an event trigger before the run would make the target not empty), and
        // mid's copy held back until the rejected index has stopped the run, so tail's copy sees it stopped.
        var progress = new RecordingProgress(finished =>
        {
            if (finished == 1)
            {
                Sql.ExecuteAsync(target, """
                    CREATE FUNCTION refuse_indexes() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'indexes are refused here'; END $$;
                    CREATE EVENT TRIGGER refuse_indexes ON ddl_command_start WHEN TAG IN ('CREATE INDEX') EXECUTE FUNCTION refuse_indexes();
                    """).GetAwaiter().GetResult();
            }
            else if (finished == 2)
            {
                Thread.Sleep(1000);
            }
        });

        var error = await Assert.ThrowsAsync<DataMigrationException>(() => MigrateAsync(source, target, progress));

        Assert.Contains("the target rejected INDEX public.big_x", error.Message, StringComparison.Ordinal);
        Assert.Contains("indexes are refused here", error.Message, StringComparison.Ordinal);
        Assert.Contains("Statement: CREATE INDEX big_x ON public.big USING btree (x);", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain(progress.Events, e => e.StartsWith("finish public.tail", StringComparison.Ordinal));

        await Sql.ExecuteAsync(target, "DROP EVENT TRIGGER refuse_indexes; DROP FUNCTION refuse_indexes();");
        var rerun = new RecordingProgress();
        var summary = await MigrateAsync(source, target, rerun);

        Assert.True(summary.Validation?.Passed, summary.Validation?.Report?.ToJsonString());
        Assert.True(summary.Resumed);
        Assert.Equal(1L, await Sql.ScalarAsync<long>(target, "SELECT count(*) FROM pg_indexes WHERE indexname = 'big_x'"));
    }
}
