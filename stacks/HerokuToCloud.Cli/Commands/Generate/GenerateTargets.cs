namespace HerokuToCloud.Cli.Commands.Generate;

/// <summary>Every target `generate` knows, registered with one line each.</summary>
internal static class GenerateTargets
{
    public static IReadOnlyList<IGenerateTarget> All { get; } =
    [
        new AwsTarget(),
    ];
}
