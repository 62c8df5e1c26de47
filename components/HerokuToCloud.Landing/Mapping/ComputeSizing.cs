using HerokuToCloud.Inventory;

namespace HerokuToCloud.Landing;

/// <summary>
/// Dyno size → <see cref="ComputeSize"/>. The guarantee (Vcpu, MemoryMiB) is the dyno's own
/// numbers from <see cref="DynoSizes"/>; the limit is what a hard quota must allow.
/// </summary>
/// <remarks>
/// heroku-facts 6c rule 2: shared dynos (eco, basic, standard-1x/2x) burst up to 4× their CPU share
/// and Heroku tolerates brief memory overuse (R14, restart only at 5× quota), while a Fargate or
/// Kubernetes limit throttles CPU and OOM-kills at once, so shared sizes get twice their guarantee
/// as the limit. Dedicated sizes (performance, private, shield, Fir) already own their CPU and keep
/// their numbers. Examples: standard-1x 0.25/512 → limit 0.5/1024; performance-m 2/2560 → 2/2560.
/// </remarks>
public static class ComputeSizing
{
    /// <summary>Headroom factor for shared (non-dedicated) sizes, on both CPU and memory.</summary>
    public const int SharedHeadroom = 2;

    public static ComputeSize For(DynoSize size)
    {
        var factor = size.Dedicated ? 1 : SharedHeadroom;
        return new ComputeSize(size.Name, Normalize(size.Vcpu), size.MemoryMiB, Normalize(size.Vcpu * factor), size.MemoryMiB * factor);
    }

    /// <summary>Drops trailing zeros (0.25 × 2 is 0.50 in decimal arithmetic) so that every writer prints "0.5".</summary>
    internal static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    /// <summary>Sizes a dyno by any spelling Heroku uses; an unknown size is a <see cref="LandingException"/> naming <paramref name="key"/>.</summary>
    public static ComputeSize For(string herokuSize, string key) =>
        DynoSizes.TryFind(herokuSize, out var size)
            ? For(size)
            : throw new LandingException(
                $"{key}: '{herokuSize}' is not a Heroku dyno size; use one of {string.Join(", ", DynoSizes.All.Select(s => s.Name))}.");
}
