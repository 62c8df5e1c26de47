using System.Runtime.ExceptionServices;

namespace HerokuToCloud.Data;

/// <summary>
/// Waits for parallel workers that cancel one another when one of them fails, and reports that failure rather
/// than the cancellations it caused in the others (Task.WhenAll would surface whichever faulted first).
/// </summary>
internal static class WorkerFailure
{
    public static async Task WhenAllAsync(IReadOnlyList<Task> workers)
    {
        try
        {
            await Task.WhenAll(workers);
        }
        catch (Exception) when (Cause(workers) is { } cause)
        {
            ExceptionDispatchInfo.Throw(cause);
        }
    }

    public static async Task<T[]> WhenAllAsync<T>(IReadOnlyList<Task<T>> workers)
    {
        await WhenAllAsync((IReadOnlyList<Task>)workers);
        return workers.Select(w => w.Result).ToArray();
    }

    private static Exception? Cause(IEnumerable<Task> workers) =>
        workers.Where(w => w.IsFaulted).Select(w => w.Exception!.InnerException!).FirstOrDefault(e => e is not OperationCanceledException);
}
