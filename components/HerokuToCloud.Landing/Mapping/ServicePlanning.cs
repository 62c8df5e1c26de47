using HerokuToCloud.Inventory;

namespace HerokuToCloud.Landing;

/// <summary>
/// Process types and their formation → <see cref="Service"/>s. "web" is the one web service (it
/// gets HTTP); every other type is a worker. Count = dyno quantity (0 stays 0); autoscaling bounds
/// become the scaling range; the preboot feature makes the web service roll out without losing
/// capacity. Heroku preboot only concerns web dynos, so workers always roll.
/// </summary>
/// <remarks>
/// Structure across a pipeline: the services are the union of every stage's process types, with
/// the command and port of the most production-like stage that runs the type. Values per stack:
/// a stage without the type gets count 0; a type that autoscales in any stage has a scaling range
/// in every stack (Count..Count where the stack's stage does not autoscale).
/// </remarks>
public static class ServicePlanning
{
    /// <summary>The port a web service listens on when the inventory does not name one.</summary>
    public const int DefaultPort = 8080;

    internal static IReadOnlyList<Service> Build(AppRole role, PipelineStage? stage, FindingLog findings)
    {
        var byMember = role.Members.ToDictionary(m => m.App.Name, ProcessesOf, StringComparer.Ordinal);
        var names = byMember.Values.SelectMany(d => d.Keys).Distinct().ToList();
        Validate(role, byMember);
        var services = new List<Service>();
        foreach (var name in names)
        {
            Process? Of(RoleMember m) => byMember[m.App.Name].GetValueOrDefault(name);
            var canonical = role.Canonical(Of)!;
            var picked = role.Pick(stage, Of)!.Value;
            var key = InventoryKeys.Process(picked.Member.App.Name, picked.Value.Type);
            var process = picked.Value;
            var count = picked.Present ? process.Quantity : 0;

            ScalingRange? scaling = null;
            if (role.Members.Any(m => Of(m)?.Autoscaling is not null))
            {
                scaling = picked.Present && process.Autoscaling is { } a ? Range(a, key) : new ScalingRange(count, count);
            }

            if (!picked.Present && role.PresentIn(stage) is not null)
            {
                findings.Info(InventoryKeys.App(role.Name) + $".services[{name}]",
                    $"this stack's stage runs no {canonical.Type} process on Heroku: the service exists with 0 instances (every stack has the same resources).");
            }

            var commands = role.Members.Select(Of).Where(p => p is not null).Select(p => p!.Command).Distinct().ToList();
            if (commands.Count > 1)
            {
                findings.Warning(InventoryKeys.App(role.Name) + $".services[{name}]",
                    $"the stages run different commands for {canonical.Type}; every stack runs the {Stage(role, Of)} one: {canonical.Command ?? "(the image's default command)"}.");
            }

            var kind = canonical.IsWeb ? ServiceKind.Web : ServiceKind.Worker;
            var port = canonical.Port ?? DefaultPort;
            if (port is < 1 or > 65535)
                throw new LandingException($"{InventoryKeys.Process(role.Members.First(m => Of(m) is not null).App.Name, canonical.Type)}.port: {port} is not a TCP port.");

            services.Add(new Service
            {
                Name = name,
                Kind = kind,
                Command = canonical.Command,
                Compute = ComputeSizing.For(process.Size, $"{key}.size"),
                Count = count,
                Scaling = scaling,
                Rollout = kind == ServiceKind.Web && role.Members.Any(m => m.App.HasFeature("preboot")) ? Rollout.Preboot : Rollout.Rolling,
                Port = port,
            });
        }

        return services
            .OrderBy(s => s.Kind == ServiceKind.Web ? 0 : 1)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static void Validate(AppRole role, Dictionary<string, Dictionary<string, Process>> byMember)
    {
        foreach (var member in role.Members)
        {
            foreach (var process in byMember[member.App.Name].Values)
            {
                // Every stage is checked, not only the stack's, so each stack fails or succeeds alike.
                var key = InventoryKeys.Process(member.App.Name, process.Type);
                ComputeSizing.For(process.Size, $"{key}.size");
                if (process.Quantity < 0)
                    throw new LandingException($"{key}.quantity: {process.Quantity} is not a dyno count; use 0 or more.");
                if (process.Autoscaling is { } a)
                    Range(a, key);
            }
        }
    }

    /// <summary>The stage spelled for findings: where the canonical value came from.</summary>
    internal static string Stage<T>(AppRole role, Func<RoleMember, T?> select)
        where T : class =>
        role.Members.First(m => select(m) is not null) is { Stage: { } s } ? PipelineStages.Spell(s) : "inventory's";

    private static Dictionary<string, Process> ProcessesOf(RoleMember member)
    {
        var result = new Dictionary<string, Process>(StringComparer.Ordinal);
        foreach (var process in member.App.Processes)
        {
            var key = InventoryKeys.Process(member.App.Name, process.Type);
            var name = ResourceNames.From(process.Type, key);
            if (!result.TryAdd(name, process))
            {
                throw new LandingException(
                    $"{key}: process types '{result[name].Type}' and '{process.Type}' both land as service '{name}'; rename one in the Procfile.");
            }
        }

        return result;
    }

    private static ScalingRange Range(Autoscaling a, string key) =>
        a.Min >= 0 && a.Max >= a.Min && a.Max > 0
            ? new ScalingRange(a.Min, a.Max)
            : throw new LandingException($"{key}.autoscaling: min {a.Min}, max {a.Max} is not a range; use 0 ≤ min ≤ max and max ≥ 1.");
}
