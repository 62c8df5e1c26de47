using System.Globalization;
using HerokuToCloud.Data.Progress;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace HerokuToCloud.Cli.Progress;

/// <summary>
/// The terminal view: the current phase, one row per table in flight (rows, estimate, rows/s, time so far,
/// ETA; the time keeps moving while a table reports nothing, as in validation's one query per side), the
/// latest finished tables, the last notes and overall totals, redrawn a few times a second. Events arrive
/// from many workers; they only update state under a lock, and one loop draws.
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

    private sealed record Row(string Table, DateTimeOffset Started, long Estimated)
    {
        public long Rows { get; set; }

        public TimeSpan Elapsed { get; set; }
    }

    public void PhaseStarted(string phase)
    {
        lock (gate)
            this.phase = phase;
    }

    public void TableStarted(string table, long estimatedRows)
    {
        lock (gate)
            active[table] = new Row(table, clock.GetUtcNow(), estimatedRows);
    }

    public void TableAdvanced(string table, long rowsDone)
    {
        lock (gate)
        {
            if (active.TryGetValue(table, out var row))
                row.Rows = rowsDone;
        }
    }

    public void TableFinished(string table, long rows)
    {
        lock (gate)
        {
            if (!active.Remove(table, out var row))
                row = new Row(table, clock.GetUtcNow(), rows);
            row.Rows = rows;
            row.Elapsed = clock.GetUtcNow() - row.Started;
            finished.Add(row);
            if (finished.Count > FinishedShown)
                finished.RemoveAt(0);
            finishedRows += rows;
            finishedTables++;
        }
    }

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
            foreach (var row in active.Values.OrderBy(r => r.Started))
            {
                var elapsed = now - row.Started;
                table.AddRow(
                    Markup.Escape(row.Table),
                    N(row.Rows),
                    row.Estimated > 0 ? N(row.Estimated) : "?",
                    N((long)TableRate.RowsPerSecond(row.Rows, elapsed)),
                    TableRate.Format(elapsed),
                    TableRate.Format(TableRate.Remaining(row.Rows, row.Estimated, elapsed)));
            }

            foreach (var row in finished.AsEnumerable().Reverse())
                table.AddRow($"[green]✓[/] {Markup.Escape(row.Table)}", N(row.Rows), "", N((long)TableRate.RowsPerSecond(row.Rows, row.Elapsed)), TableRate.Format(row.Elapsed), "done");

            var total = now - started;
            var header = new Markup($"[bold]{Markup.Escape(phase)}[/]  {total:hh\\:mm\\:ss}  tables done: {finishedTables}  rows done: {N(finishedRows + active.Values.Sum(r => r.Rows))}");
            var parts = new List<IRenderable> { header, table };
            parts.AddRange(notes.Select(n => new Markup($"[grey]{Markup.Escape(n)}[/]")));
            return new Rows(parts);
        }
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
