namespace HerokuToCloud.Cli.Output;

/// <summary>A stack file as `generate` writes it over an existing one, and the team's values it kept that differ from the generated ones.</summary>
internal sealed record MergedStackFile(string Text, IReadOnlyList<KeptStackValue> Kept);
