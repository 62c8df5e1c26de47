namespace HerokuToCloud.Aws;

/// <summary>
/// A landing plan the AWS components cannot turn into a working program: a size no Fargate task
/// offers, a name AWS would reject, a secret that points at a datastore the plan does not have.
/// The message names the app, process or datastore and says what to change; the CLI prints it as-is.
/// </summary>
public sealed class AwsLandingException(string message) : Exception(message);
