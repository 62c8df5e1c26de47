using HerokuToCloud.Landing;

namespace HerokuToCloud.Cli.Generation;

/// <summary>
/// What one target produced for one stack: the files to write (relative path → content), what the
/// program is, and what the user must read or do before deploying.
/// </summary>
internal sealed record GeneratedProgram(
    string Target,
    string Format,
    IReadOnlyDictionary<string, string> Files,
    int Resources,
    IReadOnlyList<PlanFinding> Findings,
    IReadOnlyList<string> Secrets,
    IReadOnlyList<(string Key, string Value)> Review,
    IReadOnlyList<string> NextSteps);
