using HerokuToCloud.Cli.Progress;
using HerokuToCloud.Cli.Tests.Support;

namespace HerokuToCloud.Cli.Tests.Data;

public class ProgressRendererTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void Log_lines_carry_rows_per_second_and_eta_at_most_every_interval()
    {
        var clock = new ManualClock();
        var output = new StringWriter();
        var progress = new LogDataProgress(output, clock);

        progress.PhaseStarted("copy");
        progress.TableStarted("public.orders", 1_000_000);
        clock.Now += TimeSpan.FromSeconds(2);
        progress.TableAdvanced("public.orders", 100_000);
        clock.Now += TimeSpan.FromSeconds(8);
        progress.TableAdvanced("public.orders", 250_000);
        clock.Now += TimeSpan.FromSeconds(1);
        progress.TableAdvanced("public.orders", 275_000);
        progress.Note("resuming: 3 of 9 copy units were committed by the interrupted run and are skipped");
        clock.Now += TimeSpan.FromSeconds(29);
        progress.TableFinished("public.orders", 1_000_000);

        Assert.Equal(
            [
                "[00:00:00] phase copy",
                "[00:00:00] public.orders: started (about 1,000,000 rows)",
                "[00:00:10] public.orders: 250,000 rows, 25,000 rows/s, ETA 30s",
                "[00:00:11] resuming: 3 of 9 copy units were committed by the interrupted run and are skipped",
                "[00:00:40] public.orders: done, 1,000,000 rows in 40.0 s",
            ],
            output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Large_objects_are_counted_as_large_objects_not_rows()
    {
        var clock = new ManualClock();
        var output = new StringWriter();
        var progress = new LogDataProgress(output, clock);

        progress.TableStarted(HerokuToCloud.Data.Progress.IDataProgress.LargeObjects, 50);
        clock.Now += TimeSpan.FromSeconds(10);
        progress.TableAdvanced(HerokuToCloud.Data.Progress.IDataProgress.LargeObjects, 20);
        clock.Now += TimeSpan.FromSeconds(10);
        progress.TableFinished(HerokuToCloud.Data.Progress.IDataProgress.LargeObjects, 50);

        Assert.Equal(
            [
                "[00:00:00] large objects: started (50 large objects)",
                "[00:00:10] large objects: 20 large objects, 2 large objects/s, ETA 15s",
                "[00:00:20] large objects: done, 50 large objects in 20.0 s",
            ],
            output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_table_quiet_for_a_heartbeat_gets_a_still_running_line_on_tick_and_one_that_reports_does_not()
    {
        var clock = new ManualClock();
        var output = new StringWriter();
        var progress = new LogDataProgress(output, clock);

        progress.TableStarted("public.events", 0);
        progress.TableStarted("public.orders", 1_000_000);
        clock.Now += TimeSpan.FromSeconds(30);
        progress.Tick();
        progress.TableAdvanced("public.orders", 400_000);
        clock.Now += TimeSpan.FromSeconds(35);
        progress.Tick();
        clock.Now += TimeSpan.FromSeconds(30);
        progress.TableAdvanced("public.events", 5_000);
        clock.Now += TimeSpan.FromSeconds(30);
        progress.Tick();

        Assert.Equal(
            [
                "[00:00:00] public.events: started",
                "[00:00:00] public.orders: started (about 1,000,000 rows)",
                "[00:00:30] public.orders: 400,000 rows, 13,333 rows/s, ETA 45s",
                "[00:01:05] public.events: still running after 1m05s",
                "[00:01:35] public.events: 5,000 rows, 52 rows/s, ETA –",
                "[00:02:05] public.orders: still running after 2m05s, 400,000 rows so far",
            ],
            output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void The_live_view_shows_tables_in_flight_with_rate_and_eta_then_finished_ones()
    {
        var clock = new ManualClock();
        var progress = new LiveDataProgress(clock);

        progress.PhaseStarted("copy");
        progress.TableStarted("Sales Dept.Order Items", 600_000);
        progress.TableStarted("public.small", 10);
        clock.Now += TimeSpan.FromSeconds(10);
        progress.TableAdvanced("Sales Dept.Order Items", 200_000);
        progress.TableFinished("public.small", 10);
        var screen = Screen(progress);

        Assert.Contains("copy", screen, StringComparison.Ordinal);
        Assert.Matches(@"Sales Dept\.Order Items\s+│?\s*200,000\s+│?\s*600,000\s+│?\s*20,000\s+│?\s*10s\s+│?\s*20s", screen);
        Assert.Contains("✓ public.small", screen, StringComparison.Ordinal);
        Assert.Contains("rows done: 200,010", screen, StringComparison.Ordinal);
    }

    [Fact]
    public void The_validation_after_a_copy_counts_its_own_tables_not_the_copys_too()
    {
        var clock = new ManualClock();
        var progress = new LiveDataProgress(clock);

        progress.PhaseStarted("copy");
        progress.TableStarted("public.orders", 300);
        progress.TableFinished("public.orders", 300);
        progress.TableStarted("public.users", 20);
        progress.TableFinished("public.users", 20);
        progress.PhaseStarted("post-data");
        var afterCopy = Screen(progress);
        progress.PhaseStarted("validate: content");
        progress.TableStarted("public.orders", 300);
        progress.TableFinished("public.orders", 300);
        var validating = Screen(progress);

        Assert.Contains("tables done: 2  rows done: 320", afterCopy, StringComparison.Ordinal);
        Assert.Contains("tables done: 1  rows done: 300", validating, StringComparison.Ordinal);
        Assert.DoesNotContain("public.users", validating, StringComparison.Ordinal);
    }

    [Fact]
    public void A_download_is_logged_in_megabytes_not_rows()
    {
        var clock = new ManualClock();
        var output = new StringWriter();
        var progress = new LogDataProgress(output, clock);

        progress.DownloadStarted("backup download", 50L * 1024 * 1024);
        clock.Now += TimeSpan.FromSeconds(10);
        progress.DownloadAdvanced("backup download", 20L * 1024 * 1024);
        clock.Now += TimeSpan.FromSeconds(15);
        progress.DownloadFinished("backup download", 50L * 1024 * 1024);

        Assert.Equal(
            [
                "[00:00:00] backup download: started (50.0 MB)",
                "[00:00:10] backup download: 20.0 MB, 2.0 MB/s, ETA 15s",
                "[00:00:25] backup download: done, 50.0 MB in 25.0 s",
            ],
            output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void The_live_view_shows_a_download_in_megabytes_and_does_not_count_its_bytes_as_rows()
    {
        var clock = new ManualClock();
        var progress = new LiveDataProgress(clock);

        progress.PhaseStarted("download");
        progress.DownloadStarted("backup download", 3L * 1024 * 1024 * 1024);
        clock.Now += TimeSpan.FromSeconds(10);
        progress.DownloadAdvanced("backup download", 1024L * 1024 * 1024);
        var during = Screen(progress);
        progress.DownloadFinished("backup download", 3L * 1024 * 1024 * 1024);
        var screen = during + Screen(progress);

        Assert.Contains("backup download: 1.00 GB of 3.00 GB, 102.4 MB/s, 10s, ETA 20s", during, StringComparison.Ordinal);
        Assert.Contains("✓ backup download: 3.00 GB in 10s", screen, StringComparison.Ordinal);
        Assert.Contains("rows done: 0", screen, StringComparison.Ordinal);
        Assert.Contains("tables done: 0", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("1,073,741,824", screen, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_are_written_in_megabytes_from_one_gibibyte_in_gigabytes_and_below_one_mebibyte_in_kilobytes()
    {
        Assert.Equal("512 KB", Amount.Bytes(512 * 1024));
        Assert.Equal("1,023.0 MB", Amount.Bytes(1023L * 1024 * 1024));
        Assert.Equal("1.50 GB", Amount.Bytes(1536L * 1024 * 1024));
        Assert.Equal("250,000 rows", Amount.Of(250_000, Measure.Rows));
    }

    [Fact]
    public void Rates_and_remaining_time_are_unknown_until_there_is_something_to_go_on()
    {
        Assert.Null(ProgressRate.Remaining(0, 100, TimeSpan.FromSeconds(5)));
        Assert.Null(ProgressRate.Remaining(50, 0, TimeSpan.FromSeconds(5)));
        Assert.Equal(TimeSpan.FromSeconds(5), ProgressRate.Remaining(50, 100, TimeSpan.FromSeconds(5)));
        Assert.Equal("1h01m", ProgressRate.Format(TimeSpan.FromMinutes(61)));
        Assert.Equal("–", ProgressRate.Format(null));
    }

    [Fact]
    public void A_table_of_one_row_is_counted_in_the_singular()
    {
        var clock = new ManualClock();
        var output = new StringWriter();
        var progress = new LogDataProgress(output, clock);

        progress.TableStarted("public.settings", 1);
        progress.TableFinished("public.settings", 1);

        Assert.Equal(
            ["[00:00:00] public.settings: started (about 1 row)", "[00:00:00] public.settings: done, 1 row in 0.0 s"],
            output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_name_with_a_newline_or_an_escape_sequence_stays_on_its_log_line()
    {
        var clock = new ManualClock();
        var output = new StringWriter();
        var progress = new LogDataProgress(output, clock);

        progress.TableStarted("public.\"two\nlines\"", 0);
        progress.Note("public.\"\u001b[2Jcleared\": content differs; narrowing to the differing rows");
        clock.Now += LogDataProgress.Heartbeat;
        progress.Tick();
        progress.TableFinished("public.\"two\nlines\"", 3);

        Assert.Equal(
            [
                "[00:00:00] public.\"two\\nlines\": started",
                "[00:00:00] public.\"\\u001B[2Jcleared\": content differs; narrowing to the differing rows",
                "[00:01:00] public.\"two\\nlines\": still running after 1m00s",
                "[00:01:00] public.\"two\\nlines\": done, 3 rows in 60.0 s",
            ],
            output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void The_live_view_shows_a_name_with_a_newline_on_one_row()
    {
        var clock = new ManualClock();
        var progress = new LiveDataProgress(clock);

        progress.PhaseStarted("copy");
        progress.TableStarted("public.\"two\nlines\"", 10);
        progress.TableStarted("public.\"done\ttoo\"", 10);
        progress.TableFinished("public.\"done\ttoo\"", 10);
        progress.Note("public.\"two\nlines\": resumed");
        var screen = Screen(progress);

        Assert.Contains("public.\"two\\nlines\"", screen, StringComparison.Ordinal);
        Assert.Contains("✓ public.\"done\\ttoo\"", screen, StringComparison.Ordinal);
        Assert.Contains("public.\"two\\nlines\": resumed", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("\t", screen, StringComparison.Ordinal);
        Assert.DoesNotContain(screen.Split('\n'), line => line.TrimStart().StartsWith("lines", StringComparison.Ordinal));
    }

    /// <summary>What the live view shows, as plain text 120 columns wide.</summary>
    private static string Screen(LiveDataProgress progress) => PlainConsole.Render(120, console => console.Write(progress.Render()));
}
