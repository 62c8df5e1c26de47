using HerokuToCloud.Data.Migration;
using HerokuToCloud.Data.Tests.Infrastructure;
using Moq;

namespace HerokuToCloud.Data.Tests.Migration;

public class LiveMigrationTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private async Task<(Connections.PostgresEndpoint Source, Connections.PostgresEndpoint Target)> ZooAsync(string name, int scale = 3000)
    {
        var source = await server.CreateDatabaseAsync($"{name}_src");
        await Sql.ExecuteAsync(source, TypeZoo.Schema);
        await Sql.ExecuteAsync(source, TypeZoo.Data(scale));
        return (source, await server.CreateDatabaseAsync($"{name}_tgt"));
    }

    [Fact]
    public async Task The_type_zoo_arrives_identical_with_split_tables_and_text_fallback()
    {
        var (source, target) = await ZooAsync("zoo");
        var progress = new RecordingProgress();

        var summary = await new DataMigrator().MigrateAsync(
            new MigrationOptions { Source = Urls.Of(source), Target = target, Jobs = 3, ChunkBytes = 64 * 1024 },
            progress,
            CancellationToken.None);

        Assert.Equal(await DatabaseFingerprint.TakeAsync(source), await DatabaseFingerprint.TakeAsync(target));

        var items = summary.Tables.Single(t => t.Name == "\"Sales Dept\".\"Order Items\"");
        Assert.Equal("text", items.Format);
        Assert.True(items.Units > 1, "the order items table is split into key ranges");
        Assert.Equal(3000, items.Rows);
        var events = summary.Tables.Single(t => t.Name == "public.events");
        Assert.Equal("binary", events.Format);
        Assert.True(events.Units > 1, "the table without a primary key is split into ctid ranges");
        Assert.Equal(3006, events.Rows);
        Assert.DoesNotContain(summary.Tables, t => t.Name is "public.measurements" or "public.measurements_us");
        Assert.Equal(1000, summary.Tables.Where(t => t.Name.StartsWith("public.measurements_", StringComparison.Ordinal)).Sum(t => t.Rows));
        Assert.Equal(4, summary.LargeObjects);
        Assert.Equal(0, await Sql.ScalarAsync<long>(target, "SELECT count(*) FROM pg_namespace WHERE nspname = 'heroku2cloud_state'"));
        Assert.Contains("phase copy", progress.Events);
        Assert.Contains("finish \"Sales Dept\".\"Order Items\" 3000", progress.Events);

        // The copied schema works: identity and sequences continue after the source's values, generated columns compute.
        Assert.Equal(51, await Sql.ScalarAsync<int>(target, "INSERT INTO \"Sales Dept\".customers (name) VALUES ('new') RETURNING id"));
        Assert.Equal(107L, await Sql.ScalarAsync<long>(target, "SELECT nextval('public.standalone_seq')"));
        Assert.Equal(10.5m, await Sql.ScalarAsync<decimal>(target, "INSERT INTO \"Sales Dept\".\"Order Items\" (\"with space\") VALUES (5.25) RETURNING total"));
    }

    [Fact]
    public async Task A_table_hash_partitioned_on_an_enum_is_loaded_through_its_root_and_compared_as_a_whole()
    {
        // An enum value hashes by its OID, which the target assigns afresh: with 20 labels over 4 partitions
        // a row's partition on the target differs from the source's for some label, whatever the OIDs.
        var source = await server.CreateDatabaseAsync("enum_hash_src");
        await Sql.ExecuteAsync(source, """
            CREATE TYPE public.color AS ENUM ('c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c10', 'c11', 'c12', 'c13', 'c14', 'c15', 'c16', 'c17', 'c18', 'c19', 'c20');
            CREATE TABLE public.painted (id int, color public.color, note text, PRIMARY KEY (id, color)) PARTITION BY HASH (color);
            CREATE TABLE public.painted_0 PARTITION OF public.painted FOR VALUES WITH (MODULUS 4, REMAINDER 0);
            CREATE TABLE public.painted_1 PARTITION OF public.painted FOR VALUES WITH (MODULUS 4, REMAINDER 1);
            CREATE TABLE public.painted_2 PARTITION OF public.painted FOR VALUES WITH (MODULUS 4, REMAINDER 2);
            CREATE TABLE public.painted_3 PARTITION OF public.painted FOR VALUES WITH (MODULUS 4, REMAINDER 3);
            INSERT INTO public.painted SELECT g, ('c' || (1 + g % 20))::public.color, 'row ' || g FROM generate_series(1, 2000) g;
            """);
        var target = await server.CreateDatabaseAsync("enum_hash_tgt");

        var validator = new HerokuToCloud.Data.Validation.MigrationValidator();
        var options = new MigrationOptions { Source = Urls.Of(source), Target = target, Jobs = 2 };
        var summary = await new DataMigrator(validator).MigrateAsync(options, new RecordingProgress(), CancellationToken.None);

        const string content = "SELECT count(*) || ' ' || md5(string_agg(id || ':' || color || ':' || note, ',' ORDER BY id)) FROM public.painted";
        Assert.Equal(await Sql.ScalarAsync<string>(source, content), await Sql.ScalarAsync<string>(target, content));
        const string placement = "SELECT string_agg(tableoid::regclass || ':' || color, ',' ORDER BY id) FROM public.painted";
        Assert.NotEqual(await Sql.ScalarAsync<string>(source, placement), await Sql.ScalarAsync<string>(target, placement));
        Assert.True(summary.Validation!.Passed, summary.Validation.Summary);
        var tree = Assert.Single(validator.LastReport!.Tables, t => t.Table.StartsWith("public.painted", StringComparison.Ordinal));
        Assert.Equal(("public.painted", 2000L), (tree.Table, tree.TargetRows));

        // A change in any partition is found at the root, by key (the rerun only validates: see CompletedCopy).
        await Sql.ExecuteAsync(target, "UPDATE public.painted SET note = 'changed' WHERE id = 7");
        var rerun = await new DataMigrator(validator).MigrateAsync(options, new RecordingProgress(), CancellationToken.None);
        Assert.False(rerun.Validation!.Passed);
        var changed = Assert.Single(validator.LastReport!.Tables.Single(t => t.Table == "public.painted").Rows);
        Assert.Equal("id=7, color=c8", changed.DisplayKey);
    }

    [Fact]
    public async Task Whole_tables_of_a_megabyte_or_more_arrive_frozen_and_an_inheritance_parent_keeps_its_children()
    {
        // The child is larger, so it is copied first; emptying the parent for COPY FREEZE must not empty it (ONLY).
        var source = await server.CreateDatabaseAsync("freeze_src");
        await Sql.ExecuteAsync(source, """
            CREATE TABLE public.base_log (id int, message text);
            CREATE TABLE public.child_log (extra text) INHERITS (public.base_log);
            INSERT INTO public.base_log SELECT g, repeat('m', 100) FROM generate_series(1, 12000) g;
            INSERT INTO public.child_log SELECT g, repeat('c', 100), 'x' FROM generate_series(1, 15000) g;
            CREATE TABLE public.tiny (id int);
            INSERT INTO public.tiny VALUES (1);
            """);
        var target = await server.CreateDatabaseAsync("freeze_tgt");

        await new DataMigrator().MigrateAsync(new MigrationOptions { Source = Urls.Of(source), Target = target, Jobs = 1 }, new RecordingProgress(), CancellationToken.None);

        Assert.Equal(await DatabaseFingerprint.TakeAsync(source), await DatabaseFingerprint.TakeAsync(target));
        Assert.Equal(15000L, await Sql.ScalarAsync<long>(target, "SELECT count(*) FROM public.child_log"));
        // A vacuum of such fresh rows would mark pages all-visible, never all-frozen: only COPY FREEZE does that.
        await Sql.ExecuteAsync(target, "CREATE EXTENSION pg_visibility");
        const string frozen = "SELECT (pg_visibility_map_summary('{0}')).all_frozen || ' of ' || pg_relation_size('{0}') / current_setting('block_size')::int";
        foreach (var table in new[] { "public.base_log", "public.child_log" })
        {
            var pages = await Sql.ScalarAsync<string>(target, string.Format(System.Globalization.CultureInfo.InvariantCulture, frozen, table));
            Assert.Matches(@"^(\d+) of \1$", pages);
            Assert.False(pages.StartsWith("0 ", StringComparison.Ordinal), pages);
        }

        Assert.Equal("0 of 1", await Sql.ScalarAsync<string>(target, string.Format(System.Globalization.CultureInfo.InvariantCulture, frozen, "public.tiny")));
    }

    [Fact]
    public async Task Foreign_keys_built_beside_the_indexes_all_arrive_validated()
    {
        // No partitions, so foreign keys run in the same schedule as keys and indexes: each only once the table
        // it references has its key. Two tables reference each other, one itself, and four share a hub.
        var source = await server.CreateDatabaseAsync("fks_src");
        await Sql.ExecuteAsync(source, """
            CREATE TABLE public.hub (id int PRIMARY KEY, name text UNIQUE);
            CREATE TABLE public.ping (id int PRIMARY KEY, pong_id int);
            CREATE TABLE public.pong (id int PRIMARY KEY, ping_id int REFERENCES public.ping);
            ALTER TABLE public.ping ADD FOREIGN KEY (pong_id) REFERENCES public.pong;
            CREATE TABLE public.tree (id int PRIMARY KEY, parent_id int REFERENCES public.tree, hub_id int REFERENCES public.hub);
            CREATE TABLE public.spoke1 (id int PRIMARY KEY, hub_id int REFERENCES public.hub, hub_name text REFERENCES public.hub (name));
            CREATE TABLE public.spoke2 (id int PRIMARY KEY, hub_id int REFERENCES public.hub);
            CREATE TABLE public.spoke3 (id int PRIMARY KEY, hub_id int REFERENCES public.hub);
            CREATE INDEX ON public.spoke1 (hub_id);
            CREATE INDEX ON public.hub (lower(name));
            INSERT INTO public.hub SELECT g, 'hub ' || g FROM generate_series(1, 20000) g;
            INSERT INTO public.ping SELECT g, NULL FROM generate_series(1, 1000) g;
            INSERT INTO public.pong SELECT g, g FROM generate_series(1, 1000) g;
            UPDATE public.ping SET pong_id = id;
            INSERT INTO public.tree SELECT g, nullif(g - 1, 0), g FROM generate_series(1, 5000) g;
            INSERT INTO public.spoke1 SELECT g, g, 'hub ' || g FROM generate_series(1, 20000) g;
            INSERT INTO public.spoke2 SELECT g, g FROM generate_series(1, 20000) g;
            INSERT INTO public.spoke3 SELECT g, g FROM generate_series(1, 20000) g;
            """);
        var target = await server.CreateDatabaseAsync("fks_tgt");

        await new DataMigrator().MigrateAsync(new MigrationOptions { Source = Urls.Of(source), Target = target, Jobs = 3 }, new RecordingProgress(), CancellationToken.None);

        Assert.Equal(await DatabaseFingerprint.TakeAsync(source), await DatabaseFingerprint.TakeAsync(target));
        const string constraints = "SELECT string_agg(conrelid::regclass || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated, '; ' ORDER BY conrelid::regclass::text, pg_get_constraintdef(oid)) FROM pg_constraint WHERE contype IN ('f', 'p', 'u') AND connamespace = 'public'::regnamespace";
        var built = await Sql.ScalarAsync<string>(target, constraints);
        Assert.Equal(await Sql.ScalarAsync<string>(source, constraints), built);
        Assert.Equal(8, built.Split("; ").Count(c => c.Contains("FOREIGN KEY", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_table_whose_index_builds_outlast_its_copy_is_copied_first_and_built_beside_the_rest()
    {
        // a_heavy: a few rows and two indexes. z_wide: 8 MB of wide rows and one key. Largest first would copy z_wide
        // first; the copy order takes a_heavy first, so its indexes are built while z_wide copies. With one job, one
        // connection builds in the order tables are loaded, and PostgreSQL hands out OIDs in increasing order.
        var source = await server.CreateDatabaseAsync("copy_order_src");
        await Sql.ExecuteAsync(source, """
            CREATE TABLE public.a_heavy (id int PRIMARY KEY, v int);
            CREATE INDEX a_heavy_v ON public.a_heavy (v);
            CREATE TABLE public.z_wide (id int PRIMARY KEY, filler text NOT NULL);
            INSERT INTO public.a_heavy SELECT g, g FROM generate_series(1, 100) g;
            INSERT INTO public.z_wide SELECT g, repeat('w', 1500) FROM generate_series(1, 5000) g;
            """);
        var target = await server.CreateDatabaseAsync("copy_order_tgt");

        // The first table loaded holds the copy a moment, so its builds start before the second table is in.
        var progress = new RecordingProgress(finished => { if (finished == 1) Thread.Sleep(1000); });

        await new DataMigrator().MigrateAsync(new MigrationOptions { Source = Urls.Of(source), Target = target, Jobs = 1 }, progress, CancellationToken.None);

        var built = await Sql.ScalarAsync<string>(target, "SELECT string_agg(relname, ' ' ORDER BY oid) FROM pg_class WHERE relname IN ('a_heavy_pkey', 'a_heavy_v', 'z_wide_pkey')");
        Assert.Equal("a_heavy_pkey a_heavy_v z_wide_pkey", built);
    }

    [Fact]
    public async Task An_interrupted_run_resumes_and_ends_exact_without_duplicates()
    {
        var (source, target) = await ZooAsync("resume");
        var options = new MigrationOptions { Source = Urls.Of(source), Target = target, Jobs = 1, ChunkBytes = 32 * 1024 };
        using var stop = new CancellationTokenSource();

        var interrupted = await Record.ExceptionAsync(() => new DataMigrator().MigrateAsync(options, new RecordingProgress(finished => { if (finished == 2) stop.Cancel(); }), stop.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(interrupted);
        var done = await Sql.ScalarAsync<long>(target, "SELECT count(*) FROM heroku2cloud_state.unit WHERE done");
        var total = await Sql.ScalarAsync<long>(target, "SELECT count(*) FROM heroku2cloud_state.unit");
        Assert.InRange(done, 1, total - 1);
        var rowsBefore = await Sql.ScalarAsync<long>(target, "SELECT COALESCE(sum(rows), 0)::bigint FROM heroku2cloud_state.unit WHERE done AND kind = 'table'");
        var rerun = new RecordingProgress();

        var summary = await new DataMigrator().MigrateAsync(options, rerun, CancellationToken.None);

        Assert.True(summary.Resumed);
        Assert.Equal(done, summary.ResumedUnits);
        // The rate is this run's: rows the interrupted run committed count in the totals, not in this run's work or progress.
        Assert.True(rowsBefore > 0);
        Assert.Equal(summary.Rows - rowsBefore, summary.RowsThisRun);
        Assert.True(summary.BytesThisRun < summary.Bytes);
        var finishedRows = rerun.Events.Where(e => e.StartsWith("finish ", StringComparison.Ordinal) && !e.StartsWith("finish large objects ", StringComparison.Ordinal)).Sum(e => long.Parse(e[(e.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(summary.RowsThisRun, finishedRows);
        Assert.Equal(await DatabaseFingerprint.TakeAsync(source), await DatabaseFingerprint.TakeAsync(target));
        Assert.Equal(0L, await Sql.ScalarAsync<long>(target, "SELECT count(*) - count(DISTINCT id) FROM \"Sales Dept\".\"Order Items\""));
    }

    [Fact]
    public async Task An_interrupted_run_resumes_when_the_source_is_the_same_database_under_another_user()
    {
        // As after Heroku rotates the database's credentials, or a rerun with a user that may read every table.
        var (source, target) = await ZooAsync("rotated");
        await Sql.ExecuteAsync(server.Endpoint(), "CREATE ROLE rotated_user LOGIN SUPERUSER");
        var options = new MigrationOptions { Source = Urls.Of(source), Target = target, Jobs = 1, ChunkBytes = 32 * 1024 };
        using var stop = new CancellationTokenSource();
        await Record.ExceptionAsync(() => new DataMigrator().MigrateAsync(options, new RecordingProgress(finished => { if (finished == 2) stop.Cancel(); }), stop.Token));

        var summary = await new DataMigrator().MigrateAsync(options with { Source = Urls.Of(source with { Username = "rotated_user" }) }, new RecordingProgress(), CancellationToken.None);

        Assert.True(summary.Resumed);
        Assert.True(summary.ResumedUnits > 0);
        Assert.Equal(await DatabaseFingerprint.TakeAsync(source), await DatabaseFingerprint.TakeAsync(target));
    }

    [Fact]
    public async Task A_non_empty_target_is_refused_and_replace_empties_it_first()
    {
        var (source, target) = await ZooAsync("replace", scale: 200);
        await Sql.ExecuteAsync(target, "CREATE TABLE public.leftover (x int); CREATE SCHEMA other; CREATE TYPE other.t AS ENUM ('a'); CREATE EXTENSION pgcrypto; SELECT lo_from_bytea(0, 'old');");
        var options = new MigrationOptions { Source = Urls.Of(source), Target = target, Jobs = 2 };

        var refused = await Assert.ThrowsAsync<DataMigrationException>(() => new DataMigrator().MigrateAsync(options, new RecordingProgress(), CancellationToken.None));

        Assert.Contains("is not empty", refused.Message, StringComparison.Ordinal);
        Assert.Contains("table public.leftover", refused.Message, StringComparison.Ordinal);
        Assert.Contains("--replace", refused.Message, StringComparison.Ordinal);
        Assert.Contains("heroku2cloud data validate", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1L, await Sql.ScalarAsync<long>(target, "SELECT count(*) FROM pg_class WHERE relname = 'leftover'"));

        await new DataMigrator().MigrateAsync(options with { Replace = true }, new RecordingProgress(), CancellationToken.None);

        Assert.Equal(0L, await Sql.ScalarAsync<long>(target, "SELECT count(*) FROM pg_class WHERE relname = 'leftover'"));
        Assert.Equal(0L, await Sql.ScalarAsync<long>(target, "SELECT count(*) FROM pg_namespace WHERE nspname = 'other'"));
        Assert.Equal(await DatabaseFingerprint.TakeAsync(source), await DatabaseFingerprint.TakeAsync(target));
    }

    [Fact]
    public async Task An_unfinished_run_from_another_source_is_not_resumed()
    {
        var (source, target) = await ZooAsync("other", scale: 100);
        var elsewhere = await server.CreateDatabaseAsync("other_elsewhere");
        await Sql.ExecuteAsync(target, "CREATE SCHEMA heroku2cloud_state; CREATE TABLE heroku2cloud_state.run (mode text, source text, format int, started_at timestamptz, pre_data_done boolean, units_planned boolean);");
        await Sql.ExecuteAsync(target, $"INSERT INTO heroku2cloud_state.run VALUES ('live', '{elsewhere}', 1, now(), true, false)");

        var error = await Assert.ThrowsAsync<DataMigrationException>(() => new DataMigrator().MigrateAsync(
            new MigrationOptions { Source = Urls.Of(source), Target = target, Jobs = 1 }, new RecordingProgress(), CancellationToken.None));

        Assert.Contains("unfinished live migration from " + elsewhere, error.Message, StringComparison.Ordinal);
        Assert.Contains("--replace", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_validation_that_fails_or_stops_after_the_copy_points_at_data_validate_not_a_rerun()
    {
        var (source, failingTarget) = await ZooAsync("validate_fails", scale: 100);
        var failing = new Mock<IMigrationValidator>();
        failing.Setup(v => v.ValidateAsync(It.IsAny<Connections.PostgresEndpoint>(), It.IsAny<Connections.PostgresEndpoint>(), It.IsAny<int>(), It.IsAny<Progress.IDataProgress>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new DataMigrationException("the source went away."));

        var failed = await Assert.ThrowsAsync<DataMigrationException>(() => new DataMigrator(failing.Object).MigrateAsync(
            new MigrationOptions { Source = Urls.Of(source), Target = failingTarget, Jobs = 2 }, new RecordingProgress(), CancellationToken.None));

        Assert.StartsWith("validating the copy failed: the source went away.", failed.Message, StringComparison.Ordinal);
        Assert.Contains("heroku2cloud data validate", failed.Message);
        Assert.Equal(await DatabaseFingerprint.TakeAsync(source), await DatabaseFingerprint.TakeAsync(failingTarget));

        var stoppedTarget = await server.CreateDatabaseAsync("validate_stops_tgt");
        using var stop = new CancellationTokenSource();
        var stopping = new Mock<IMigrationValidator>();
        stopping.Setup(v => v.ValidateAsync(It.IsAny<Connections.PostgresEndpoint>(), It.IsAny<Connections.PostgresEndpoint>(), It.IsAny<int>(), It.IsAny<Progress.IDataProgress>(), It.IsAny<CancellationToken>()))
            .Returns(() => { stop.Cancel(); return Task.FromCanceled<MigrationValidationResult>(stop.Token); });
        var progress = new RecordingProgress();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new DataMigrator(stopping.Object).MigrateAsync(
            new MigrationOptions { Source = Urls.Of(source), Target = stoppedTarget, Jobs = 2 }, progress, stop.Token));

        Assert.Contains(progress.Events, e => e.StartsWith("note validation stopped.", StringComparison.Ordinal) && e.Contains("heroku2cloud data validate"));
    }

    [Fact]
    public async Task A_stopped_copy_says_how_to_resume_and_that_replace_would_start_over()
    {
        var (source, target) = await ZooAsync("stop_replace", scale: 500);
        using var stop = new CancellationTokenSource();
        var progress = new RecordingProgress(finished => { if (finished == 1) stop.Cancel(); });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new DataMigrator().MigrateAsync(
            new MigrationOptions { Source = Urls.Of(source), Target = target, Jobs = 1, Replace = true, ChunkBytes = 32 * 1024 }, progress, stop.Token));

        Assert.Contains(progress.Events, e => e.StartsWith("note stopped: what was committed is kept; rerun the command without --replace", StringComparison.Ordinal));
    }
}
