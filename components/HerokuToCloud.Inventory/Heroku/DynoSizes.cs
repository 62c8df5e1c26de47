using System.Collections.Frozen;

namespace HerokuToCloud.Inventory;

/// <summary>
/// The dyno sizes Heroku has sold, current and legacy, with the numbers from Heroku's dyno-type
/// pages and the Platform API (see docs/heroku-facts in the README for sources).
/// </summary>
public static class DynoSizes
{
    /// <summary>Heroku's size for a process type nobody has resized.</summary>
    public const string Default = "standard-1x";

    private static readonly FrozenDictionary<string, DynoSize> BySize = Build();

    public static IEnumerable<DynoSize> All => BySize.Values.DistinctBy(s => s.Name).OrderBy(s => s.Name, StringComparer.Ordinal);

    /// <summary>Finds a size by any of its spellings, ignoring case ("Standard-1X", "1X", "hobby").</summary>
    public static bool TryFind(string name, out DynoSize size) =>
        BySize.TryGetValue(name.Trim(), out size!);

    public static DynoSize Find(string name) =>
        TryFind(name, out var size)
            ? size
            : throw new KeyNotFoundException($"'{name}' is not a Heroku dyno size; known sizes: {string.Join(", ", All.Select(s => s.Name))}.");

    private static FrozenDictionary<string, DynoSize> Build()
    {
        var map = new Dictionary<string, DynoSize>(StringComparer.OrdinalIgnoreCase);
        void Add(DynoSize size, params string[] aliases)
        {
            map[size.Name] = size;
            foreach (var alias in aliases)
                map[alias] = size;
        }

        // Cedar shared sizes: a CPU share, bursting; 1x = a quarter vCPU.
        Add(new("eco", 0.25m, 512, false, "cedar"), "free");
        Add(new("basic", 0.25m, 512, false, "cedar"), "hobby");
        Add(new("standard-1x", 0.25m, 512, false, "cedar"), "1x");
        Add(new("standard-2x", 0.5m, 1024, false, "cedar"), "2x");

        // Cedar dedicated sizes; Private and Shield share the Performance numbers.
        foreach (var prefix in new[] { "performance", "private", "shield" })
        {
            if (prefix != "performance")
                Add(new($"{prefix}-s", 1m, 1024, true, "cedar"));
            Add(new($"{prefix}-m", 2m, 2560, true, "cedar"));
            Add(new($"{prefix}-l", 8m, 14336, true, "cedar"));
            Add(new($"{prefix}-l-ram", 4m, 30720, true, "cedar"));
            Add(new($"{prefix}-xl", 8m, 63488, true, "cedar"));
            Add(new($"{prefix}-2xl", 16m, 129024, true, "cedar"));
        }

        // Legacy 2014 performance dyno: 6 GB, 8 cores.
        Add(new("px", 8m, 6144, true, "cedar"));

        // Fir sizes are named dyno-<vCPU>c-<GB>gb.
        foreach (var (cpu, gb) in new (int, decimal)[]
                 {
                     (1, 0.5m), (1, 4), (1, 8), (2, 1), (2, 4), (2, 8), (2, 16), (4, 8), (4, 16), (4, 32),
                     (8, 16), (8, 32), (8, 64), (16, 32), (16, 64), (16, 128), (32, 64),
                 })
        {
            Add(new($"dyno-{cpu}c-{gb.ToString(System.Globalization.CultureInfo.InvariantCulture)}gb", cpu, (int)(gb * 1024), true, "fir"));
        }

        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
