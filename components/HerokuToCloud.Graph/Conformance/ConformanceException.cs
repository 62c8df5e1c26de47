namespace HerokuToCloud.Graph.Conformance;

/// <summary>The conformance check could not run (typings not installed, node missing, tsc crashed); the message says what to do.</summary>
public sealed class ConformanceException(string message) : Exception(message);
