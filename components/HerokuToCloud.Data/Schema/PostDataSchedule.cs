namespace HerokuToCloud.Data.Schema;

/// <summary>
/// Hands post-data lanes to connections, largest first, skipping over a lane whose locks conflict with a
/// running one: a connection takes the next lane it can run now, and waits only when every remaining lane
/// conflicts (it is woken when a lane finishes). Thread-safe; one schedule per wave.
/// </summary>
public sealed class PostDataSchedule(IEnumerable<PostDataLane> lanes)
{
    private readonly object gate = new();
    private readonly List<PostDataLane> pending = lanes.OrderByDescending(l => l.Size).ThenByDescending(l => l.Items.Count).ToList();
    private readonly List<PostDataLane> running = [];
    private TaskCompletionSource changed = NewSignal();

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
                var lane = pending.FirstOrDefault(l => !l.ConflictsWith(running)) ?? (running.Count == 0 ? pending[0] : null);
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
        TaskCompletionSource wake;
        lock (gate)
        {
            running.Remove(lane);
            wake = changed;
            changed = NewSignal();
        }

        wake.SetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
