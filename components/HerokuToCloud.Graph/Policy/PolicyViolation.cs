namespace HerokuToCloud.Graph.Policy;

/// <summary>
/// A rule broken by one element of a program: <paramref name="Resource"/> is the resource's logical name
/// (or the config key, variable or stack file a program-level finding is about); <paramref name="Message"/>
/// says what is wrong and what to change.
/// </summary>
public sealed record PolicyViolation(string RuleId, string Resource, string Message);

/// <summary>A violation the program explicitly opted out of, with the reason it recorded.</summary>
public sealed record PolicyWaiver(PolicyViolation Violation, string Reason);

/// <summary>A waiver recorded on a resource, as a waiver convention reads it.</summary>
public sealed record WaiverEntry(string RuleId, string Reason);

/// <summary>A waiver that waived nothing (no such rule, or the rule passes): reported so stale opt-outs get cleaned up.</summary>
public sealed record UnusedWaiver(string Resource, string RuleId, string Reason);
