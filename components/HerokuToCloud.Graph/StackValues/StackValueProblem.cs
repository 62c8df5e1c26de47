namespace HerokuToCloud.Graph;

/// <summary>
/// A stack config value the target's cloud would refuse although its Pulumi type allows it (a
/// negative task count, a CPU/memory pair Fargate does not offer): the key, and what is wrong with
/// its value including the values that are allowed.
/// </summary>
public sealed record StackValueProblem(string Key, string Problem);
