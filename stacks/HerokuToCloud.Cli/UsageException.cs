namespace HerokuToCloud.Cli;

/// <summary>A command-line combination that cannot work; the message says which options to use instead.</summary>
internal sealed class UsageException(string message) : Exception(message);
