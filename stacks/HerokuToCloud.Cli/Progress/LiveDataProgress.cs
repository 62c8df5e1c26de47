using HerokuToCloud.Data.Progress;
using HerokuToCloud.Data.Reporting;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace HerokuToCloud.Cli.Progress;

/// <summary>
/// The terminal view: the current phase, a line per download (MB so far, size, MB/s, time, ETA), one row per
/// table in flight (rows, estimate, rows/s, time so far, ETA; the time keeps moving while a table reports
/// nothing, as in validation's one query per side), the latest finished tables, the last notes and overall
/// totals, redrawn a few times a second. The totals and finished tables are those of one stage: a migration
/// counts its copy, then its validation goes over the same tables again, and adding the two would show twice
/// the tables there are. Events arrive from many workers; they only update state under a
/// lock, and one loop draws.
/// </summary>
internal sealed class LiveDataProgress(TimeProvider clock) : IDataProgress
{
    private const int FinishedShown = 5;
    private const int NotesShown = 4;

    private readonly object gate = new();
    private readonly DateTimeOffset started = clock.GetUtcNow();
    private readonly Dictionary<string, Row> active = new(StringComparer.Ordinal);
    private readonly List<Row> finished = [];
    private readonly List<string> notes = [];
    private string phase = "starting";
    private long finishedRows;
    private int finishedTables;

    /// <summary>The stage the totals count: a phase's name up to its colon ("validate: content" is "validate").</summary>
    private string? countedStage;

    /// <summary>A table (<see cref="Done"/> counts rows) or a download (it counts bytes).</summary>
    private sealed record Row(string Table, DateTimeOffset Started, long Estimated, Measure Measure = Measure.Rows)
    {
        public long Done { get; set; }

        public TimeSpan Elapsed { get; set; }
    }

    public void PhaseStarted(string phase)
    {
        lock (gate)
            this.phase = phase;
    }

    public void TableStarted(string table, long estimatedRows) => Start(new Row(table, clock.GetUtcNow(), estimatedRows, Amount.CountedIn(table)));

    public void TableAdvanced(string table, long rowsDone) => Advance(table, rowsDone);

    public void TableFinished(string table, long rows) => Finish(table, rows, Amount.CountedIn(table));

    public void DownloadStarted(string name, long totalBytes) => Start(new Row(name, clock.GetUtcNow(), totalBytes, Measure.Bytes));

    public void DownloadAdvanced(string name, long bytesDone) => Advance(name, bytesDone);

    public void DownloadFinished(string name, long bytes) => Finish(name, bytes, Measure.Bytes);

    public void Note(string message)
    {
        lock (gate)
        {
            notes.Add(message);
            if (notes.Count > NotesShown)
                notes.RemoveAt(0);
        }
    }

    /// <summary>Runs <paramref name="body"/> while drawing this view on <paramref name="console"/>.</summary>
    public async Task<T> ShowAsync<T>(IAnsiConsole console, Func<Task<T>> body)
    {
        T result = default!;
        await console.Live(Render()).AutoClear(false).StartAsync(async context =>
        {
            var work = body();
            while (!work.IsCompleted)
            {
                context.UpdateTarget(Render());
                await Task.WhenAny(work, Task.Delay(250));
            }

            context.UpdateTarget(Render());
            result = await work;
        });
        return result;
    }

    /// <summary>The view as it stands now.</summary>
    public IRenderable Render()
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            var table = new Table().Border(TableBorder.Simple).Expand();
            table.AddColumn("table");
            table.AddColumn(new TableColumn("rows").RightAligned());
            table.AddColumn(new TableColumn("of ~").RightAligned());
            table.AddColumn(new TableColumn("rows/s").RightAligned());
            table.AddColumn(new TableColumn("time").RightAligned());
            table.AddColumn(new TableColumn("ETA").RightAligned());
            // Large objects share the table rows (their name says their numbers count objects), not the row totals.
            var tables = active.Values.Where(r => r.Measure != Measure.Bytes).OrderBy(r => r.Started).ToList();
            foreach (var row in tables)
            {
                var elapsed = now - row.Started;
                table.AddRow(
                    Shown(row.Table),
                    Amount.Number(row.Done),
                    row.Estimated > 0 ? Amount.Number(row.Estimated) : "?",
                    Amount.Number((long)ProgressRate.PerSecond(row.Done, elapsed)),
                    ProgressRate.Format(elapsed),
                    ProgressRate.Format(ProgressRate.Remaining(row.Done, row.Estimated, elapsed)));
            }

            foreach (var row in finished.Where(r => r.Measure != Measure.Bytes).Reverse())
                table.AddRow($"[green]✓[/] {Shown(row.Table)}", Amount.Number(row.Done), "", Amount.Number((long)ProgressRate.PerSecond(row.Done, row.Elapsed)), ProgressRate.Format(row.Elapsed), "done");

            var total = now - started;
            var header = new Markup($"[bold]{Shown(phase)}[/]  {total:hh\\:mm\\:ss}  tables done: {finishedTables}  rows done: {Amount.Number(finishedRows + tables.Where(r => r.Measure == Measure.Rows).Sum(r => r.Done))}");
            var parts = new List<IRenderable> { header };
            parts.AddRange(active.Values.Where(r => r.Measure == Measure.Bytes).OrderBy(r => r.Started).Select(row => Download(row, now)));
            parts.AddRange(finished.Where(r => r.Measure == Measure.Bytes).Select(row =>
                new Markup($"[green]✓[/] {Shown(row.Table)}: {Amount.Bytes(row.Done)} in {ProgressRate.Format(row.Elapsed)} ({Amount.Rate(ProgressRate.PerSecond(row.Done, row.Elapsed), Measure.Bytes)})")));
            parts.Add(table);
            parts.AddRange(notes.Select(n => new Markup($"[grey]{Shown(n)}[/]")));
            return new Rows(parts);
        }
    }

    /// <summary>"backup download: 312.4 MB of 1.25 GB, 12.5 MB/s, 25s, ETA 1m17s".</summary>
    private static Markup Download(Row row, DateTimeOffset now)
    {
        var elapsed = now - row.Started;
        var of = row.Estimated > 0 ? $" of {Amount.Bytes(row.Estimated)}" : "";
        return new Markup(Shown(
            $"{row.Table}: {Amount.Bytes(row.Done)}{of}, {Amount.Rate(ProgressRate.PerSecond(row.Done, elapsed), Measure.Bytes)}, {ProgressRate.Format(elapsed)}, ETA {ProgressRate.Format(ProgressRate.Remaining(row.Done, row.Estimated, elapsed))}"));
    }

    /// <summary>Text as markup on one line: a table name or note may hold a newline or an escape sequence.</summary>
    private static string Shown(string text) => Markup.Escape(OneLine.Of(text));

    private void Start(Row row)
    {
        lock (gate)
        {
            var stage = phase.Split(':')[0];
            if (row.Measure != Measure.Bytes && stage != countedStage)
            {
                countedStage = stage;
                finishedRows = 0;
                finishedTables = 0;
                finished.RemoveAll(r => r.Measure != Measure.Bytes);
            }

            active[row.Table] = row;
        }
    }

    private void Advance(string name, long done)
    {
        lock (gate)
        {
            if (active.TryGetValue(name, out var row))
                row.Done = done;
        }
    }

    private void Finish(string name, long done, Measure measure)
    {
        lock (gate)
        {
            if (!active.Remove(name, out var row))
                row = new Row(name, clock.GetUtcNow(), done, measure);
            row.Done = done;
            row.Elapsed = clock.GetUtcNow() - row.Started;
            finished.Add(row);
            if (finished.Count > FinishedShown)
                finished.RemoveAt(0);
            if (measure == Measure.Rows)
            {
                finishedRows += done;
                finishedTables++;
            }
        }
    }
}
