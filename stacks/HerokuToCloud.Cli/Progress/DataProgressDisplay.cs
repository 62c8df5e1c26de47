using HerokuToCloud.Data.Progress;
using HerokuToCloud.Data.Reporting;
using Spectre.Console;

namespace HerokuToCloud.Cli.Progress;

/// <summary>
/// Picks how the `data` verbs show progress: nothing under --json (stdout is the JSON document), a live
/// Spectre.Console view on an interactive terminal, plain timestamped lines on stderr otherwise (logs, CI,
/// pipes), so that stdout holds the report alone and can be redirected to a file.
/// </summary>
internal static class DataProgressDisplay
{
    public static async Task<T> RunAsync<T>(bool json, Func<IDataProgress, Task<T>> body, TextWriter? errors = null)
    {
        if (json)
        {
            var silent = new NoteRecordingProgress(new SilentDataProgress());
            try
            {
                return await body(silent);
            }
            catch
            {
                // No JSON document follows, so what the run noted (how to resume, what it found) goes to stderr
                // before the error line: in an ECS task or Job log it is all there is.
                foreach (var note in silent.Notes)
                    (errors ?? Console.Error).WriteLine($"note: {OneLine.Of(note)}");
                throw;
            }
        }

        if (!Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
        {
            var live = new LiveDataProgress(TimeProvider.System);
            return await live.ShowAsync(AnsiConsole.Console, () => body(live));
        }

        var log = new LogDataProgress(Console.Error, TimeProvider.System);
        var work = body(log);
        while (!work.IsCompleted)
        {
            await Task.WhenAny(work, Task.Delay(LogDataProgress.Interval));
            log.Tick();
        }

        return await work;
    }
}
