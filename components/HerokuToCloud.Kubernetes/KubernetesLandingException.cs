namespace HerokuToCloud.Kubernetes;

/// <summary>
/// A landing plan the Kubernetes components cannot turn into a valid program (a name Kubernetes
/// would reject, a reference to a datastore the plan does not have). The message names the plan
/// element and says what to change.
/// </summary>
public sealed class KubernetesLandingException(string message) : Exception(message);
