namespace HerokuToCloud.Landing;

/// <summary>
/// The containers the team lets write to their root filesystem (<c>generate --writable-root</c>, on
/// every target): Heroku dynos have a writable, throw-away disk and apps rely on it (Rails writes
/// tmp/pids and tmp/cache under the app directory), but both security baselines ask for a read-only
/// root (AWS ECS.5, Kubernetes K8S.readOnlyRootFilesystem). Every container keeps the read-only root
/// with a writable /tmp unless named here (or the plan's <see cref="Service.WritableRootFilesystem"/>
/// says so); a named one gets a writable root and a waiver of that rule. The choice shapes the program
/// (the waiver), so it is an option, the same for every stack, not stack config.
/// </summary>
/// <remarks>
/// An entry is <c>APP/PROCESS</c>, or <c>PROCESS</c> for that process of every app; a process is a
/// service (Procfile process type), <c>release</c> (the release phase) or a scheduled job's name.
/// </remarks>
public sealed class WritableRoots
{
    /// <summary>The name the release phase answers to in an entry (<c>shop/release</c>).</summary>
    public const string Release = "release";

    private readonly HashSet<(string? App, string Process)> entries;

    private WritableRoots(HashSet<(string? App, string Process)> entries) => this.entries = entries;

    /// <summary>No container writes to its root filesystem unless the plan says so.</summary>
    public static WritableRoots None { get; } = new([]);

    /// <summary>Reads the option against the plan; an entry that names no container is an error naming it and listing the names there are.</summary>
    public static WritableRoots Resolve(LandingPlan plan, IReadOnlyList<string> option)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(option);
        var containers = plan.Apps.SelectMany(a => ContainersOf(a).Select(c => (App: a.Name, Process: c))).ToList();
        var entries = new HashSet<(string? App, string Process)>();
        foreach (var raw in option)
        {
            var entry = raw.Trim();
            var slash = entry.IndexOf('/', StringComparison.Ordinal);
            (string? App, string Process) parsed = slash < 0 ? (null, entry) : (entry[..slash], entry[(slash + 1)..]);
            if (!containers.Any(c => (parsed.App is null || c.App == parsed.App) && c.Process == parsed.Process))
            {
                throw new LandingException(
                    $"--writable-root {entry}: no app of the plan runs a process of that name; use APP/PROCESS or PROCESS with one of " +
                    $"{string.Join(", ", containers.Select(c => $"{c.App}/{c.Process}"))}.");
            }

            entries.Add(parsed);
        }

        return new WritableRoots(entries);
    }

    /// <summary>Whether <paramref name="process"/> of <paramref name="app"/> may write to its root filesystem.</summary>
    public bool Allows(string app, string process) => entries.Contains((app, process)) || entries.Contains((null, process));

    private static IEnumerable<string> ContainersOf(AppLanding app) =>
        app.Services.Select(s => s.Name)
            .Concat(app.Release is null ? [] : [Release])
            .Concat(app.ScheduledTasks.Select(t => t.Name));
}
