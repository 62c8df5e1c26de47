namespace HerokuToCloud.Cli.Secrets;

/// <summary>
/// A condition of <c>secrets push</c> the user must fix: no Pulumi CLI, a program that does not match
/// the inventory, a pulumi call that failed. The message says what to do and never holds a value.
/// </summary>
internal sealed class SecretPushException(string message) : Exception(message);
