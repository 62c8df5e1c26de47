using HerokuToCloud.Inventory.Readers.Secrets;

namespace HerokuToCloud.Inventory.Readers.PlatformApi;

/// <summary>A finished capture: the inventory, the values when asked for, and what to tell the user.</summary>
/// <param name="System">The inventory; holds no config var value.</param>
/// <param name="Secrets">Team-set config var values; null unless the request asked for them.</param>
/// <param name="Warnings">Things the user must act on (the Scheduler jobs to fill in), for the terminal.</param>
public sealed record PlatformCapture(HerokuSystem System, CapturedSecrets? Secrets, IReadOnlyList<string> Warnings);
