using HerokuToCloud.Graph;
using HerokuToCloud.Landing;

namespace HerokuToCloud.Aws;

/// <summary>
/// A datastore the program created, and the connection URLs apps receive for it (built from the new
/// endpoint and generated credentials; Heroku's own URLs are never copied).
/// </summary>
internal sealed record DatastoreConnection(Datastore Store, Resource Primary, Resource SecurityGroup, Value Url, Value TlsUrl)
{
    public Value UrlFor(DatastoreUrl form) => form == DatastoreUrl.TlsUrl ? TlsUrl : Url;
}
