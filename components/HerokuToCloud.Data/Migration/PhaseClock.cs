using System.Diagnostics;
using HerokuToCloud.Data.Progress;

namespace HerokuToCloud.Data.Migration;

/// <summary>Announces each phase of a run and keeps how long it took, for the summary.</summary>
public sealed class PhaseClock(IDataProgress progress)
{
    private readonly List<PhaseSummary> phases = [];
    private readonly Stopwatch total = Stopwatch.StartNew();

    public IReadOnlyList<PhaseSummary> Phases => phases;

    public double TotalSeconds => total.Elapsed.TotalSeconds;

    public async Task<T> RunAsync<T>(string phase, Func<Task<T>> body)
    {
        progress.PhaseStarted(phase);
        var clock = Stopwatch.StartNew();
        try
        {
            return await body();
        }
        finally
        {
            phases.Add(new PhaseSummary(phase, Math.Round(clock.Elapsed.TotalSeconds, 3)));
        }
    }

    public Task RunAsync(string phase, Func<Task> body) => RunAsync(phase, async () =>
    {
        await body();
        return true;
    });
}
