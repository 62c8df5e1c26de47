namespace HerokuToCloud.Kubernetes.Manifests;

/// <summary>A manifest directory that cannot be read back for checking; the message names the file (and line) and what to change.</summary>
public sealed class ManifestReadException(string message) : Exception(message);
