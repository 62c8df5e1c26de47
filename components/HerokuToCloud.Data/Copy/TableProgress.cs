using System.Collections.Concurrent;
using HerokuToCloud.Data.Progress;

namespace HerokuToCloud.Data.Copy;

/// <summary>
/// Folds the progress of a table's units (copied in parallel) into one per-table stream of events: started
/// once, cumulative rows, finished when its last unit is. It counts this run's units only: units an
/// interrupted run committed are not expected, so rates and ETAs measure the work this run does.
/// </summary>
public sealed class TableProgress(IDataProgress progress)
{
    private readonly ConcurrentDictionary<string, Entry> tables = new(StringComparer.Ordinal);

    private sealed class Entry
    {
        public long EstimatedRows;
        public int UnitsLeft;
        public long Rows;
        public int Started;
    }

    /// <summary>Registers a unit still to copy.</summary>
    public void Expect(string table, long estimatedRows)
    {
        var entry = tables.GetOrAdd(table, _ => new Entry());
        Interlocked.Add(ref entry.EstimatedRows, estimatedRows);
        Interlocked.Increment(ref entry.UnitsLeft);
    }

    public void UnitStarted(string table)
    {
        var entry = tables[table];
        if (Interlocked.Exchange(ref entry.Started, 1) == 0)
        {
            progress.TableStarted(table, Interlocked.Read(ref entry.EstimatedRows));
        }
    }

    public void Advanced(string table, long rowsDelta)
    {
        var entry = tables[table];
        progress.TableAdvanced(table, Interlocked.Add(ref entry.Rows, rowsDelta));
    }

    /// <summary>A unit's rows are discarded (its transaction failed); takes them back out of the total.</summary>
    public void Discarded(string table, long rows)
    {
        var entry = tables[table];
        Interlocked.Add(ref entry.Rows, -rows);
    }

    public void UnitFinished(string table)
    {
        var entry = tables[table];
        if (Interlocked.Decrement(ref entry.UnitsLeft) == 0)
            progress.TableFinished(table, Interlocked.Read(ref entry.Rows));
    }
}
