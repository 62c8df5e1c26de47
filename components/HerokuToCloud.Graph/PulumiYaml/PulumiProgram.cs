namespace HerokuToCloud.Graph.PulumiYaml;

/// <summary>A program directory as read back: the program and the stacks whose files sit next to it.</summary>
public sealed record PulumiProgram(ResourceGraph Graph, IReadOnlyList<StackConfig> Stacks);
