namespace HerokuToCloud.Inventory;

/// <summary>
/// Follows <see cref="ConfigVar.RefersTo"/> within one app. A var may name a var that names another
/// (A_DB = $B_DB, B_DB = $DATABASE_URL): what A_DB gets on the new platform is what the last one gets, so
/// every consumer asks for the end of the chain, never one hop, and the order the app lists them in does not
/// matter. A chain that comes back to a var already on it (X = $Y, Y = $X; X = $X) gives no var a value:
/// the readers refuse it, and <see cref="FinalTarget"/> reports it rather than following it forever.
/// </summary>
public static class ConfigReferences
{
    /// <summary>
    /// The var at the end of <paramref name="name"/>'s chain: the first var on it that refers to nothing, or a
    /// name <paramref name="config"/> does not list (an attachment's var the app's config leaves out). Null when
    /// <paramref name="name"/> refers to nothing, or when its chain runs into a loop (see <see cref="FirstLoop"/>).
    /// </summary>
    public static string? FinalTarget(IReadOnlyList<ConfigVar> config, string name)
    {
        var byName = ByName(config);
        if (!byName.TryGetValue(name, out var start) || Local(start) is null)
            return null;

        var visited = new HashSet<string>(StringComparer.Ordinal) { name };
        var current = Local(start)!;
        while (byName.TryGetValue(current, out var next) && Local(next) is { } onward)
        {
            if (!visited.Add(current))
                return null;
            current = onward;
        }

        return current;
    }

    /// <summary>
    /// The vars of the first loop in <paramref name="config"/>, in chain order, starting with the one listed
    /// first (X, Y for X = $Y, Y = $X; X alone for X = $X); empty when there is none.
    /// </summary>
    public static IReadOnlyList<string> FirstLoop(IReadOnlyList<ConfigVar> config)
    {
        var byName = ByName(config);
        foreach (var var in config)
        {
            var path = new List<string>();
            var current = var.Name;
            while (byName.TryGetValue(current, out var next) && Local(next) is { } onward)
            {
                var at = path.IndexOf(current);
                if (at >= 0)
                {
                    var loop = path.Skip(at).ToList();
                    // Start with the loop's var the app lists first, so the message points at one place whichever var the search began with.
                    var first = config.Select(c => c.Name).First(loop.Contains);
                    var shift = loop.IndexOf(first);
                    return [.. loop.Skip(shift), .. loop.Take(shift)];
                }

                path.Add(current);
                current = onward;
            }
        }

        return [];
    }

    /// <summary>"X → Y → X": a loop as the chain a reader sees.</summary>
    public static string Describe(IReadOnlyList<string> loop) => string.Join(" → ", loop.Append(loop[0]));

    /// <summary>
    /// The var of the same app that <paramref name="var"/> names. A var naming another app's var
    /// (<see cref="ConfigVar.RefersToApp"/>) leaves the app, so its chain ends there.
    /// </summary>
    private static string? Local(ConfigVar var) => var.RefersToApp is null ? var.RefersTo : null;

    // The first entry of a name wins, as everywhere else the app's config is looked up by name.
    private static Dictionary<string, ConfigVar> ByName(IReadOnlyList<ConfigVar> config)
    {
        var byName = new Dictionary<string, ConfigVar>(StringComparer.Ordinal);
        foreach (var var in config)
            byName.TryAdd(var.Name, var);
        return byName;
    }
}
