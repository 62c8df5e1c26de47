namespace HerokuToCloud.Kubernetes.Manifests;

/// <summary>A program that cannot be written as plain Kubernetes manifests (a resource type or value only Pulumi can create).</summary>
public sealed class ManifestRenderException(string message) : Exception(message);
