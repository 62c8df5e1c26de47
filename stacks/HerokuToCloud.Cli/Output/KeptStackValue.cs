namespace HerokuToCloud.Cli.Output;

/// <summary>
/// A value an existing stack file holds that `generate` left in place although the inventory and
/// options now give another: the summary lists it so a regenerate never hides a difference.
/// </summary>
/// <param name="File">The stack file's name (Pulumi.prod.yaml).</param>
/// <param name="Key">The key as the file spells it (emigrate:emigrateBackendWebCount).</param>
/// <param name="Kept">The team's value, as text (lists comma-separated).</param>
/// <param name="Generated">What generate would have written.</param>
internal sealed record KeptStackValue(string File, string Key, string Kept, string Generated);
