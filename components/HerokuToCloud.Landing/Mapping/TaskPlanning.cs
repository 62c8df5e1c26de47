using HerokuToCloud.Inventory;

namespace HerokuToCloud.Landing;

/// <summary>
/// The release phase → <see cref="ReleaseTask"/>; Heroku Scheduler jobs → <see cref="ScheduledTask"/>s
/// with a UTC <see cref="CronSchedule"/> (see <see cref="ScheduleMapping"/>).
/// </summary>
/// <remarks>
/// Task names come from the job names, resource-safe (a name starting with a digit gets "job-"),
/// unique within the app and distinct from its service names and "release" (-2, -3 on a clash,
/// in the order of name, command, frequency and size). Across a pipeline the tasks are the union of
/// every stage's jobs, matched by name, with the command and schedule of the most
/// production-like stage; a stage without the job gets it paused (<see cref="ScheduledTask.Enabled"/>).
/// </remarks>
public static class TaskPlanning
{
    /// <summary>Reserved within an app: targets name the release task after it.</summary>
    public const string ReleaseName = "release";

    internal static ReleaseTask? Release(AppRole role, PipelineStage? stage, FindingLog findings)
    {
        foreach (var member in role.Members)
        {
            if (member.App.Release is { } r)
            {
                ComputeSizing.For(r.Size, $"{InventoryKeys.App(member.App.Name)}.release.size");
                if (string.IsNullOrWhiteSpace(r.Command))
                    throw new LandingException($"{InventoryKeys.App(member.App.Name)}.release.command: the release phase has no command; add it or remove the release entry.");
            }
        }

        var canonical = role.Canonical(m => m.App.Release);
        if (canonical is null)
            return null;
        var picked = role.Pick(stage, m => m.App.Release)!.Value;
        if (role.Members.Select(m => m.App.Release?.Command).Where(c => c is not null).Distinct().Count() > 1)
        {
            findings.Warning(InventoryKeys.App(role.Name) + ".release",
                $"the stages run different release commands; every stack runs the {ServicePlanning.Stage(role, m => m.App.Release)} one: {canonical.Command}.");
        }

        if (!picked.Present)
        {
            findings.Info(InventoryKeys.App(role.Name) + ".release",
                $"this stack's stage has no release phase on Heroku, but the release command runs on every deploy here too (every stack has the same resources): {canonical.Command}.");
        }

        return new ReleaseTask(canonical.Command, ComputeSizing.For(picked.Value.Size, $"{InventoryKeys.App(picked.Member.App.Name)}.release.size"));
    }

    internal static IReadOnlyList<ScheduledTask> Scheduled(AppRole role, PipelineStage? stage, IEnumerable<string> serviceNames, FindingLog findings)
    {
        var reserved = serviceNames.Append(ReleaseName).ToHashSet(StringComparer.Ordinal);
        var byMember = role.Members.ToDictionary(m => m.App.Name, m => JobsOf(m, reserved), StringComparer.Ordinal);
        var tasks = new List<ScheduledTask>();
        foreach (var name in byMember.Values.SelectMany(d => d.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            ScheduledJob? Of(RoleMember m) => byMember[m.App.Name].GetValueOrDefault(name);
            var canonical = role.Canonical(Of)!;
            var picked = role.Pick(stage, Of)!.Value;
            var variants = role.Members.Select(Of).Where(j => j is not null).Select(j => (j!.Command, j.Frequency.ToString())).Distinct().Count();
            if (variants > 1)
            {
                findings.Warning(InventoryKeys.App(role.Name) + $".scheduledTasks[{name}]",
                    $"the stages run job '{canonical.Name}' differently; every stack uses the {ServicePlanning.Stage(role, Of)} command and schedule: {canonical.Command} ({canonical.Frequency}).");
            }

            if (!picked.Present)
            {
                findings.Info(InventoryKeys.App(role.Name) + $".scheduledTasks[{name}]",
                    "this stack's stage has no such job on Heroku: the job exists here but its schedule is paused.");
            }

            tasks.Add(new ScheduledTask(
                name,
                canonical.Command,
                ComputeSizing.For(picked.Value.Size, $"{InventoryKeys.Job(picked.Member.App.Name, picked.Value.Name)}.size"),
                ScheduleMapping.ToCron(canonical.Frequency))
            {
                Enabled = picked.Present,
            });
        }

        return tasks;
    }

    private static Dictionary<string, ScheduledJob> JobsOf(RoleMember member, HashSet<string> reserved)
    {
        var result = new Dictionary<string, ScheduledJob>(StringComparer.Ordinal);
        var taken = new HashSet<string>(reserved, StringComparer.Ordinal);
        var ordered = member.App.Scheduler
            .Select(job => (Job: job, Base: BaseName(job)))
            .OrderBy(x => x.Base, StringComparer.Ordinal)
            .ThenBy(x => x.Job.Command, StringComparer.Ordinal)
            .ThenBy(x => x.Job.Frequency.ToString(), StringComparer.Ordinal)
            .ThenBy(x => x.Job.Size, StringComparer.Ordinal);
        foreach (var (job, baseName) in ordered)
        {
            var key = InventoryKeys.Job(member.App.Name, job.Name);
            if (string.IsNullOrWhiteSpace(job.Command))
                throw new LandingException($"{key}.command: the job has no command; add it or remove the job.");
            ComputeSizing.For(job.Size, $"{key}.size");
            var name = baseName;
            for (var n = 2; !taken.Add(name); n++)
                name = ResourceNames.Truncate(baseName, ResourceNames.MaxLength - 1 - n.ToString(System.Globalization.CultureInfo.InvariantCulture).Length) + $"-{n}";
            result[name] = job;
        }

        return result;
    }

    private static string BaseName(ScheduledJob job)
    {
        var name = ResourceNames.Sanitize(job.Name) ?? ResourceNames.Sanitize("job-" + job.Name) ?? "job";
        return ResourceNames.Shorten(name);
    }
}
