namespace HerokuToCloud.Graph;

/// <summary>
/// A stack config value Pulumi would refuse for its declared type (maybe for a boolean) or the target's
/// cloud would refuse although its type allows it (a negative task count, a CPU/memory pair Fargate does
/// not offer): the key, and what is wrong with its value including the values that are allowed.
/// </summary>
public sealed record StackValueProblem(string Key, string Problem);
