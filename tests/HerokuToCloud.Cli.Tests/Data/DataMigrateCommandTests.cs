using System.Text.Json;
using HerokuToCloud.Cli.Tests.Infrastructure;
using HerokuToCloud.Data.Tests.Infrastructure;
using Npgsql;

namespace HerokuToCloud.Cli.Tests.Data;

public class DataMigrateCommandTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private static string Url(HerokuToCloud.Data.Connections.PostgresEndpoint endpoint) =>
        $"postgres://{endpoint.Username}@{endpoint.Host}:{endpoint.Port}/{endpoint.Database}?sslmode=disable";

    private static async Task<IReadOnlyList<string>> ContentsAsync(HerokuToCloud.Data.Connections.PostgresEndpoint endpoint) =>
    [
        .. await Sql.ColumnAsync(endpoint, "SELECT count(*) || ' ' || md5(string_agg(b::text, '|' ORDER BY b.id)) FROM big b"),
        .. await Sql.ColumnAsync(endpoint, "SELECT count(*) || ' ' || md5(string_agg(h::text, '|' ORDER BY h::text)) FROM heap_rows h"),
        .. await Sql.ColumnAsync(endpoint, "SELECT count(*) || ' ' || md5(string_agg(z::text, '|' ORDER BY z.id)) FROM zzz_last z"),
        .. await Sql.ColumnAsync(endpoint, "SELECT last_value::text FROM big_id_seq"),
        .. await Sql.ColumnAsync(endpoint, "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1"),
    ];

    [Fact]
    public async Task A_run_killed_with_sigkill_mid_copy_resumes_with_the_same_command_and_ends_exact()
    {
        var source = await server.CreateDatabaseAsync("kill_src");
        await Sql.ExecuteAsync(source, """
            CREATE TABLE big (id bigserial PRIMARY KEY, payload text NOT NULL, n numeric);
            INSERT INTO big (payload, n) SELECT repeat(md5(g::text), 12), g / 7.0 FROM generate_series(1, 60000) g;
            CREATE TABLE heap_rows (a int, b text);
            INSERT INTO heap_rows SELECT g % 1000, repeat('h', 200) FROM generate_series(1, 30000) g;
            CREATE FUNCTION slow_on_target(v int) RETURNS boolean LANGUAGE plpgsql AS $$
            BEGIN
                IF current_setting('test.slow_copy', true) = 'on' THEN PERFORM pg_sleep(1); END IF;
                RETURN true;
            END $$;
            CREATE DOMAIN slow_int AS int CHECK (slow_on_target(VALUE));
            CREATE TABLE zzz_last (id int PRIMARY KEY, v text, s slow_int);
            INSERT INTO zzz_last SELECT g, 'v' || g, g FROM generate_series(1, 10) g;
            CREATE INDEX big_payload ON big (payload);
            ANALYZE;
            """);
        var target = await server.CreateDatabaseAsync("kill_tgt");
        string[] command = ["data", "migrate", "--source", Url(source), "--target", Url(target), "--jobs", "2", "--chunk-size", "1", "--json"];

        long doneAtKill, unitsAtKill, bigRowsAtKill, bigRowsInDoneUnits;
        // The smallest table, copied last, takes 10 s to arrive on the target (its domain check sleeps a second
        // a row there), so the run cannot finish before it is killed however fast or loaded the machine is.
        // Holding a lock on it instead raced the run: it must be taken after the schema restore creates it.
        await Sql.ExecuteAsync(server.Endpoint(), "ALTER DATABASE kill_tgt SET test.slow_copy = 'on'");
        using (var first = CliProcess.Start(command))
        {
            await WaitForAsync(target, "SELECT count(*) FROM heroku2cloud_state.unit WHERE done", 6, first);
            first.KillHard();

            doneAtKill = await Sql.ScalarAsync<long>(target, "SELECT count(*) FROM heroku2cloud_state.unit WHERE done");
            unitsAtKill = await Sql.ScalarAsync<long>(target, "SELECT count(*) FROM heroku2cloud_state.unit");
            bigRowsAtKill = await Sql.ScalarAsync<long>(target, "SELECT count(*) FROM big");
            bigRowsInDoneUnits = await Sql.ScalarAsync<long>(target, "SELECT coalesce(sum(rows), 0)::bigint FROM heroku2cloud_state.unit WHERE done AND table_name = 'big'");
        }

        Assert.InRange(doneAtKill, 6, unitsAtKill - 1);
        Assert.Equal(bigRowsInDoneUnits, bigRowsAtKill);
        await Sql.ExecuteAsync(server.Endpoint(), "ALTER DATABASE kill_tgt RESET test.slow_copy");

        var (exitCode, stdout, stderr) = await Heroku2CloudProcess.RunAsync(Path.GetTempPath(), command);

        Assert.True(exitCode == 0, $"rerun failed ({exitCode}): {stderr}");
        using var summary = JsonDocument.Parse(stdout);
        Assert.True(summary.RootElement.GetProperty("resumed").GetBoolean());
        Assert.Equal(doneAtKill, summary.RootElement.GetProperty("resumedUnits").GetInt32());
        Assert.Equal(await ContentsAsync(source), await ContentsAsync(target));
        Assert.Equal(0L, await Sql.ScalarAsync<long>(target, "SELECT count(*) - count(DISTINCT id) FROM big"));
        Assert.Equal(0L, await Sql.ScalarAsync<long>(target, "SELECT count(*) FROM pg_namespace WHERE nspname = 'heroku2cloud_state'"));
    }

    [Fact]
    public async Task The_json_summary_reports_tables_rows_bytes_phases_and_nothing_else_on_stdout()
    {
        var source = await server.CreateDatabaseAsync("json_src");
        await Sql.ExecuteAsync(source, "CREATE TABLE \"Order\" (id int PRIMARY KEY, v text); INSERT INTO \"Order\" SELECT g, 'v' || g FROM generate_series(1, 1234) g;");
        var target = await server.CreateDatabaseAsync("json_tgt");

        var (exitCode, stdout, stderr) = await Heroku2CloudProcess.RunAsync(Path.GetTempPath(), "data", "migrate", "--source", Url(source), "--target", Url(target), "--json", "--hide-values");

        Assert.True(exitCode == 0, stderr);
        using var summary = JsonDocument.Parse(stdout);
        var root = summary.RootElement;
        Assert.True(root.GetProperty("validation").GetProperty("passed").GetBoolean());
        Assert.False(root.GetProperty("validation").GetProperty("report").GetProperty("valuesShown").GetBoolean());
        Assert.Equal("live", root.GetProperty("mode").GetString());
        Assert.Equal(1234, root.GetProperty("rows").GetInt64());
        Assert.True(root.GetProperty("bytes").GetInt64() > 1234);
        var table = Assert.Single(root.GetProperty("tables").EnumerateArray());
        Assert.Equal("public.\"Order\"", table.GetProperty("name").GetString());
        Assert.Equal("binary", table.GetProperty("format").GetString());
        Assert.Equal(
            ["pre-data schema", "plan", "copy", "sequences", "post-data", "analyze"],
            root.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.False(root.GetProperty("resumed").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Array, root.GetProperty("notes").ValueKind);
    }

    [Fact]
    public async Task Without_a_terminal_progress_is_plain_log_lines_on_stderr_and_the_report_on_stdout()
    {
        var source = await server.CreateDatabaseAsync("log_src");
        await Sql.ExecuteAsync(source, "CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t SELECT generate_series(1, 10);");
        var target = await server.CreateDatabaseAsync("log_tgt");

        var (exitCode, stdout, stderr) = await Heroku2CloudProcess.RunAsync(Path.GetTempPath(), "data", "migrate", "--source", Url(source), "--target", Url(target));

        Assert.Equal(0, exitCode);
        Assert.Matches(@"\[00:00:\d\d\] phase copy", stderr);
        Assert.Contains("public.t: done, 10 rows", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("[00:", stdout, StringComparison.Ordinal);
        Assert.Contains("Copied 1 table, 10 rows", stdout, StringComparison.Ordinal);

        // The same command again (an interrupted pulumi up reruns the step) copies nothing and validates.
        var (rerunCode, rerun, _) = await Heroku2CloudProcess.RunAsync(Path.GetTempPath(), "data", "migrate", "--source", Url(source), "--target", Url(target));

        Assert.Equal(0, rerunCode);
        Assert.Matches($@"Nothing copied: \S+/{target.Database}\S* already holds a complete copy of \S+/{source.Database}\S*, made by an earlier run that finished \d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d UTC\.", rerun);
        Assert.Contains("Validation: passed", rerun, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_copy_that_fails_validation_prints_what_differs_not_only_a_count()
    {
        // A stored generated column whose function is declared IMMUTABLE but reads a setting: the target
        // computes it again under its own value, which only validation can notice.
        var source = await server.CreateDatabaseAsync("differs_src");
        await Sql.ExecuteAsync(source, """
            CREATE FUNCTION public.region() RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT current_setting('app.region', true) $$;
            CREATE TABLE public.orders (id int PRIMARY KEY, region text GENERATED ALWAYS AS (public.region()) STORED);
            """);
        await Sql.ExecuteAsync(source, "SET app.region = 'eu'; INSERT INTO public.orders (id) VALUES (1), (2); RESET app.region;");
        var target = await server.CreateDatabaseAsync("differs_tgt");
        await Sql.ExecuteAsync(server.Endpoint(), "ALTER DATABASE differs_tgt SET app.region = 'us'");

        var (exitCode, stdout, _) = await Heroku2CloudProcess.RunAsync(Path.GetTempPath(), "data", "migrate", "--source", Url(source), "--target", Url(target));

        Assert.Equal(1, exitCode);
        Assert.Contains("Validation: FAILED", stdout, StringComparison.Ordinal);
        Assert.Contains("public.orders: 0 missing, 0 extra, 2 changed", stdout, StringComparison.Ordinal);
        Assert.Contains("changed  id=1  region: 'eu' → 'us'", stdout, StringComparison.Ordinal);

        // Rerun unattended (a Job replaced after failing): the difference is reported again, nothing copied over it.
        var (rerunCode, rerun, _) = await Heroku2CloudProcess.RunAsync(Path.GetTempPath(), "data", "migrate", "--source", Url(source), "--target", Url(target));

        Assert.Equal(1, rerunCode);
        Assert.Contains("Nothing copied:", rerun, StringComparison.Ordinal);
        Assert.Contains("changed  id=1  region: 'eu' → 'us'", rerun, StringComparison.Ordinal);
    }

    /// <summary>A source of one table of 1,000 rows, its backup file, and an empty target.</summary>
    private async Task<(HerokuToCloud.Data.Connections.PostgresEndpoint Source, HerokuToCloud.Data.Connections.PostgresEndpoint Target, string Dump)> SmallBackupAsync(string name)
    {
        var source = await server.CreateDatabaseAsync($"{name}_src");
        await Sql.ExecuteAsync(source, "CREATE TABLE t (id int PRIMARY KEY, v text); INSERT INTO t SELECT g, repeat('x', 100) FROM generate_series(1, 1000) g;");
        var target = await server.CreateDatabaseAsync($"{name}_tgt");
        var dump = Path.Combine(Path.GetTempPath(), $"{name}-{Guid.NewGuid():N}.dump");
        await PlainDump.CustomFormatFileAsync(source, dump);
        return (source, target, dump);
    }

    [Fact]
    public async Task A_restored_backup_advises_validating_against_the_live_database_and_logs_its_download_in_bytes_not_rows()
    {
        var (_, target, dump) = await SmallBackupAsync("restore");
        using var http = new SingleFileHttpServer(dump);
        try
        {
            var (exitCode, stdout, stderr) = await Heroku2CloudProcess.RunAsync(Path.GetTempPath(), "data", "migrate", "--source", http.Url, "--target", Url(target));

            Assert.Equal(0, exitCode);
            Assert.Contains("Restored 1 table, ", stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("same --source", stdout, StringComparison.Ordinal);
            Assert.Contains("heroku2cloud data validate --source \"$(heroku config:get DATABASE_URL -a APP)\"", stdout, StringComparison.Ordinal);
            Assert.Matches(@"backup download: started \([\d.,]+ [KM]B\)", stderr);
            Assert.Matches(@"backup download: done, [\d.,]+ [KM]B in ", stderr);
            Assert.DoesNotContain(stderr.Split('\n'), line => line.Contains("backup download", StringComparison.Ordinal) && line.Contains(" rows", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(dump);
        }
    }

    [Fact]
    public async Task Rerunning_a_completed_restore_restores_nothing_and_exits_0_and_another_backup_is_refused()
    {
        var (source, target, dump) = await SmallBackupAsync("restore_done");
        var other = Path.Combine(Path.GetTempPath(), $"restore-other-{Guid.NewGuid():N}.dump");
        await Sql.ExecuteAsync(source, "INSERT INTO t VALUES (1001, 'later')");
        await PlainDump.CustomFormatFileAsync(source, other);
        try
        {
            var (firstCode, _, _) = await Heroku2CloudProcess.RunAsync(Path.GetTempPath(), "data", "migrate", "--source", dump, "--target", Url(target));
            var (rerunCode, rerun, _) = await Heroku2CloudProcess.RunAsync(Path.GetTempPath(), "data", "migrate", "--source", dump, "--target", Url(target));
            var (jsonCode, json, _) = await Heroku2CloudProcess.RunAsync(Path.GetTempPath(), "data", "migrate", "--source", dump, "--target", Url(target), "--json");
            var (otherCode, _, otherError) = await Heroku2CloudProcess.RunAsync(Path.GetTempPath(), "data", "migrate", "--source", other, "--target", Url(target));

            Assert.Equal(0, firstCode);
            Assert.Equal(0, rerunCode);
            Assert.StartsWith("Nothing restored: ", rerun, StringComparison.Ordinal);
            Assert.Contains($"already holds a complete restore of the backup {dump}, made by an earlier run that finished ", rerun, StringComparison.Ordinal);
            Assert.Contains("heroku2cloud data validate --source \"$(heroku config:get DATABASE_URL -a APP)\"", rerun, StringComparison.Ordinal);
            Assert.Equal(0, jsonCode);
            using (var summary = JsonDocument.Parse(json))
            {
                Assert.Equal("backup", summary.RootElement.GetProperty("mode").GetString());
                Assert.False(string.IsNullOrEmpty(summary.RootElement.GetProperty("copiedEarlier").GetString()));
                Assert.Equal(0, summary.RootElement.GetProperty("tables").GetArrayLength());
            }

            Assert.Equal(2, otherCode);
            Assert.Contains("is not empty", otherError, StringComparison.Ordinal);
            Assert.Equal(1000L, await Sql.ScalarAsync<long>(target, "SELECT count(*) FROM t"));
        }
        finally
        {
            File.Delete(dump);
            File.Delete(other);
        }
    }

    [Fact]
    public async Task A_user_error_exits_2_with_one_line_and_never_prints_the_password()
    {
        var target = await server.CreateDatabaseAsync("err_tgt");

        var (exitCode, stdout, stderr) = await Heroku2CloudProcess.RunAsync(Path.GetTempPath(), "data", "migrate", "--source", $"postgres://app:Pw-Very-Secret@127.0.0.1:{server.Port}/no_such_db?sslmode=disable", "--target", Url(target), "--json");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: the source database postgres://app@127.0.0.1", stderr, StringComparison.Ordinal);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Pw-Very-Secret", stderr + stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mistyped_address_names_its_option_and_never_repeats_its_password()
    {
        var target = await server.CreateDatabaseAsync("typo_tgt");

        // A scheme typo makes the source neither a database URL nor a file: its text must not be echoed whole.
        var (sourceExit, sourceOut, sourceError) = await Heroku2CloudProcess.RunAsync(Path.GetTempPath(), "data", "migrate", "--source", "postgress://app:Pw-Very-Secret@db.example.com:5432/app", "--target", Url(target));
        var (targetExit, _, targetError) = await Heroku2CloudProcess.RunAsync(Path.GetTempPath(), "data", "migrate", "--source", Url(target), "--target", "postgres://app:Pw-Very-Secret@db.example.com:notaport/app");

        Assert.Equal(2, sourceExit);
        Assert.StartsWith("error: --source a postgress:// URL is neither a database URL", sourceError, StringComparison.Ordinal);
        Assert.DoesNotContain("Pw-Very-Secret", sourceError + sourceOut, StringComparison.Ordinal);
        Assert.Equal(2, targetExit);
        Assert.StartsWith("error: cannot read the --target database URL", targetError, StringComparison.Ordinal);
        Assert.DoesNotContain("Pw-Very-Secret", targetError, StringComparison.Ordinal);
    }

    private static async Task WaitForAsync(HerokuToCloud.Data.Connections.PostgresEndpoint target, string countSql, long atLeast, CliProcess cli)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(cli.HasExited, $"the migration ended before it could be interrupted: {cli.Stderr}{cli.Stdout}");
            try
            {
                if (await Sql.ScalarAsync<long>(target, countSql) >= atLeast)
                    return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                // the state schema does not exist yet
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"'{countSql}' never reached {atLeast}");
    }
}
