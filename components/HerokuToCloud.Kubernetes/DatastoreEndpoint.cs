using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Kubernetes;

/// <summary>
/// How apps reach one datastore: the connection URLs rebuilt for its new home (the values that
/// replace DATABASE_URL, REDIS_URL and REDIS_TLS_URL), the pods to allow in network policy (null for a
/// datastore outside the cluster, reached by address) and the port.
/// </summary>
internal sealed record DatastoreEndpoint(string Datastore, Value Url, Value TlsUrl, int Port, MapValue? PodSelector)
{
    /// <summary>The resources apps must wait for before they start (the database being ready).</summary>
    public IReadOnlyList<string> ReadyResources { get; init; } = [];

    public Value For(DatastoreUrl form) => form == DatastoreUrl.TlsUrl ? TlsUrl : Url;
}
