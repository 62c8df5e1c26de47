namespace HerokuToCloud.Data.Schema;

/// <summary>
/// Hands post-data lanes to connections, largest first, skipping over a lane that cannot run yet: one whose
/// locks conflict with a running lane, or a foreign key lane whose referenced table still has keys or indexes
/// to build. A connection takes the next lane it can run now, and waits only when no remaining lane can (it is
/// woken when a lane finishes). So a foreign key check starts as soon as the table it references is ready,
/// beside index builds on other tables, instead of after all of them. While the copy runs, a lane also waits
/// until the tables it locks are loaded (<see cref="LoadingTables"/>). Thread-safe.
/// </summary>
public sealed class PostDataSchedule
{
    private readonly object gate = new();
    private readonly List<PostDataLane> pending;
    private readonly List<PostDataLane> running = [];
    private readonly LoadingTables? loading;

    /// <summary>
    /// For each table, how many pending or running lanes still build on it, and how many lanes build anything:
    /// kept as lanes finish, so whether a lane is ready costs a look-up per table it references, not a pass over
    /// every other lane (with thousands of tables that pass, once per lane taken, ran for minutes).
    /// </summary>
    private readonly Dictionary<string, int> unbuilt = new(StringComparer.Ordinal);
    private int builders;
    private TaskCompletionSource changed = NewSignal();

    /// <param name="lanes">The lanes to run.</param>
    /// <param name="loading">The copy still loading tables, or null when every table is loaded.</param>
    public PostDataSchedule(IEnumerable<PostDataLane> lanes, LoadingTables? loading = null)
    {
        pending = lanes.OrderByDescending(l => l.Size).ThenByDescending(l => l.Items.Count).ToList();
        foreach (var lane in pending)
            Count(lane, +1);
        this.loading = loading;
        if (loading is not null)
            loading.Changed += Wake;
    }

    /// <summary>The next lane to run, or null when none is left.</summary>
    public async Task<PostDataLane?> TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wait;
            lock (gate)
            {
                if (pending.Count == 0)
                    return null;
                // With nothing running and nothing ready once everything is loaded, the dependencies cannot be met
                // (a cycle the dump should not hold): run the next lane anyway, as the dump order would have.
                var lane = pending.FirstOrDefault(l => IsLoaded(l) && IsReady(l) && !l.ConflictsWith(running)) ??
                           (running.Count == 0 && IsEverythingLoaded ? pending.FirstOrDefault(IsReady) ?? pending[0] : null);
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

    private bool IsEverythingLoaded => loading is null || loading.Everything.IsCompleted;

    /// <summary>Whether the copy has loaded every table the lane locks; a lane that may touch others waits for the whole copy.</summary>
    private bool IsLoaded(PostDataLane lane) =>
        IsEverythingLoaded || (lane.MayRunDuringCopy && lane.Claims.Keys.All(loading!.IsLoaded));

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
