namespace HerokuToCloud.Kubernetes;

/// <summary>The provider packages a Kubernetes program pins, matching tests/conformance/package.json.</summary>
public static class ProviderVersions
{
    public const string Kubernetes = "4.34.2";
    public const string Random = "4.21.2";

    /// <summary>
    /// The Pod Security Standards version the namespace enforces. Pinned rather than "latest" so a
    /// cluster upgrade that tightens "restricted" cannot start rejecting pods that ran yesterday.
    /// </summary>
    public const string PodSecurityVersion = "v1.33";
}
