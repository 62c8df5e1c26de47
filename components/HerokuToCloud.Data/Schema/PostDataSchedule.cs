namespace HerokuToCloud.Data.Schema;

/// <summary>
/// Hands post-data lanes to connections, largest first, skipping over a lane that cannot run yet: one whose
/// locks conflict with a running lane, or a foreign key lane whose referenced table still has keys or indexes
/// to build. A connection takes the next lane it can run now, and waits only when no remaining lane can (it is
/// woken when a lane finishes). So a foreign key check starts as soon as the table it references is ready,
/// beside index builds on other tables, instead of after all of them. While the copy runs, a lane is held back
/// until the tables it locks are loaded (<see cref="LoadingTables"/>). Thread-safe.
/// </summary>
public sealed class PostDataSchedule
{
    /// <summary>Largest first, then the lane with more items, then dump order: a total order, so sorting and inserting agree.</summary>
    private static readonly IComparer<PostDataLane> LargestFirst = Comparer<PostDataLane>.Create((a, b) =>
        b.Size != a.Size ? b.Size.CompareTo(a.Size)
        : b.Items.Count != a.Items.Count ? b.Items.Count.CompareTo(a.Items.Count)
        : a.Items[0].Ordinal.CompareTo(b.Items[0].Ordinal));

    private readonly object gate = new();

    /// <summary>Lanes whose tables are loaded, largest first.</summary>
    private readonly List<PostDataLane> pending = [];
    private readonly List<PostDataLane> running = [];

    /// <summary>
    /// Lanes held back by the copy: for each, how many of its tables are still loading (int.MaxValue: it waits for
    /// the whole copy), and for each loading table the lanes it holds. A table's load releases its lanes without a
    /// pass over the others (with thousands of tables, a pass per load ran for seconds).
    /// </summary>
    private readonly Dictionary<PostDataLane, int> heldBack = [];
    private readonly Dictionary<string, List<PostDataLane>> heldBy = new(StringComparer.Ordinal);

    /// <summary>
    /// For each table, how many pending, held back or running lanes still build on it, and how many lanes build
    /// anything: kept as lanes finish, so whether a lane is ready costs a look-up per table it references, not a
    /// pass over every other lane (with thousands of tables that pass, once per lane taken, ran for minutes).
    /// </summary>
    private readonly Dictionary<string, int> unbuilt = new(StringComparer.Ordinal);
    private int builders;
    private TaskCompletionSource changed = NewSignal();

    /// <param name="lanes">The lanes to run.</param>
    /// <param name="loading">The copy still loading tables, or null when every table is loaded.</param>
    public PostDataSchedule(IEnumerable<PostDataLane> lanes, LoadingTables? loading = null)
    {
        lock (gate)
        {
            // Subscribed before the tables are looked at, under the gate: a table loading meanwhile is released after.
            if (loading is not null)
                loading.Loaded += Release;
            foreach (var lane in lanes)
            {
                Count(lane, +1);
                if (loading is null || loading.Everything.IsCompleted)
                {
                    pending.Add(lane);
                    continue;
                }

                var waitingOn = lane.MayRunDuringCopy ? lane.Claims.Keys.Where(t => !loading.IsLoaded(t)).ToList() : null;
                if (waitingOn is { Count: 0 })
                {
                    pending.Add(lane);
                    continue;
                }

                heldBack[lane] = waitingOn?.Count ?? int.MaxValue;
                foreach (var table in waitingOn ?? [])
                    (heldBy.TryGetValue(table, out var held) ? held : heldBy[table] = []).Add(lane);
            }

            pending.Sort(LargestFirst);
        }
    }

    /// <summary>The next lane to run, or null when none is left.</summary>
    public async Task<PostDataLane?> TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wait;
            lock (gate)
            {
                if (pending.Count == 0 && heldBack.Count == 0)
                    return null;
                // With nothing running, nothing held back and nothing ready, the dependencies cannot be met (a cycle
                // the dump should not hold): run the next lane anyway, as the dump order would have.
                var lane = pending.FirstOrDefault(l => IsReady(l) && !l.ConflictsWith(running)) ??
                           (running.Count == 0 && heldBack.Count == 0 ? pending.FirstOrDefault(IsReady) ?? pending[0] : null);
                if (lane is not null)
                {
                    pending.Remove(lane);
                    running.Add(lane);
                    return lane;
                }

                wait = changed.Task;
            }

            await wait.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Marks <paramref name="lane"/> finished (or failed) and wakes connections waiting for a lane.</summary>
    public void Finished(PostDataLane lane)
    {
        lock (gate)
        {
            running.Remove(lane);
            Count(lane, -1);
        }

        Wake();
    }

    /// <summary>A table has loaded (or, for null, every table): its held back lanes may run once nothing else holds them.</summary>
    private void Release(string? table)
    {
        lock (gate)
        {
            if (table is null)
            {
                pending.AddRange(heldBack.Keys);
                pending.Sort(LargestFirst);
                heldBack.Clear();
                heldBy.Clear();
            }
            else if (heldBy.Remove(table, out var lanes))
            {
                foreach (var lane in lanes)
                {
                    if (--heldBack[lane] > 0)
                        continue;
                    heldBack.Remove(lane);
                    var at = pending.BinarySearch(lane, LargestFirst);
                    pending.Insert(at < 0 ? ~at : at, lane);
                }
            }
        }

        Wake();
    }

    private void Wake()
    {
        TaskCompletionSource wake;
        lock (gate)
        {
            wake = changed;
            changed = NewSignal();
        }

        wake.SetResult();
    }

    /// <summary>Whether every table the lane references is built: no other pending or running lane builds on it. Under <see cref="gate"/>.</summary>
    private bool IsReady(PostDataLane lane) =>
        lane.NeedsEverythingBuilt
            ? builders - (lane.Builds.Count > 0 ? 1 : 0) == 0
            : lane.Needs.All(table => unbuilt.GetValueOrDefault(table) - (lane.Builds.Contains(table) ? 1 : 0) == 0);

    /// <summary>Counts <paramref name="lane"/> in (+1) or out (-1) of the lanes still to build on their tables.</summary>
    private void Count(PostDataLane lane, int change)
    {
        if (lane.Builds.Count > 0)
            builders += change;
        foreach (var table in lane.Builds)
            unbuilt[table] = unbuilt.GetValueOrDefault(table) + change;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
