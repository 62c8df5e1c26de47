namespace HerokuToCloud.Inventory;

/// <summary>
/// A Heroku dyno size in numbers a new platform can use.
/// </summary>
/// <param name="Name">Canonical lower-case name, for example "standard-2x".</param>
/// <param name="Vcpu">
/// vCPUs the dyno can count on. Heroku does not publish vCPUs for Cedar sizes: shared sizes use
/// their CPU share (1x = 0.25), dedicated sizes assume vCPU ≈ compute/6, Fir sizes are named by vCPU.
/// </param>
/// <param name="MemoryMiB">The dyno's memory quota.</param>
/// <param name="Dedicated">
/// False for shared sizes, which burst above their share and tolerate brief memory overuse on Heroku;
/// a hard cloud quota needs headroom for those.
/// </param>
/// <param name="Generation">"cedar" or "fir".</param>
public sealed record DynoSize(string Name, decimal Vcpu, int MemoryMiB, bool Dedicated, string Generation)
{
    /// <summary>Heroku autoscales web dynos on Performance, Private and Shield sizes only.</summary>
    public bool SupportsAutoscaling => Dedicated && Generation == "cedar";
}
